"""Review comments as Word comments: anchored at the table cell or paragraph, and read back.

`add_docx_comments(document, report)` is called by the Word export; `read_docx_comments(package, report, own)`
returns the comments found in a returned .docx. In gkdesk's own files a table cell is found at its position in
the exported layout (`build_layout`); only in files typed by others are the tables matched by their labels.
"""

from __future__ import annotations

from typing import Any

from gkdesk.io.docx.body import W, read_paragraph, read_table
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.foreign.narrative_split import heading_section
from gkdesk.io.foreign.table_match import read_tables
from gkdesk.model import Report, ReviewComment
from gkdesk.model.comments import comment_text, parse_comment_text
from gkdesk.spec import ParagraphRef, RowRef, build_layout


def _layout_anchors(report: Report) -> dict[str, tuple[int, int, int]]:
    """cell key → (table index, row, col) in a gkdesk export: the tables in section order, as laid out."""
    spec = report.spec
    tables = [spec.tables[section.table] for section in spec.sections if section.table is not None]
    anchors: dict[str, tuple[int, int, int]] = {}
    for index, table in enumerate(tables):
        for cell in build_layout(table).value_cells():
            if cell.cell_key is not None:
                anchors[cell.cell_key] = (index, cell.row, cell.col)
    return anchors


def _matched_anchors(tables: list[Any], edition: str) -> dict[str, tuple[int, int, int]]:
    """cell key → (table index, row, col) for the lxml w:tbl elements of a file typed by others, by labels."""
    grids = [read_table(table, f"第{i + 1}个表格") for i, table in enumerate(tables)]
    reading = read_tables(grids, edition)
    index = {id(grid): i for i, grid in enumerate(grids)}
    return {key: (index[g], r, c) for key, (g, r, c) in reading.coords.items()}


def _paragraph_anchors(paragraphs: list[Any], report: Report) -> dict[int, str]:
    """id(w:p element) → "title" / "section#n" for the body paragraphs."""
    anchors: dict[int, str] = {}
    section: str | None = None
    count = 0
    for element in paragraphs:
        text = read_paragraph(element).text.strip()
        if not text:
            continue
        found = heading_section(text, report.spec)
        if found is not None:
            section, count = found.key, 0
            anchors[id(element)] = found.key
        elif section is None:
            anchors[id(element)] = "opening" if "title" in anchors.values() else "title"
        else:
            count += 1
            anchors[id(element)] = str(ParagraphRef(section, count))
    return anchors


def add_docx_comments(document: Any, report: Report) -> None:
    """Add each ReviewComment as a Word comment on its cell (row: first cell), paragraph or the title."""
    if not report.comments:
        return
    body_tables = document.tables
    cells = _layout_anchors(report)
    paragraphs = document.paragraphs
    anchors = _paragraph_anchors([p._p for p in paragraphs], report)
    by_anchor = {anchors[id(p._p)]: p for p in paragraphs if id(p._p) in anchors}
    for comment in report.comments:
        key = comment.anchor
        if key not in cells and isinstance(report.spec.place(key), RowRef):
            key = next((k for k in cells if k.startswith(key + ".")), key)
        if key in cells:
            table_index, row, col = cells[key]
            paragraph = body_tables[table_index].rows[row].cells[col].paragraphs[0]
        else:
            paragraph = by_anchor.get(key) or by_anchor.get("title") or paragraphs[0]
        runs = paragraph.runs or [paragraph.add_run("")]
        document.add_comment(runs, text=comment_text(comment), author=comment.author, initials=comment.author[:2])


def _anchor_of(
    start: Any, cells: dict[tuple[int, int, int], str], tables: list[Any], paragraphs: dict[int, str]
) -> str:
    cell = next((a for a in start.iterancestors(W + "tc")), None)
    if cell is not None:
        row = cell.getparent()
        table = row.getparent()
        if table in tables:
            r = list(table.iterchildren(W + "tr")).index(row)
            c = 0
            for tc in row.iterchildren(W + "tc"):
                if tc is cell:
                    break
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                c += int(span.get(W + "val", "1")) if span is not None else 1
            return cells.get((tables.index(table), r, c), "")
    paragraph = next((a for a in start.iterancestors(W + "p")), None)
    if paragraph is None and start.tag == W + "p":
        paragraph = start
    return paragraphs.get(id(paragraph), "") if paragraph is not None else ""


def read_docx_comments(package: Package, report: Report, own: bool) -> list[ReviewComment]:
    """The Word comments of a .docx as ReviewComments, anchored where the reader can place them (`own`: a
    gkdesk export, its cells at their layout positions)."""
    root = package.xml("word/comments.xml", required=False)
    if root is None:
        return []
    document = package.xml("word/document.xml")
    tables = list(document.iter(W + "tbl"))
    anchors = _layout_anchors(report) if own else _matched_anchors(tables, report.edition)
    cells = {place: key for key, place in anchors.items()}
    body_paragraphs = [p for p in document.iter(W + "p") if not list(p.iterancestors(W + "tbl"))]  # alive: ids valid
    paragraphs = _paragraph_anchors(body_paragraphs, report)
    starts = {el.get(W + "id"): el for el in document.iter(W + "commentRangeStart", W + "commentReference")}
    comments = []
    for element in root.iter(W + "comment"):
        comment_id = element.get(W + "id") or ""
        text = "\n".join(read_paragraph(p).text for p in element.iter(W + "p"))
        status, said, replies = parse_comment_text(text)
        start = starts.get(comment_id)
        anchor = _anchor_of(start, cells, tables, paragraphs) if start is not None else ""
        created = (element.get(W + "date") or "")[:19]
        author = element.get(W + "author") or ""
        comments.append(
            ReviewComment(f"w{comment_id}-{created}", anchor or "title", author, said, created, status, replies)
        )
    return comments
