"""A table sheet (表二, 表三, 表四): the official grid with merges and labels, inputs unlocked and validated,
derived totals as live formulas, protected without a password, A4 print set-up."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.table_widths import column_widths_mm, is_row_label, left_aligned_columns
from gkdesk.io.xlsx.cells import (
    FONT_SIZE,
    column_mm,
    compact_ranges,
    coordinate,
    fit_to_page_width,
    line_count,
    put_text,
    put_value,
    row_height,
)
from gkdesk.io.xlsx.styles import FORMULA, HEADING, INPUT, LABEL, LABEL_LEFT, Preset, Styler, merge_styled
from gkdesk.model import Report
from gkdesk.spec import GridCell, Section, Table, TableLayout, ValueType, build_layout

TOP = 2  # grid starts on sheet row 3 (0-based 2): row 1 the heading, row 2 empty
SHEET_WIDTH_MM = 180.0
MM_PER_WIDTH_UNIT = 2.0  # Excel column width unit ≈ one digit of the default font
PADDING_MM = 1.0


@dataclass
class TableSheet:
    """Where each cell of one table went."""

    title: str
    table: Table
    layout: TableLayout
    refs: dict[str, str] = field(default_factory=dict)  # cell key → coordinate
    formulas: dict[str, str] = field(default_factory=dict)  # derived cell key → formula written


def sheet_title(section: Section) -> str:
    return f"表{section.number}"


def table_sheet(section: Section, table: Table) -> TableSheet:
    """The sheet's name and the coordinate of every cell (also used to read the sheet back)."""
    layout = build_layout(table)
    info = TableSheet(sheet_title(section), table, layout)
    for cell in layout.cells:
        if cell.cell_key is not None:
            info.refs[cell.cell_key] = coordinate(TOP + cell.row, cell.col)
    return info


def add_table_sheet(workbook: Workbook, section: Section, report: Report, styler: Styler | None = None) -> TableSheet:
    styler = styler or Styler()
    table = report.spec.tables[section.table or ""]
    layout = build_layout(table)
    sheet = workbook.create_sheet(sheet_title(section))
    info = table_sheet(section, table)
    styler.apply(sheet.cell(1, 1), HEADING)
    put_text(sheet.cell(1, 1), section.heading)
    planned = column_widths_mm(table, layout, SHEET_WIDTH_MM, FONT_SIZE, PADDING_MM)
    left = left_aligned_columns(table, layout, planned, FONT_SIZE, PADDING_MM)
    units = [round(width / MM_PER_WIDTH_UNIT, 1) for width in planned]
    for col, width in enumerate(units):
        sheet.column_dimensions[get_column_letter(col + 1)].width = width
    for cell in layout.cells:
        preset = LABEL_LEFT if cell.col in left and is_row_label(cell) else _preset(cell, report)
        _write_cell(sheet, info, cell, report, styler, preset)
    _row_heights(sheet, layout, [column_mm(width) for width in units])
    _validation(sheet, info, report)
    _print_setup(sheet, info)
    sheet.protection.sheet = True  # no password: protects labels and formulas from accidents only
    return info


def _write_cell(
    sheet: Worksheet, info: TableSheet, cell: GridCell, report: Report, styler: Styler, preset: Preset
) -> None:
    """Write one grid cell; a merged range gets the style (border, fill, lock) on every one of its cells,
    since Excel and LibreOffice draw a merged range's borders from its edge cells."""
    row, col = TOP + cell.row + 1, cell.col + 1
    if cell.rowspan > 1 or cell.colspan > 1:
        merge_styled(sheet, row, col, row + cell.rowspan - 1, col + cell.colspan - 1)
    for r in range(row, row + cell.rowspan):
        for c in range(col, col + cell.colspan):
            styler.apply(sheet._cells.get((r, c)) or sheet.cell(r, c), preset)
    target = sheet.cell(row, col)
    key = cell.cell_key
    if key is None:
        put_text(target, cell.text)
    elif key in report.declared or not report.spec.cells[key].derived:
        put_value(target, (report.declared if key in report.declared else report.values).get(key))
    else:
        info.formulas[key] = target.value = total_formula(info, key)


