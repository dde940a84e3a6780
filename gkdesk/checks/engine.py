"""Evaluate the format definition's checks against a report: each check's kind selects an evaluator."""

from __future__ import annotations

from collections.abc import Callable

from gkdesk.checks import arithmetic, cells, cross_year, text
from gkdesk.checks.context import CheckContext
from gkdesk.checks.finding import BASIC_SECTION, Finding
from gkdesk.model import Report, Resolved
from gkdesk.spec import Check, FormatSpec

Evaluator = Callable[[CheckContext, Check], list[Finding]]

EVALUATORS: dict[str, Evaluator] = {
    "equation": arithmetic.check_equation,
    "total": arithmetic.check_total,
    "invalid_values": cells.check_invalid_values,
    "blank_values": cells.check_blank_values,
    "regulation_level": cells.check_regulation_level,
    "fee_unit": cells.check_fee_unit,
    "carry_over": cross_year.check_carry_over,
    "in_force": cross_year.check_in_force,
    "narrative_figures": text.check_narrative_figures,
    "section_missing": text.check_section_missing,
    "basic_info": text.check_basic_info,
    "old_format": text.check_old_format,
    "fee_statement": text.check_fee_statement,
    "repeated_text": text.check_repeated_text,
}


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
        findings.extend(EVALUATORS[check.kind](context, check))
    return sort_by_section(findings, spec)


def sort_by_section(findings: list[Finding], spec: FormatSpec) -> list[Finding]:
    """Findings in the report's order: 基本信息 first, then sections 一 to 六 (stable within each)."""
    order = {BASIC_SECTION: -1} | {section.key: index for index, section in enumerate(spec.sections)}
    return sorted(findings, key=lambda finding: order.get(finding.section, len(order)))


def count_by_severity(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for finding in findings if finding.is_error)
    return errors, len(findings) - errors
