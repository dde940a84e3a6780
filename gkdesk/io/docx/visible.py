"""What a gkdesk-made .docx visibly shows, compared with its embedded report (hand edits after export).

The body is the one already read from the package; each table value is taken at its position in the exported
layout (`build_layout`), never found by its labels."""

from __future__ import annotations

from gkdesk.io.docx.body import Block
from gkdesk.io.foreign.filegrid import FileGrid
from gkdesk.io.own.embedded import Difference
from gkdesk.io.own.visible_compare import paragraph_differences, text_difference, value_difference
from gkdesk.model import Paragraph, Report, Resolved
from gkdesk.model.opening import opening_text
from gkdesk.spec import Table, build_layout


def _text(block: Block) -> str | None:
    return block.text if isinstance(block, Paragraph) else None


def visible_differences(blocks: list[Block], report: Report) -> list[Difference]:
    """Every place where the body differs from the embedded report: title, opening, paragraphs, table values."""
    spec = report.spec
    headings = {section.heading: section for section in spec.sections}
    starts = [i for i, block in enumerate(blocks) if (_text(block) or "").strip() in headings]
    differences: list[Difference] = []
    front = [text for b in blocks[: starts[0] if starts else len(blocks)] if (text := _text(b)) and text.strip()]
    differences += text_difference("title", report.title, front[0] if front else "")
    differences += text_difference("opening", opening_text(report), "".join(front[1:]))
    found = {headings[(_text(blocks[i]) or "").strip()].key: i for i in starts}
    resolved = Resolved(report)
    for section in spec.sections:
        if section.key not in found:
            differences.append(Difference(section.key, section.heading, ""))
            continue
        start = found[section.key] + 1
        end = min([i for i in starts if i >= start], default=len(blocks))
        body = blocks[start:end]
        paragraphs = [text for b in body if (text := _text(b)) is not None]
        expected = [p.text for p in report.paragraphs(section.key)]
        differences += paragraph_differences(section.key, expected, paragraphs)
        if section.table is not None:
            grids = [b for b in body if isinstance(b, FileGrid)]
            differences += _table_differences(spec.tables[section.table], grids[0] if grids else None, resolved)
    return differences


def _table_differences(table: Table, grid: FileGrid | None, resolved: Resolved) -> list[Difference]:
    layout = build_layout(table)
    as_exported = grid is not None and grid.width == layout.n_cols
    differences: list[Difference] = []
    for cell in layout.value_cells():
        assert cell.cell_key is not None
        text = grid.cell(cell.row, cell.col).text if as_exported and grid and cell.row < len(grid.rows) else ""
        value_type = resolved.spec.cells[cell.cell_key].value_type
        differences += value_difference(cell.cell_key, resolved.stated(cell.cell_key), text, value_type)
    return differences
