"""全县合计表二/表三/表四: the county totals in the official layout, every merge and label as the report's own
Excel export draws them (the same sheet code), so the county copies them as they are.

The export writes a normal openpyxl sheet; the roll-up workbook is written in write-only mode, so each
table is drawn once into a small scratch workbook and copied over cell by cell with its widths, heights,
merges, styles and print set-up. The totals' derived cells keep their live SUM formulas.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import MergedCell
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.xlsx.styles import Styler
from gkdesk.io.xlsx.tables import TableSheet, add_table_sheet
from gkdesk.model import Report
from gkdesk.rollup.book.cells import Painter, WriteSheet, new_sheet

PREFIX = "全县合计"


def total_sheet_title(table_sheet_title: str) -> str:
    return f"{PREFIX}{table_sheet_title}"


def _copied_cell(painter: Painter, target: WriteSheet, source: Any) -> Any:
    if source is None or (isinstance(source, MergedCell) and not source.has_style):
        return None
    if isinstance(source, MergedCell):
        return painter.like(target, None, source)
    cell = painter.like(target, source.value, source) if source.has_style else WriteOnlyCell(target, source.value)
    cell.data_type = source.data_type
    return cell


def _copy(painter: Painter, source: Worksheet, target: WriteSheet) -> None:
    for name, dimension in source.column_dimensions.items():
        target.column_dimensions[name].width = dimension.width
    for index, row_dimension in source.row_dimensions.items():
        if row_dimension.height:
            target.row_dimensions[index].height = row_dimension.height
    for merged in source.merged_cells.ranges:
        target.merged_cells.add(merged.coord)
    setup, copied = source.page_setup, target.page_setup
    copied.paperSize, copied.orientation = setup.paperSize, setup.orientation
    copied.fitToWidth, copied.fitToHeight = setup.fitToWidth, 1  # each table on one page
    target.sheet_properties.pageSetUpPr = copy(source.sheet_properties.pageSetUpPr)  # written before the rows
    for row in range(1, source.max_row + 1):
        target.append([_copied_cell(painter, target, source._cells.get((row, col))) for col in range(1, source.max_column + 1)])
    target.print_options = copy(source.print_options)
    target.page_margins = copy(source.page_margins)
    if source.print_area:
        target.print_area = str(source.print_area).split("!")[-1].replace("$", "")
    if source.print_title_rows:
        target.print_title_rows = source.print_title_rows.replace("$", "")
    target.oddFooter.center.text = "第 &P 页，共 &N 页"
    target.oddFooter.center.size = 9
    target.protection.sheet = source.protection.sheet


def add_total_sheets(book: Workbook, painter: Painter, totals: Report) -> dict[str, TableSheet]:
    """One sheet per table of `totals` (table key → where its cells are, for charts and for reading back)."""
    scratch = Workbook()
    default = scratch.active
    if isinstance(default, Worksheet):
        scratch.remove(default)
    styler = Styler()
    placed: dict[str, TableSheet] = {}
    for section in totals.spec.sections:
        if section.table is None:
            continue
        info = add_table_sheet(scratch, section, totals, styler)
        source = scratch[info.title]
        heading = source.cell(1, 1)
        heading.value = f"{PREFIX}　{heading.value}"
        target = new_sheet(book, total_sheet_title(info.title))
        _copy(painter, source, target)
        placed[section.table] = info
    return placed