def _preset(cell: GridCell, report: Report) -> Preset:
    key = cell.cell_key
    if key is None:
        return LABEL
    return FORMULA if report.spec.cells[key].derived else INPUT


def total_formula(info: TableSheet, key: str) -> str:
    """The live formula of a derived total, e.g. =SUM(D4,E4,F4,G4,H4,I4)."""
    _, row, column = key.split(".")
    table = info.table
    for total in table.totals:
        if total.axis == "column" and total.target == column:
            parts = [info.refs[table.cell_key(row, part)] for part in total.parts]
            return f"=SUM({','.join(parts)})"
    for total in table.totals:
        if total.axis == "row" and total.target == row:
            parts = [info.refs[table.cell_key(part, column)] for part in total.parts]
            return f"=SUM({parts[0]}:{parts[-1]})" if _contiguous(parts) else f"=SUM({','.join(parts)})"
    raise KeyError(key)


def _contiguous(refs: list[str]) -> bool:
    return len(compact_ranges(refs)) == 1


def _row_heights(sheet: Worksheet, layout: TableLayout, widths_mm: list[float]) -> None:
    """Estimated heights (Excel and WPS do not fit rows holding wrapped merged cells); a cell spanning
    rows that needs more lines than its rows give gets the rest in its last row."""
    lines = [1] * layout.n_rows
    for cell in layout.cells:
        if cell.rowspan == 1 and cell.text:
            width = sum(widths_mm[cell.col : cell.col + cell.colspan])
            lines[cell.row] = max(lines[cell.row], line_count(cell.text, width))
    for cell in layout.cells:
        if cell.rowspan > 1 and cell.text:
            width = sum(widths_mm[cell.col : cell.col + cell.colspan])
            spanned = range(cell.row, cell.row + cell.rowspan)
            missing = line_count(cell.text, width) - sum(lines[r] for r in spanned)
            if missing > 0:
                lines[spanned[-1]] += missing
    for row, count in enumerate(lines):
        sheet.row_dimensions[TOP + row + 1].height = row_height(count)


def _validation(sheet: Worksheet, info: TableSheet, report: Report) -> None:
    """One rule per value type, each over compact ranges of its input cells."""
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    whole.error, whole.errorTitle = "请填写非负整数（件数）。", "数值无效"
    signed = DataValidation(
        type="whole", operator="between", formula1="-1000000000", formula2="1000000000", allow_blank=True
    )
    signed.error, signed.errorTitle = "请填写整数（可为负数）。", "数值无效"
    whole_refs: list[str] = []
    signed_refs: list[str] = []
    for key, ref in info.refs.items():
        cell = report.spec.cells[key]
        if cell.derived:
            continue
        if cell.value_type is ValueType.AMOUNT_WAN:
            amount = DataValidation(type="custom", formula1=f"AND(ISNUMBER({ref}),{ref}>=0,ROUND({ref},4)={ref})")
            amount.error, amount.errorTitle = "请填写非负金额，单位万元，最多4位小数。", "金额无效"
            amount.showErrorMessage = True
            amount.allow_blank = True
            amount.sqref = MultiCellRange(ref)
            sheet.add_data_validation(amount)
        elif cell.value_type is ValueType.SIGNED_COUNT:
            signed_refs.append(ref)
        else:
            whole_refs.append(ref)
    for validation, refs in ((whole, whole_refs), (signed, signed_refs)):
        if refs:
            validation.showErrorMessage = True
            validation.sqref = MultiCellRange(" ".join(compact_ranges(refs)))
            sheet.add_data_validation(validation)


def _print_setup(sheet: Worksheet, info: TableSheet) -> None:
    fit_to_page_width(sheet, "portrait")
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    last = coordinate(TOP + info.layout.n_rows - 1, info.layout.n_cols - 1)
    sheet.print_area = f"A1:{last}"
    if len(info.table.bands) == 1:
        sheet.print_title_rows = f"{TOP + 1}:{TOP + info.layout.leading_header_rows}"
