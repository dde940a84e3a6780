"""Every check kind the definition language knows has exactly one evaluator, and the kinds that compare with last
year's report find nothing to say without one (the .xlsx 校验 sheet then writes 未校验)."""

from __future__ import annotations

from gkdesk.checks.context import CheckContext
from gkdesk.checks.engine import EVALUATORS
from gkdesk.spec import CHECK_KINDS, EDITIONS, load_spec
from tests.helpers import filled_report


def test_the_engine_evaluates_exactly_the_kinds_the_loader_accepts() -> None:
    assert set(EVALUATORS) == set(CHECK_KINDS)
    used = {check.kind for edition in EDITIONS for check in load_spec(edition).checks}
    assert used <= set(CHECK_KINDS)


def test_kinds_needing_last_year_are_silent_without_it() -> None:
    report = filled_report()
    report.previous = None
    context = CheckContext(report, report.spec, None)
    cross_year = [check for check in report.spec.checks if CHECK_KINDS[check.kind].needs_previous]
    assert {check.kind for check in cross_year} == {"carry_over", "in_force", "repeated_text"}
    for check in cross_year:
        assert EVALUATORS[check.kind](context, check) == []
