"""Writing cells safely and naming them: text never becomes a formula; coordinates and compact ranges."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import Any, Literal

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.files.textsafe import clean_text
from gkdesk.model import CellValue, Invalid

FONT_NAME = "宋体"
FONT_SIZE = 10.5
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT = Font(name=FONT_NAME, size=FONT_SIZE)
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
FORMULA_STARTS = ("=", "+", "-", "@")
LINE_HEIGHT_PT = 14.5  # one line of 10.5 pt 宋体
PT_TO_MM = 25.4 / 72


def put_text(cell: Any, text: str) -> None:
    """Store `text` as a string even when it starts with = + - @ (never as a formula)."""
    text = clean_text(text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def put_value(cell: Any, value: CellValue) -> None:
    """A number as a number, an invalid entry as the text it was, blank as empty."""
    if isinstance(value, Invalid):
        put_text(cell, value.raw)
    else:
        cell.value = value


def coordinate(row: int, col: int) -> str:
    """Excel coordinate of 0-based sheet position."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def sheet_ref(sheet: str, ref: str) -> str:
    return f"'{sheet}'!{ref}"


def compact_ranges(coordinates: Iterable[str]) -> list[str]:
    """["B3", "B4", "B5", "D3"] → ["B3:B5", "D3"]: vertical runs of cells in one column."""
    by_column: dict[int, list[int]] = {}
    for ref in coordinates:
        letters, row = coordinate_from_string(ref)
        by_column.setdefault(column_index_from_string(letters), []).append(row)
    ranges = []
    for col in sorted(by_column):
        rows = sorted(by_column[col])
        letter = get_column_letter(col)
        start = previous = rows[0]
        following: list[int | None] = [*rows[1:], None]
        for current in following:
            if current is not None and current == previous + 1:
                previous = current
                continue
            ranges.append(f"{letter}{start}" if start == previous else f"{letter}{start}:{letter}{previous}")
            if current is not None:
                start = previous = current
    return ranges


def fit_to_page_width(sheet: Worksheet, orientation: Literal["portrait", "landscape"] = "portrait") -> None:
    """A4, as many pages down as needed but one page wide."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = orientation
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def column_mm(width_units: float) -> float:
    """Printed width of an Excel column of `width_units` (digit widths of the default font), about."""
    return width_units * 1.85 + 1.3


def text_mm(text: str, font_pt: float = FONT_SIZE) -> float:
    """Width of `text` set in `font_pt`: full-width (CJK) characters one em, the rest half an em."""
    em = font_pt * PT_TO_MM
    return sum(em if unicodedata.east_asian_width(ch) in "WF" else em / 2 for ch in text)


def line_count(text: str, width_mm: float, font_pt: float = FONT_SIZE) -> int:
    """Lines `text` wraps to in a cell `width_mm` wide (cell padding and a safety margin deducted)."""
    usable = max(width_mm * 0.97 - 1.2, font_pt * PT_TO_MM)
    return sum(max(1, math.ceil(text_mm(line, font_pt) / usable)) for line in str(text).split("\n"))


def row_height(lines: int) -> float:
    """Row height in points for `lines` lines of the sheet font (Excel and WPS do not fit wrapped rows)."""
    return lines * LINE_HEIGHT_PT + 4
