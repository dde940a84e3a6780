"""The body of a .docx in reading order: paragraphs (with bold runs) and tables as grids.

Parsed straight from word/document.xml with lxml (bounded, no entities): fast, and content controls,
tracked insertions and hyperlinks are read like ordinary text.
"""

from __future__ import annotations

from typing import Any

from gkdesk.io.files.limits import MAX_BLOCKS
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.foreign.filegrid import MAX_GRID_COLS, MAX_GRID_ROWS, FileCell, FileGrid, pad
from gkdesk.model import Paragraph, Run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Block = Paragraph | FileGrid


def _attr(element: Any, name: str) -> str | None:
    value = element.get(W + name)
    return None if value is None else str(value)


def _int_attr(element: Any, default: int) -> int:
    try:
        return max(1, min(int(_attr(element, "val") or default), MAX_GRID_COLS))
    except ValueError:
        return default


def _is_bold(run: Any) -> bool:
    properties = run.find(W + "rPr")
    if properties is None:
        return False
    bold = properties.find(W + "b")
    return bold is not None and _attr(bold, "val") not in ("0", "false", "off")


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "tab":
            parts.append("\t")
        elif child.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


def read_paragraph(element: Any) -> Paragraph:
    """A w:p as runs, adjacent runs of equal weight merged."""
    runs: list[Run] = []
    for run in element.iter(W + "r"):
        if any(ancestor.tag == W + "del" for ancestor in run.iterancestors()):
            continue
        text = _run_text(run)
        if not text:
            continue
        bold = _is_bold(run)
        if runs and runs[-1].bold == bold:
            runs[-1] = Run(runs[-1].text + text, bold)
        else:
            runs.append(Run(text, bold))
    return Paragraph(tuple(runs))


def _cell_text(cell: Any) -> str:
    return "\n".join(read_paragraph(p).text for p in cell.iter(W + "p"))


def _children(element: Any, tag: str) -> list[Any]:
    """Direct children named `tag`, looking through content controls (w:sdt)."""
    found = []
    for child in element:
        if child.tag == W + tag:
            found.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                found += _children(content, tag)
    return found


def read_table(element: Any, source: str) -> FileGrid:
    """A w:tbl as a grid: horizontal (gridSpan) and vertical (vMerge) merges share their origin."""
    rows: list[list[FileCell]] = []
    for r, tr in enumerate(_children(element, "tr")[:MAX_GRID_ROWS]):
        row: list[FileCell] = []
        properties = tr.find(W + "trPr")
        before = properties.find(W + "gridBefore") if properties is not None else None
        for c in range(_int_attr(before, 0) if before is not None else 0):
            row.append(FileCell("", (r, c)))
        for tc in _children(tr, "tc"):
            if len(row) >= MAX_GRID_COLS:
                break
            tc_pr = tc.find(W + "tcPr")
            span = 1
            continued = False
            if tc_pr is not None:
                grid_span = tc_pr.find(W + "gridSpan")
                if grid_span is not None:
                    span = _int_attr(grid_span, 1)
                v_merge = tc_pr.find(W + "vMerge")
                continued = v_merge is not None and _attr(v_merge, "val") in (None, "continue")
            col = len(row)
            above = rows[r - 1][col] if continued and r > 0 and col < len(rows[r - 1]) else None
            cell = above if above is not None else FileCell(_cell_text(tc), (r, col))
            row += [cell] * min(span, MAX_GRID_COLS - col)
        rows.append(row)
    return FileGrid(source, pad(rows))


def read_body(package: Package) -> list[Block]:
    """Paragraphs and tables of the document body in order (tables named “第N个表格”)."""
    body = package.xml("word/document.xml").find(W + "body")
    if body is None:
        return []
    blocks: list[Block] = []
    tables = 0
    stack = list(reversed(list(body)))
    while stack and len(blocks) < MAX_BLOCKS:
        element = stack.pop()
        if element.tag == W + "p":
            blocks.append(read_paragraph(element))
        elif element.tag == W + "tbl":
            tables += 1
            blocks.append(read_table(element, f"第{tables}个表格"))
        elif element.tag == W + "sdt":
            content = element.find(W + "sdtContent")
            if content is not None:
                stack += list(reversed(list(content)))
    return blocks
