"""What a check kind needs to state itself as live Excel formulas on the .xlsx 校验 sheet: the table sheets'
cell references (given by the exporter, gkdesk/io/xlsx/checks_sheet.py) and the rows it writes. A kind whose
`excel_rows` is None is shown there as gkdesk's own result."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from gkdesk.model import Report
from gkdesk.spec import Check, Table


class TableCells(Protocol):
    """One table's sheet as the exporter wrote it."""

    @property
    def title(self) -> str: ...

    @property
    def table(self) -> Table: ...

    def cell_keys(self) -> list[str]:
        """The cell keys on the sheet, in the order written."""
        ...

    def is_formula(self, key: str) -> bool:
        """Whether the exporter wrote a formula (a live total) at `key`."""
        ...

    def ref(self, key: str) -> str:
        """The cell's reference with its sheet, e.g. 'Sheet'!C5."""
        ...

    def ranges(self, keys: Iterable[str]) -> list[str]:
        """The cells of `keys` as few references with their sheet as possible ('Sheet'!B3:B5, …)."""
        ...


@dataclass(frozen=True)
class FormulaRow:
    """A row of the 校验 sheet: it passes when `left` = `right` (or `left` <= `right` with `limit`)."""

    place: str
    left: str
    right: str
    limit: bool = False


ExcelRows = Callable[[Check, Report, Mapping[str, TableCells]], list[FormulaRow] | None]


def excel_sum(sheet: TableCells, keys: Sequence[str]) -> str:
    present = set(sheet.cell_keys())
    refs = [sheet.ref(key) for key in keys if key in present]
    return f"=SUM({','.join(refs)})" if refs else "=0"


def _lines(table: Table, per: str) -> Iterator[tuple[str, str]]:
    if per == "column":
        seen: list[str] = []
        for row in table.rows:
            for column in row.columns:
                if column.key not in seen:
                    seen.append(column.key)
                    yield column.key, column.label
    else:
        for row in table.rows:
            yield row.key, row.label


def balance_rows(sheet: TableCells, per: str, left: Sequence[str], right: Sequence[str]) -> list[FormulaRow]:
    """Per line (each row, or each column with per="column"): the sum of `left` terms against `right` terms."""
    rows = []
    table = sheet.table
    present = set(sheet.cell_keys())
    for line, label in _lines(table, per):

        def cell(term: str, line: str = line) -> str:
            return table.cell_key(term, line) if per == "column" else table.cell_key(line, term)

        left_keys = [cell(t) for t in left if cell(t) in present]
        right_keys = [cell(t) for t in right if cell(t) in present]
        if left_keys and right_keys:
            place = f"{sheet.title}「{label}」{'列' if per == 'column' else '行'}"
            rows.append(FormulaRow(place, excel_sum(sheet, left_keys), excel_sum(sheet, right_keys)))
    return rows


def table_of(check: Check, sheets: Mapping[str, TableCells]) -> TableCells | None:
    """The sheet of the table the check names (None: not exported as a sheet)."""
    return sheets.get(str(check.params.get("table", "")))
