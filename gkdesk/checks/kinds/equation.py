"""Check kind `equation`: per line (row or column) of a table, the sum of the left terms equals the sum of the right terms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gkdesk.checks.arithmetic import check_equation
from gkdesk.checks.excel import FormulaRow, TableCells, balance_rows, table_of
from gkdesk.checks.kind import CheckKind
from gkdesk.model import Report
from gkdesk.spec import Check


@dataclass(frozen=True)
class Params:
    table: str
    per: str
    left: list[str]
    right: list[str]
    left_name: str | None = None
    right_name: str | None = None


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    sheet = table_of(check, sheets)
    if sheet is None:
        return None
    return balance_rows(sheet, check.params["per"], check.params["left"], check.params["right"])


KIND = CheckKind("equation", Params, check_equation, excel_rows=excel_rows)
