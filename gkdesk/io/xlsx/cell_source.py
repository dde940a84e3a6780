"""Cell values by sheet and address: what comparing a workbook with its embedded report needs to read.

Two sources give the same answers: an openpyxl Workbook (any file) and the fast part reader's sheets
(gkdesk's own exports, see gkdesk.io.xlsx.fast_own).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from openpyxl.workbook import Workbook

from gkdesk.io.xlsx.sheet_xml import SheetCells


class CellSource(Protocol):
    def has_sheet(self, sheet: str) -> bool: ...

    def cell(self, sheet: str, row: int, col: int) -> tuple[Any, str]:
        """(value, data type) of a cell, 1-based; an absent cell is (None, "n")."""
        ...

    def rows(self, sheet: str, min_row: int, max_col: int) -> Iterator[tuple[Any, ...]]:
        """Values of each row from `min_row` to the sheet's last row, columns 1..max_col."""
        ...


class OpenpyxlCells:
    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook

    def has_sheet(self, sheet: str) -> bool:
        return sheet in self._workbook.sheetnames

    def cell(self, sheet: str, row: int, col: int) -> tuple[Any, str]:
        found = self._workbook[sheet].cell(row, col)
        return found.value, found.data_type

    def rows(self, sheet: str, min_row: int, max_col: int) -> Iterator[tuple[Any, ...]]:
        yield from self._workbook[sheet].iter_rows(min_row=min_row, max_col=max_col, values_only=True)


class FastCells:
    def __init__(self, sheets: dict[str, SheetCells]) -> None:
        self._sheets = sheets

    def has_sheet(self, sheet: str) -> bool:
        return sheet in self._sheets

    def cell(self, sheet: str, row: int, col: int) -> tuple[Any, str]:
        found = self._sheets[sheet].cells.get((row, col))
        return (None, "n") if found is None else (found.value, found.data_type)

    def rows(self, sheet: str, min_row: int, max_col: int) -> Iterator[tuple[Any, ...]]:
        cells = self._sheets[sheet]
        last = max((row for row, _ in cells.cells), default=1)
        last = max([last, *(merged.max_row for merged in cells.merges)])
        for row in range(min_row, last + 1):
            yield tuple(cells.value(row, col) for col in range(1, max_col + 1))
