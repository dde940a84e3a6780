"""Evaluate the format definition's checks against a report: each check's kind (gkdesk/checks/kinds/) evaluates it."""

from __future__ import annotations

from gkdesk.checks.context import CheckContext
from gkdesk.checks.finding import BASIC_SECTION, Finding
from gkdesk.checks.kinds import KINDS
from gkdesk.model import Report, Resolved
from gkdesk.spec import FormatSpec


def run_checks(report: Report, previous: Report | None = None, resolved: Resolved | None = None) -> list[Finding]:
    """All findings for `report`, in section order; cross-year rules use `previous` or report.previous.

    `resolved`: the report's values already resolved by the caller (the window keeps them), so they are not
    computed twice per keystroke.
    """
    spec = report.spec
    context = CheckContext(report, spec, previous if previous is not None else report.previous)
    if resolved is not None:
        context.resolved = resolved
    findings: list[Finding] = []
    for check in spec.checks:
        findings.extend(KINDS[check.kind].evaluate(context, check))
    return sort_by_section(findings, spec)


def sort_by_section(findings: list[Finding], spec: FormatSpec) -> list[Finding]:
    """Findings in the report's order: 基本信息 first, then sections 一 to 六 (stable within each)."""
    order = {BASIC_SECTION: -1} | {section.key: index for index, section in enumerate(spec.sections)}
    return sorted(findings, key=lambda finding: order.get(finding.section, len(order)))


def count_by_severity(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for finding in findings if finding.is_error)
    return errors, len(findings) - errors
