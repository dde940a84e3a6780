"""Cell styles applied by copying a style array: openpyxl hashes every style object on each assignment,
which dominated the export time. A preset is styled once per workbook, then copied to each cell."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.xlsx.cells import BOLD, BORDER, CENTRE, FONT, LEFT, coordinate

INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True, eq=False)  # compared by identity: presets are module constants
class Preset:
    font: Font
    alignment: Alignment
    border: Border | None = BORDER
    fill: PatternFill | None = None
    unlocked: bool = False


LABEL = Preset(FONT, CENTRE)
LABEL_LEFT = Preset(FONT, LEFT)
HEADING = Preset(BOLD, Alignment(horizontal="left", vertical="center"), border=None)  # one line, overflowing
INPUT = Preset(FONT, CENTRE, fill=INPUT_FILL, unlocked=True)
FORMULA = Preset(FONT, CENTRE)
TEXT = Preset(FONT, LEFT)
TEXT_BOLD = Preset(BOLD, LEFT)
TEXT_INPUT = Preset(FONT, LEFT, unlocked=True)
TEXT_PLAIN = Preset(FONT, LEFT, border=None)


class Styler:
    """Applies presets to the cells of one workbook (style arrays are only valid in their workbook)."""

    def __init__(self) -> None:
        self._arrays: dict[int, Any] = {}

    def apply(self, cell: Any, preset: Preset) -> None:
        """Give `cell` the preset's style; a quote prefix already set on the cell is kept."""
        quote = cell.quotePrefix
        array = self._arrays.get(id(preset))
        if array is None:
            cell.font, cell.alignment = preset.font, preset.alignment
            if preset.border is not None:
                cell.border = preset.border
            if preset.fill is not None:
                cell.fill = preset.fill
            if preset.unlocked:
                cell.protection = _UNLOCKED
            cell.quotePrefix = False
            self._arrays[id(preset)] = copy(cell._style)
        else:
            cell._style = copy(array)
        if quote:
            cell.quotePrefix = True


def merge_styled(sheet: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a range whose cells are styled afterwards, each one (Worksheet.merge_cells would first copy the
    top-left cell's borders and protection cell by cell, hashing styles each time). 1-based, inclusive."""
    merged = MergedCellRange(
        sheet, f"{coordinate(first_row - 1, first_col - 1)}:{coordinate(last_row - 1, last_col - 1)}"
    )
    sheet.merged_cells.add(merged)
    for row in range(first_row, last_row + 1):
        for col in range(first_col, last_col + 1):
            if (row, col) != (first_row, first_col):
                sheet._cells[(row, col)] = MergedCell(sheet, row, col)
