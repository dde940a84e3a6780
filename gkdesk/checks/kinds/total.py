"""Check kind `total`: a total the report states equals the sum of its parts (the definition's total column or row)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gkdesk.checks.arithmetic import check_total
from gkdesk.checks.excel import FormulaRow, TableCells, balance_rows, table_of
from gkdesk.checks.kind import CheckKind
from gkdesk.model import Report
from gkdesk.spec import Check


@dataclass(frozen=True)
class Params:
    table: str
    column: str | None = None
    row: str | None = None
    parts_name: str | None = None


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    sheet = table_of(check, sheets)
    if sheet is None:
        return None
    axis = "column" if "column" in check.params else "row"
    rule = next(t for t in sheet.table.totals if t.axis == axis and t.target == check.params[axis])
    return balance_rows(sheet, "row" if axis == "column" else "column", [rule.target], rule.parts)


KIND = CheckKind("total", Params, check_total, excel_rows=excel_rows)
