"""Properties of the arithmetic rules over random table 三 data."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.checks import run_checks
from gkdesk.spec import load_spec
from tests.helpers import filled_report

TABLE = load_spec("2021").tables["requests"]
COLUMNS = [c.key for c in TABLE.rows[0].columns if c.key != "total"]
OUTCOMES = next(t for t in TABLE.totals if t.axis == "row").parts
ARITHMETIC = {"T3.balance", "T3.row_total", "T3.outcome_total", "T4.total"}

outcome_counts = st.dictionaries(
    st.tuples(st.sampled_from(OUTCOMES), st.sampled_from(COLUMNS)), st.integers(0, 500), max_size=25
)


@settings(max_examples=80, deadline=None)
@given(outcomes=outcome_counts, carried=st.dictionaries(st.sampled_from(COLUMNS), st.integers(0, 50)))
def test_consistent_tables_pass(outcomes: dict[tuple[str, str], int], carried: dict[str, int]) -> None:
    """Fill outcomes at random, then set 新收 so that 一+二=三+四 holds: no arithmetic finding."""
    report = filled_report()
    for (row, column), value in outcomes.items():
        report.values[f"requests.{row}.{column}"] = value
    for column in COLUMNS:
        handled = sum(v for (_, c), v in outcomes.items() if c == column)
        carried_over = carried.get(column, 0)
        report.values[f"requests.carried_over.{column}"] = min(carried_over, handled)
        report.values[f"requests.new.{column}"] = handled - min(carried_over, handled)
    assert not {f.rule for f in run_checks(report)} & ARITHMETIC


@settings(max_examples=60, deadline=None)
@given(column=st.sampled_from(COLUMNS), row=st.sampled_from(OUTCOMES), extra=st.integers(1, 99))
def test_one_changed_outcome_breaks_its_column(column: str, row: str, extra: int) -> None:
    report = filled_report()
    report.values[f"requests.{row}.{column}"] = extra
    balance = [f for f in run_checks(report) if f.rule == "T3.balance"]
    assert {f.cells[0] for f in balance} == {f"requests.new.{column}", "requests.new.total"}
    assert all(f"相差{extra}" in f.message for f in balance)
