"""Explanations (说明) whose warning is gone: the text they explained was changed or deleted."""

from __future__ import annotations

from gkdesk.checks.finding import Finding
from gkdesk.model import Report


def orphaned_acknowledgements(report: Report, findings: list[Finding]) -> list[str]:
    """Keys of report.acknowledgements that explain no current warning.

    Warnings of cross-year rules cannot be re-found without last year's report: theirs are kept then.
    """
    current = {finding.key for finding in findings if not finding.is_error}
    undecidable = set()
    if report.previous is None:
        undecidable = {check.id for check in report.spec.checks if check.needs_previous}
    return [
        key for key in report.acknowledgements if key not in current and key.split("@", 1)[0] not in undecidable
    ]
