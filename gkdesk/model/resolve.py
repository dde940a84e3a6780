"""Derived totals and the values a report states, computed from the format definition."""

from __future__ import annotations

from functools import cache

from gkdesk.model.report import Report
from gkdesk.model.values import CellValue, Number, as_number
from gkdesk.spec import FormatSpec, load_spec


@cache
def _derivation_plan(edition: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(target cell, part cells) in evaluation order for every derived total of an edition.

    Row totals (e.g. 三（七）总计 per column) come first, then total columns over the stated values,
    so the corner cell sums what the total row states.
    """
    spec: FormatSpec = load_spec(edition)
    plan: list[tuple[str, tuple[str, ...]]] = []
    for table in spec.tables.values():
        for total in sorted(table.totals, key=lambda t: 0 if t.axis == "row" else 1):
            if total.axis == "row":
                for column in table.row(total.target).columns:
                    parts = tuple(table.cell_key(part, column.key) for part in total.parts)
                    plan.append((table.cell_key(total.target, column.key), parts))
            else:
                for row in table.rows:
                    if any(column.key == total.target for column in row.columns):
                        parts = tuple(table.cell_key(row.key, part) for part in total.parts)
                        plan.append((table.cell_key(row.key, total.target), parts))
    return tuple(plan)


@cache
def _derived_keys(edition: str) -> frozenset[str]:
    return frozenset(target for target, _ in _derivation_plan(edition))


def _unfilled(report: Report, edition: str, unfilled: set[str], key: str) -> bool:
    """A total with nothing filled under it (so far in the plan), or an input left blank."""
    if key in _derived_keys(edition):
        return key in unfilled
    return report.values.get(key) is None


class Resolved:
    """All cell values of a report: inputs, derived totals and, where a file declared one, the declared total."""

    def __init__(self, report: Report, spec: FormatSpec | None = None) -> None:
        self.report = report
        self.spec = spec or report.spec
        self.derived: dict[str, Number] = {}
        numbers: dict[str, Number] = {key: as_number(report.values.get(key)) for key in self.spec.cells}
        declared = report.declared
        self.unfilled: set[str] = set()  # derived totals no file declared with nothing filled under them
        for target, parts in _derivation_plan(self.spec.edition):
            total: Number = 0
            for part in parts:
                total += numbers[part]
            self.derived[target] = total
            if target not in declared and all(_unfilled(report, self.spec.edition, self.unfilled, part) for part in parts):
                self.unfilled.add(target)
            else:  # a target computed twice (a corner cell) counts its last computation
                self.unfilled.discard(target)
            # a total the file left blank (declared as None) is shown blank but counts as its sum in the arithmetic:
            # the blank is reported once (value.blank), not again as a wrong total
            numbers[target] = as_number(declared[target]) if declared.get(target) is not None else total
        self._numbers = numbers

    def stated(self, key: str) -> CellValue:
        """What the report states: a declared total where a file had one (None where the file left it blank),
        the derived total, or the input."""
        if key in self.report.declared:
            return self.report.declared[key]
        if key in self.derived:
            return self.derived[key]
        return self.report.values.get(key)

    def shown(self, key: str) -> CellValue:
        """What a printed page shows: the stated value, blank for a total with nothing filled under it."""
        return None if key in self.unfilled else self.stated(key)

    def number(self, key: str) -> Number:
        """The stated value for arithmetic (blank and invalid count as 0)."""
        return self._numbers[key]

    def is_derived(self, key: str) -> bool:
        return key in self.derived

    def declared_mismatch(self, key: str) -> bool:
        """True where a file declared a total that differs from the derived one."""
        stated = self.report.declared.get(key)
        return stated is not None and key in self.derived and stated != self.derived[key]
