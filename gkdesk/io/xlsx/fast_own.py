"""gkdesk's own .xlsx read straight from its parts: the embedded payload and the visible cells, no openpyxl.

Only the sheets the comparison reads are parsed (基本信息, the table sheets, 文字部分, gkdesk_data), each
once. `read_own_fast` raises UnexpectedPackage whenever the package is not as this reader expects (no
embedded data included), so the caller reads the file with openpyxl as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gkdesk.io.own.embedded import NoEmbeddedData, OwnFile, verify_payload
from gkdesk.io.xlsx.cell_source import FastCells
from gkdesk.io.xlsx.hidden import payload_from
from gkdesk.io.xlsx.package import FAST_ERRORS, UnexpectedPackage, XlsxPackage
from gkdesk.io.xlsx.sheet_xml import SheetCells
from gkdesk.io.xlsx.visible import own_xlsx_file

__all__ = ["FAST_ERRORS", "PackageCells", "read_own_fast"]


class PackageCells:
    """A CellSource over the worksheets of a package, each parsed when first read (by the package, once)."""

    def __init__(self, package: XlsxPackage) -> None:
        self._package = package
        self._names = {entry.name for entry in package.sheets}
        self._cells = FastCells(package.parsed_sheets)

    def sheet(self, name: str) -> SheetCells:
        return self._package.sheet_cells(name)

    def has_sheet(self, sheet: str) -> bool:
        return sheet in self._names

    def cell(self, sheet: str, row: int, col: int) -> tuple[Any, str]:
        self.sheet(sheet)
        return self._cells.cell(sheet, row, col)

    def rows(self, sheet: str, min_row: int, max_col: int) -> Iterator[tuple[Any, ...]]:
        self.sheet(sheet)
        return self._cells.rows(sheet, min_row, max_col)


def read_own_fast(data: bytes | XlsxPackage, name: str) -> OwnFile:
    """The embedded report and hand edits of an own export (its bytes, or its package already open: then left
    open, its parsed sheets kept for the comments); UnexpectedPackage when openpyxl must read it."""
    try:
        if isinstance(data, XlsxPackage):
            return _read(data, name)
        with XlsxPackage(data) as package:
            return _read(package, name)
    except FAST_ERRORS as error:
        raise UnexpectedPackage(str(error)) from None


def _read(package: XlsxPackage, name: str) -> OwnFile:
    cells = PackageCells(package)
    try:
        payload = payload_from(cells, name)
    except NoEmbeddedData:
        raise UnexpectedPackage("no embedded data") from None
    report = verify_payload(payload, name)
    return own_xlsx_file(cells, report, payload)
