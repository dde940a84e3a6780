"""The one place io reaches the checks: exports that show check results (the .xlsx 校验 sheet, the web page's
mark for a report that does not pass) take them from here. Everything else in io only uses the Finding type."""

from __future__ import annotations

from gkdesk.checks import run_checks
from gkdesk.checks.finding import Finding
from gkdesk.model import Report


def report_findings(report: Report) -> list[Finding]:
    """Every finding of the report's checks, as the window shows them."""
    return run_checks(report)
