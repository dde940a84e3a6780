"""The one place io reaches the checks: exports that show check results (the .xlsx 校验 sheet, the web page's
mark for a report that does not pass) take them from here, and the 校验 sheet asks each check's kind for its
live formula rows here. Everything else in io only uses the Finding type."""

from __future__ import annotations

from collections.abc import Mapping

from gkdesk.checks import run_checks
from gkdesk.checks.excel import FormulaRow, TableCells
from gkdesk.checks.finding import Finding
from gkdesk.checks.kinds import KINDS
from gkdesk.model import Report
from gkdesk.spec import Check

__all__ = ["FormulaRow", "TableCells", "formula_rows", "report_findings"]


def report_findings(report: Report) -> list[Finding]:
    """Every finding of the report's checks, as the window shows them."""
    return run_checks(report)


def formula_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    """The check as live formulas over the table sheets; None when Excel cannot evaluate it (its kind has no
    formula rows, or its table has no sheet)."""
    excel_rows = KINDS[check.kind].excel_rows
    return None if excel_rows is None else excel_rows(check, report, sheets)
