"""Review comments (批注) as Excel cell comments: on the value cell, the row's label cell, the paragraph's row
of 文字部分 or a 基本信息 field; read back from gkdesk's own and from foreign workbooks.

`add_xlsx_comments(workbook, report)` is called by the Excel export (one-line hook);
`read_xlsx_comments(path, report)` returns the comments found in a returned .xlsx.

Excel holds one comment per cell: several 批注 on one place share it, separated by SEPARATOR, each after
the first naming its reviewer on a 批注人： line.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.workbook import Workbook

from gkdesk.io.files.limits import refuse_crowded_workbook
from gkdesk.io.foreign.filegrid import FileGrid
from gkdesk.io.foreign.table_match import read_tables
from gkdesk.io.xlsx.cells import coordinate
from gkdesk.io.xlsx.info import CONTINUED_LABEL, INFO_SHEET, OPENING_LABEL, TEXT_SHEET, info_fields, sheet_rows
from gkdesk.io.xlsx.package import XlsxPackage
from gkdesk.io.xlsx.read import sheet_grid
from gkdesk.io.xlsx.sheets import is_info_sheet, is_text_sheet
from gkdesk.io.xlsx.tables import TOP, table_sheet
from gkdesk.model import Report, ReviewComment
from gkdesk.model.comments import comment_text, parse_comment_text
from gkdesk.spec import ParagraphRef, RowRef, build_layout

SEPARATOR = "────────"
AUTHOR_PREFIX = "批注人："
Place = tuple[str, str]  # (sheet title, coordinate)


# ------------------------------------------------------------------ export


def _table_places(report: Report) -> dict[str, Place]:
    """Cell keys and row anchors ("table.row": the row's innermost label cell) → place."""
    places: dict[str, Place] = {}
    for section in report.spec.sections:
        if section.table is None:
            continue
        table = report.spec.tables[section.table]
        info = table_sheet(section, table)
        places.update({key: (info.title, ref) for key, ref in info.refs.items()})
        for cell in build_layout(table).cells:
            if cell.kind == "label" and cell.row_key is not None and cell.rowspan == 1:
                places[f"{table.key}.{cell.row_key}"] = (info.title, coordinate(TOP + cell.row, cell.col))
    return places


def _text_places(report: Report) -> dict[str, Place]:
    """Places of “opening”, “section#n” (1-based) and each section on 文字部分, and of the 基本信息 fields."""
    places: dict[str, Place] = {}
    for row, (key, _, _) in enumerate(info_fields(report), start=1):
        places[key] = (INFO_SHEET, f"B{row}")
    headings = {section.heading: section.key for section in report.spec.sections}
    counts: dict[str, int] = {}
    for row, (label, kind, _) in enumerate(sheet_rows(report), start=2):
        if kind == CONTINUED_LABEL:
            continue  # the rest of the paragraph above
        if label == OPENING_LABEL:
            places["opening"] = (TEXT_SHEET, f"C{row}")
        elif label in headings:
            section = headings[label]
            counts[section] = counts.get(section, 0) + 1
            places[str(ParagraphRef(section, counts[section]))] = (TEXT_SHEET, f"C{row}")
            places.setdefault(section, (TEXT_SHEET, f"A{row}"))
    return places


def comment_places(report: Report) -> dict[str, Place]:
    """Every anchor a comment of `report` can have → where the export puts it."""
    return _text_places(report) | _table_places(report)


def _place_of(report: Report, anchor: str, places: dict[str, Place]) -> Place:
    if anchor in places:
        return places[anchor]
    if isinstance(report.spec.place(anchor), RowRef):  # a row without a label cell of its own: its first value cell
        first = next((k for k in places if k.startswith(anchor + ".")), None)
        if first is not None:
            return places[first]
    return places["title"]


def _block(comment: ReviewComment, first: bool) -> str:
    text = comment_text(comment)
    return text if first else f"{AUTHOR_PREFIX}{comment.author}\n{text}"


def add_xlsx_comments(workbook: Workbook, report: Report) -> None:
    """Put each ReviewComment on its cell as an Excel comment (author = reviewer, text with 【status】)."""
    if not report.comments:
        return
    places = comment_places(report)
    by_place: dict[Place, list[ReviewComment]] = {}
    for comment in report.comments:
        by_place.setdefault(_place_of(report, comment.anchor, places), []).append(comment)
    for (sheet, ref), comments in by_place.items():
        text = f"\n{SEPARATOR}\n".join(_block(c, i == 0) for i, c in enumerate(comments))
        lines = text.count("\n") + 1 + len(text) // 24
        workbook[sheet][ref].comment = Comment(text, comments[0].author, height=min(600, 20 * lines + 20), width=260)


# ------------------------------------------------------------------ import


def _has_comments(names: list[str]) -> bool:
    return any(name.startswith("xl/comments") for name in names)


def _part_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return package.namelist()
    except zipfile.BadZipFile:
        return []


def _split(text: str, author: str) -> list[tuple[str, str]]:
    """(author, text) of each 批注 in one cell comment; Excel's own “author:” first line dropped."""
    first_line, _, rest = text.partition("\n")
    if author and first_line.strip() in (f"{author}:", f"{author}："):
        text = rest
    found = []
    for index, block in enumerate(text.split(f"\n{SEPARATOR}\n")):
        who = author
        if index and block.startswith(AUTHOR_PREFIX):
            who, _, block = block.partition("\n")
            who = who[len(AUTHOR_PREFIX) :].strip()
        found.append((who, block))
    return found


def _text_sheet_anchors(grid: FileGrid, report: Report) -> dict[tuple[int, int], str]:
    headings = {section.heading: section.key for section in report.spec.sections}
    anchors: dict[tuple[int, int], str] = {}
    counts: dict[str, int] = {}
    for row in range(1, len(grid.rows)):
        label = grid.cell(row, 0).text.strip()
        if label == OPENING_LABEL:
            anchor = "opening"
        elif label in headings:
            section = headings[label]
            counts[section] = counts.get(section, 0) + 1
            anchor = str(ParagraphRef(section, counts[section]))
            anchors.setdefault((row, 0), section)
        else:
            continue
        for col in (1, 2):
            anchors[(row, col)] = anchor
        anchors.setdefault((row, 0), anchor)
    return anchors


def _info_sheet_anchors(grid: FileGrid, report: Report) -> dict[tuple[int, int], str]:
    anchors = {}
    for row, (key, _, _) in enumerate(info_fields(report)):
        anchors[(row, 0)] = anchors[(row, 1)] = key
    return anchors


def _layout_anchors(report: Report) -> dict[tuple[str, int, int], str]:
    """(sheet title, row, col) → cell key for value cells, "table.row" for the labels of a data row, in a
    workbook gkdesk exported: every table sheet as `build_layout` placed it."""
    anchors: dict[tuple[str, int, int], str] = {}
    for section in report.spec.sections:
        if section.table is None:
            continue
        sheet = table_sheet(section, report.spec.tables[section.table])
        for cell in sheet.layout.cells:
            anchor = cell.cell_key or (f"{sheet.table.key}.{cell.row_key}" if cell.row_key else "")
            for row in range(cell.row, cell.row + cell.rowspan) if anchor else ():
                for col in range(cell.col, cell.col + cell.colspan):
                    anchors[(sheet.title, TOP + row, col)] = anchor
    return anchors


def _table_anchors(grids: list[FileGrid], report: Report) -> dict[tuple[int, int, int], str]:
    """(id(grid), row, col) → cell key for value cells, "table.row" for the other cells of a data row."""
    reading = read_tables(grids, report.edition)
    by_id = {id(grid): grid for grid in grids}
    anchors: dict[tuple[int, int, int], str] = {}
    rows: dict[tuple[int, int], str] = {}
    for key, (grid_id, row, col) in reading.coords.items():
        grid = by_id[grid_id]
        origin = grid.cell(row, col).origin
        for r, cells in enumerate(grid.rows):
            for c, cell in enumerate(cells):
                if cell.origin == origin:
                    anchors[(grid_id, r, c)] = key
        rows.setdefault((grid_id, row), key.rsplit(".", 1)[0])
    for (grid_id, row), anchor in rows.items():
        for col in range(len(by_id[grid_id].rows[row])):
            anchors.setdefault((grid_id, row, col), anchor)
    return anchors


def _sheet_comments(workbook: Any) -> list[tuple[Any, list[tuple[int, int, Any]]]]:
    found = []
    for sheet in workbook.worksheets:
        cells = [
            (cell.row - 1, cell.column - 1, cell.comment) for row in sheet.iter_rows() for cell in row if cell.comment
        ]
        if cells:
            found.append((sheet, cells))
    return found


def read_xlsx_comments(path: Path, report: Report, own: bool = False) -> list[ReviewComment]:
    """The cell comments of an .xlsx as ReviewComments, anchored where the reader can place them (`own`: a
    gkdesk export, its table cells at their layout positions rather than matched by labels)."""
    from gkdesk.io.xlsx.package import read_file_bytes

    return comments_in(read_file_bytes(path), report, own)


def comments_in(
    data: bytes, report: Report, own: bool = False, package: XlsxPackage | None = None
) -> list[ReviewComment]:
    """`read_xlsx_comments` of a file's bytes, from `package` when the importer has it open already."""
    from gkdesk.io.xlsx.fast_comments import sheets_with_comments

    if not _has_comments(_part_names(data) if package is None else package.names()):
        return []
    with_comments: list[tuple[Any, list[tuple[int, int, Any]]]] | None = sheets_with_comments(
        data if package is None else package
    )
    if with_comments is None:  # not as gkdesk writes it: openpyxl reads it
        import openpyxl

        refuse_crowded_workbook(data, "工作簿")  # openpyxl builds every cell: count them first
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        with_comments = _sheet_comments(workbook)
        workbook.close()
    grids = {id(sheet): sheet_grid(sheet) for sheet, _ in with_comments}
    table_grids = [g for g in grids.values() if not is_text_sheet(g) and not is_info_sheet(g)]
    tables = _table_anchors(table_grids, report) if table_grids and not own else {}
    laid_out = _layout_anchors(report) if own else {}
    comments = []
    for sheet, cells in with_comments:
        grid = grids[id(sheet)]
        local = (
            _text_sheet_anchors(grid, report)
            if is_text_sheet(grid)
            else _info_sheet_anchors(grid, report)
            if is_info_sheet(grid)
            else {}
        )
        for row, col, comment in cells:
            placed = laid_out.get((sheet.title, row, col)) or tables.get((id(grid), row, col))
            anchor = local.get((row, col)) or placed or "title"
            for index, (author, text) in enumerate(_split(comment.text or "", comment.author or "")):
                status, said, replies = parse_comment_text(text)
                ref = f"{sheet.title}!{coordinate(row, col)}"
                comments.append(ReviewComment(f"x{ref}-{index + 1}", anchor, author, said, "", status, replies))
    return comments
