"""Cells, widths and print set-up for the roll-up workbook's write-only sheets. No Qt.

A look (font, fill, alignment, border, number format) is turned into a style array once per workbook and
copied to each cell, so styling ten thousand rows costs little. Text is always stored as text: a unit name
such as =HYPERLINK(…) never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.xlsx.cells import FORMULA_STARTS

FONT_NAME = "宋体"
MAX_CELL_TEXT = 32767
A4 = 9  # paper size code
_THIN = Side(style="thin", color="808080")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
WRAP_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
BODY_FONT = Font(name=FONT_NAME, size=10)
RIGHT = Alignment(horizontal="right", vertical="center")
LEFT = Alignment(horizontal="left", vertical="center")


# openpyxl's write-only sheet: most of its attributes are set at run time and unknown to the type stubs.
WriteSheet = Any


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


HEADER_FILL = fill("DDE6F0")
TOTAL_FILL = fill("EDEDED")
ERROR_FILL = fill("F8CBCB")
WARNING_FILL = fill("FFF2CC")


@dataclass(frozen=True, eq=False)  # compared by identity: looks are module constants (hashing fonts is slow)
class Look:
    font: Font = BODY_FONT
    alignment: Alignment | None = None
    fill: PatternFill | None = None
    border: Border | None = GRID
    number_format: str = "General"


PLAIN = Look()
TEXT = Look(alignment=WRAP_LEFT)
NUMBER = Look(alignment=RIGHT)
TITLE = Look(font=Font(name=FONT_NAME, size=14, bold=True), alignment=LEFT, border=None)
NOTE = Look(font=Font(name=FONT_NAME, size=10, color="404040"), alignment=LEFT, border=None)
HEADER = Look(font=Font(name=FONT_NAME, size=10, bold=True), alignment=WRAP_CENTRE, fill=HEADER_FILL)
TOTAL_LABEL = Look(font=Font(name=FONT_NAME, size=10, bold=True), alignment=WRAP_LEFT, fill=TOTAL_FILL)
TOTAL_NUMBER = Look(font=Font(name=FONT_NAME, size=10, bold=True), alignment=RIGHT, fill=TOTAL_FILL)


class Painter:
    """Makes the cells of one workbook's write-only sheets in given looks."""

    def __init__(self) -> None:
        self._arrays: dict[int, tuple[Look, Any]] = {}
        self._copied: dict[tuple[Any, ...], Any] = {}

    def cell(self, sheet: WriteSheet, value: Any, look: Look = PLAIN) -> Any:
        """A styled cell; a str is stored as text (cleaned, cut to what Excel holds), never as a formula."""
        text = isinstance(value, str)
        cell: Any = WriteOnlyCell(sheet, clean_text(value)[:MAX_CELL_TEXT] if text else value)
        if text:
            cell.data_type = "s"
        known = self._arrays.get(id(look))
        if known is None:
            cell.font = look.font
            if look.alignment is not None:
                cell.alignment = look.alignment
            if look.fill is not None:
                cell.fill = look.fill
            if look.border is not None:
                cell.border = look.border
            cell.number_format = look.number_format
            self._arrays[id(look)] = (look, copy(cell._style))  # the look is kept, so its id stays its own
        else:
            cell._style = copy(known[1])
        if text and cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # shown as the text it is by every spreadsheet program, never as a formula
        return cell

    def like(self, sheet: WriteSheet, value: Any, source: Any) -> Any:
        """A cell holding `value` styled as `source`, a cell of another workbook (cached by its style)."""
        key = ("source", *source._style)
        known = self._copied.get(key)
        cell: Any = WriteOnlyCell(sheet, value)
        if known is None:
            cell.font, cell.border, cell.fill = copy(source.font), copy(source.border), copy(source.fill)
            cell.alignment, cell.protection = copy(source.alignment), copy(source.protection)
            cell.number_format = source.number_format
            cell.quotePrefix = source.quotePrefix
            self._copied[key] = copy(cell._style)
        else:
            cell._style = copy(known)
        return cell

    def formula(self, sheet: WriteSheet, formula: str, look: Look = PLAIN) -> Any:
        cell = self.cell(sheet, None, look)
        cell.value = formula  # a str starting with = : openpyxl stores it as a formula
        return cell


def letter(col: int) -> str:
    """Column letter of a 1-based column."""
    return get_column_letter(col)


def set_widths(sheet: WriteSheet, widths: list[float]) -> None:
    """Column widths in Excel units (about one digit of the default font), from column A; before any row."""
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[letter(col)].width = round(width, 1)


def text_width(text: str, bold: bool = False) -> float:
    """Excel width units the text needs on one line: a CJK character about two digits."""
    units = sum(2.1 if ord(char) > 0x2E7F else 1.1 for char in text)
    return units * (1.08 if bold else 1.0) + 1.5


def fitted_width(texts: Iterable[str], minimum: float, maximum: float) -> float:
    """The width the widest of `texts` needs, within [minimum, maximum] (texts read once, as they come)."""
    return min(max(minimum, max((text_width(text) for text in texts), default=minimum)), maximum)


def lines_needed(text: str, width_units: float) -> int:
    """Lines `text` wraps to in a column `width_units` wide."""
    room = max(width_units - 1.5, 2.0)
    lines = 0
    for line in text.split("\n"):
        used = text_width(line) - 1.5
        lines += max(1, -(-int(used * 10) // int(room * 10)))
    return lines


def height_for(lines: int, size_pt: float = 10) -> float:
    return round(lines * size_pt * 1.35 + 4, 1)


def append_row(sheet: WriteSheet, number: int, cells: list[Any], height: float | None = None) -> None:
    """Append row `number` (the sheet's next row) with `height` if given. The height is given to the row as it
    is written and then dropped: a write-only sheet would otherwise hold every row's dimensions until saved."""
    if height is None:
        sheet.append(cells)
        return
    sheet.row_dimensions[number].height = height
    sheet.append(cells)  # written to the sheet's temporary file now, its height with it
    del sheet.row_dimensions[number]


def print_setup(
    sheet: WriteSheet,
    *,
    landscape: bool,
    title_rows: str | None = None,
    title_cols: str | None = None,
    one_page: bool = False,
    grid: bool = False,
) -> None:
    """A4, one page wide (and one page tall when `one_page`), header rows repeated, page numbers in the footer;
    `grid` prints the cell grid (for sheets whose figures are written without a style, to stay fast)."""
    setup = sheet.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 1 if one_page else 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = sheet.page_margins
    margins.left = margins.right = 0.5
    margins.top, margins.bottom, margins.header, margins.footer = 0.6, 0.7, 0.3, 0.3
    sheet.print_options.horizontalCentered = True
    sheet.print_options.gridLines = grid
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.size = 9
    sheet.oddHeader.right.text = "&A"
    sheet.oddHeader.right.size = 9
    if title_rows:
        sheet.print_title_rows = title_rows
    if title_cols:
        sheet.print_title_cols = title_cols


def new_book() -> Workbook:
    """A write-only workbook whose default font is the sheets' body font (unstyled cells: the figures)."""
    book = Workbook(write_only=True)
    book._fonts = IndexedList([BODY_FONT])  # type: ignore[attr-defined]  # font 0 is what every cell without a style of its own uses
    return book


def new_sheet(book: Workbook, title: str) -> WriteSheet:
    sheet = book.create_sheet(title)
    assert isinstance(sheet, WriteOnlyWorksheet)
    return sheet
