"""What a gkdesk-made .docx visibly shows, compared with its embedded report (hand edits after export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from gkdesk.io.own.embedded import Difference
from gkdesk.io.own.visible_compare import paragraph_differences, text_difference, value_difference
from gkdesk.io.report_text import opening_text
from gkdesk.model import Report, Resolved
from gkdesk.spec import Table, build_layout

Block = str | DocxTable  # a paragraph's text, or a table


def _blocks(path: Path) -> list[Block]:
    document = docx.Document(str(path))
    blocks: list[Block] = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            blocks.append(DocxParagraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            blocks.append(DocxTable(child, document))
    return blocks


def visible_differences(path: Path, report: Report) -> list[Difference]:
    blocks = _blocks(path)
    spec = report.spec
    headings = {section.heading: section for section in spec.sections}
    starts = [i for i, block in enumerate(blocks) if isinstance(block, str) and block.strip() in headings]
    differences: list[Difference] = []
    front = [b for b in blocks[: starts[0] if starts else len(blocks)] if isinstance(b, str) and b.strip()]
    differences += text_difference("title", report.title, front[0] if front else "")
    differences += text_difference("opening", opening_text(report), "".join(front[1:]))
    found = {headings[str(blocks[i]).strip()].key: i for i in starts}
    resolved = Resolved(report)
    for section in spec.sections:
        if section.key not in found:
            differences.append(Difference(section.key, section.heading, ""))
            continue
        start = found[section.key] + 1
        end = min([i for i in starts if i >= start], default=len(blocks))
        body = blocks[start:end]
        paragraphs = [b for b in body if isinstance(b, str)]
        expected = [p.text for p in report.paragraphs(section.key)]
        differences += paragraph_differences(section.key, expected, paragraphs)
        if section.table is not None:
            tables = [b for b in body if isinstance(b, DocxTable)]
            differences += _table_differences(spec.tables[section.table], tables[0] if tables else None, resolved)
    return differences


def _table_differences(table: Table, docx_table: Any, resolved: Resolved) -> list[Difference]:
    layout = build_layout(table)
    differences: list[Difference] = []
    cells = docx_table._cells if docx_table is not None else []  # Table.cell() rescans per call
    width = len(docx_table.columns) if docx_table is not None else 0
    for cell in layout.value_cells():
        assert cell.cell_key is not None
        index = cell.row * width + cell.col
        text = cells[index].text if width == layout.n_cols and index < len(cells) else ""
        value_type = resolved.spec.cells[cell.cell_key].value_type
        differences += value_difference(cell.cell_key, resolved.stated(cell.cell_key), text, value_type)
    return differences
