"""Read an .xlsx report: gkdesk's own export from its embedded data, anything else by its labels.

Spreadsheets in the official layout typed by others: each sheet becomes a grid (merged ranges share
their origin); the tables are found by their labels wherever they sit, several per sheet or one per
sheet. Title and narrative, where a sheet has them, are one-cell rows.
"""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import refuse_crowded_workbook
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.foreign.assemble import assemble, fill_from_file_name, is_no_report
from gkdesk.io.foreign.filegrid import MAX_GRID_COLS, MAX_GRID_ROWS, FileCell, FileGrid
from gkdesk.io.foreign.narrative_split import split_text
from gkdesk.io.foreign.table_match import affinity, is_sentence
from gkdesk.io.import_result import ImportResult
from gkdesk.io.own.embedded import read_own_xlsx_data
from gkdesk.io.own.read import own_or_foreign, reading
from gkdesk.io.xlsx.package import XlsxPackage, read_file_bytes
from gkdesk.io.xlsx.sheets import (
    apply_own_fields,
    is_check_sheet,
    is_info_sheet,
    is_text_sheet,
    read_own_text,
    table_grids,
)
from gkdesk.model import Paragraph
from gkdesk.spec import CURRENT_EDITION, EDITIONS, load_spec

MAX_SHEETS = 50


def cell_text(value: Any) -> str:
    """What a person sees in the cell (numbers without float noise)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def sheet_grid(sheet: Any) -> FileGrid:
    n_rows = min(sheet.max_row or 0, MAX_GRID_ROWS)
    n_cols = min(sheet.max_column or 0, MAX_GRID_COLS)
    texts = [[""] * n_cols for _ in range(n_rows)]
    for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=n_rows, max_col=n_cols, values_only=True)):
        for c, value in enumerate(row):
            texts[r][c] = cell_text(value)
    rows = [[FileCell(texts[r][c], (r, c)) for c in range(n_cols)] for r in range(n_rows)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= n_rows or left >= n_cols:
            continue
        origin = FileCell(texts[top][left], (top, left))
        for r in range(top, min(merged.max_row, n_rows)):
            for c in range(left, min(merged.max_col, n_cols)):
                rows[r][c] = origin
    return FileGrid(f"工作表“{sheet.title}”", rows)


def _is_table_text(text: str) -> bool:
    """A label of a table; a sentence (“…行政复议1件。”) is narrative whatever labels it mentions."""
    if is_sentence(text):
        return False
    return any(affinity(edition, key, text) > 0 for edition in EDITIONS for key in load_spec(edition).tables)


def _paragraphs(grids: list[FileGrid]) -> list[Paragraph]:
    """Rows holding a single text (title, headings, narrative) that is no table label."""
    paragraphs = []
    for grid in grids:
        for r in range(len(grid.rows)):
            texts = [cell.text for _, cell in grid.distinct(r) if not cell.blank]
            if len(texts) == 1 and not _is_table_text(texts[0]):
                paragraphs.append(Paragraph.plain(texts[0].strip()))
    return paragraphs


def _load(content: bytes, data_only: bool, name: str = "工作簿") -> Any:
    import openpyxl

    refuse_crowded_workbook(content, name)  # openpyxl builds every cell: count them first

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # From memory: openpyxl leaves the file open when a damaged package makes it fail half-way.
        return openpyxl.load_workbook(io.BytesIO(content), data_only=data_only, read_only=False)


def _formula_positions(content: bytes) -> set[str]:
    """Where visible sheets hold a formula, named as FileGrid.position names cells."""
    workbook = _load(content, data_only=False)
    try:
        found = set()
        for sheet in workbook.worksheets[:MAX_SHEETS]:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            # bounded by the sheet's own extent: explicit bounds make openpyxl create every cell up to them
            n_rows, n_cols = min(sheet.max_row or 0, MAX_GRID_ROWS), min(sheet.max_column or 0, MAX_GRID_COLS)
            for row in sheet.iter_rows(max_row=n_rows, max_col=n_cols) if n_rows and n_cols else ():
                for cell in row:
                    if cell.data_type == "f":
                        found.add(f"工作表“{sheet.title}”第{cell.row}行第{cell.column}列")
        return found
    finally:
        workbook.close()


def _drop_blank_formulas(content: bytes, result: ImportResult) -> None:
    """A total computed by a formula that was never calculated (a file written by a program, not saved by
    Excel or WPS) has no stored value, yet shows its figure when opened: it is not a blank cell."""
    if not any(problem.kind == "blank" for problem in result.problems):
        return
    formulas = _formula_positions(content)
    computed = [p for p in result.problems if p.kind == "blank" and p.where in formulas]
    for problem in computed:
        if result.report.declared.get(problem.cell, 0) is None:
            del result.report.declared[problem.cell]
    result.problems = [p for p in result.problems if p not in computed]


def read_foreign_xlsx(path: Path, content: bytes | None = None) -> ImportResult:
    """Read a spreadsheet in the official layout typed by others (`content`: the file's bytes, when read already)."""
    if content is None:
        content = read_file_bytes(path)
    workbook = _load(content, data_only=True, name=path.name)
    try:
        sheets = [s for s in workbook.worksheets[:MAX_SHEETS] if getattr(s, "sheet_state", "visible") == "visible"]
        grids = [sheet_grid(sheet) for sheet in sheets]
    finally:
        workbook.close()
    own_sheets = [grid for grid in grids if is_check_sheet(grid) or is_text_sheet(grid) or is_info_sheet(grid)]
    own = read_own_text(
        next((grid for grid in own_sheets if is_info_sheet(grid)), None),
        next((grid for grid in own_sheets if is_text_sheet(grid)), None),
    )
    others = [grid for grid in grids if grid not in own_sheets]
    tables, skipped = table_grids(others)
    paragraphs = own.paragraphs if own.paragraphs else _paragraphs(others)
    text = split_text(paragraphs, load_spec(CURRENT_EDITION))
    result = assemble(tables, text)
    if is_no_report(result, text):
        raise ReportFileError(f"{path.name}：未找到年度报告的表格（按标签查找），不是政府信息公开工作年度报告")
    fill_from_file_name(result, path.name)
    _drop_blank_formulas(content, result)
    if own.found:
        apply_own_fields(result.report, own)
    result.problems += skipped
    return result


def read_xlsx(path: Path | str) -> ImportResult:
    """Read any .xlsx report; a damaged or non-report file raises ReportFileError in Chinese.

    The file is read once and its zip directory opened once (`Package`, bounded); the embedded data, the hand
    edits and the comments of gkdesk's own export are all read from that package, each part parsed once."""
    path = Path(path)
    with reading(path):
        package = Package(path, ".xlsx")
        with XlsxPackage(package.archive) as parts:
            result = own_or_foreign(
                lambda: read_own_xlsx_data(package.data, path.name, package=parts),
                lambda: read_foreign_xlsx(path, package.data),
            )
            _merge_excel_comments(package.data, parts, result)
        return result


def _merge_excel_comments(data: bytes, parts: XlsxPackage, result: ImportResult) -> None:
    from gkdesk.io.xlsx.comments import comments_in
    from gkdesk.model.comments import merge_comments

    merge_comments(result.report, comments_in(data, result.report, own=result.kind == "own", package=parts))
