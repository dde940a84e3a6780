"""Evaluate the format definition's checks against a report."""

from __future__ import annotations

from gkdesk.checks.finding import Finding
from gkdesk.model import Report


def run_checks(report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings for `report`; cross-year rules use `previous` (or report.previous) when given."""
    return []
