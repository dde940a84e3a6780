"""The figures the roll-up charts: applications per unit, outcomes by category, this year against last. No Qt.

Everything is read from the format's definition: the outcome categories are the members of table 三's
result group (a row of its own, or a sub-group whose rows are added), named by their labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from gkdesk.model import CellValue, Invalid, Number, Resolved
from gkdesk.rollup.record import decode_value
from gkdesk.rollup.result import RollupResult
from gkdesk.spec import CURRENT_EDITION, FormatSpec, Table, load_spec

REQUESTS, NEW_ROW, TOTAL_COLUMN, OUTCOME_GROUP = "requests", "new", "total", "outcomes"
_NUMBERING = re.compile(r"^（[一二三四五六七八九十]+）|^[一二三四五六七八九十]+、|^\d+\.")
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")


@dataclass(frozen=True)
class Figure:
    """A named figure: the sum of some cells."""

    label: str
    keys: tuple[str, ...]

    def value(self, read: Callable[[str], CellValue]) -> Number:
        total: Number = 0
        for key in self.keys:
            value = read(key)
            if value is not None and not isinstance(value, (Invalid, str)):
                total += value
        return total


def short_label(label: str) -> str:
    """（二）部分公开（区分处理的，…） → 部分公开."""
    return _TRAILING_NOTE.sub("", _NUMBERING.sub("", label)).strip()


def applications_key(spec: FormatSpec) -> str:
    """The cell of a unit's newly received applications (一、本年新收 · 总计)."""
    return spec.tables[REQUESTS].cell_key(NEW_ROW, TOTAL_COLUMN)


def outcome_figures(spec: FormatSpec) -> list[Figure]:
    """予以公开、部分公开、不予公开、无法提供、不予处理、其他处理: each the 总计 column of its rows."""
    table = spec.tables[REQUESTS]
    derived_rows = {rule.target for rule in table.totals if rule.axis == "row"}
    members: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for row in table.rows:
        chain = table.group_chain(row)
        if not chain or chain[0].key != OUTCOME_GROUP or row.key in derived_rows:
            continue
        member = chain[1] if len(chain) > 1 else None
        name = member.key if member else f"row:{row.key}"
        labels.setdefault(name, short_label(member.label if member else row.label))
        members.setdefault(name, []).append(table.cell_key(row.key, TOTAL_COLUMN))
    return [Figure(labels[name], tuple(keys)) for name, keys in members.items()]


def _row_total(table: Table, row: str) -> str:
    return table.cell_key(row, TOTAL_COLUMN)


def main_figures(spec: FormatSpec) -> list[Figure]:
    """新收申请, 行政复议, 行政诉讼 and 现行有效规范性文件 of one edition (for this year against last)."""
    requests, appeals, proactive = spec.tables[REQUESTS], spec.tables["appeals"], spec.tables["proactive"]
    litigation = tuple(_row_total(appeals, row.key) for row in appeals.rows if row.key.startswith("litigation"))
    in_force = "in_force" if any(c.key == "in_force" for c in proactive.columns) else "total_public"
    return [
        Figure("新收申请", (_row_total(requests, NEW_ROW),)),
        Figure(short_label(appeals.row("reconsideration").label), (_row_total(appeals, "reconsideration"),)),
        Figure("行政诉讼", litigation),
        Figure("现行有效规范性文件", (proactive.cell_key("normative_doc", in_force),)),
    ]


@dataclass(frozen=True)
class ChartData:
    """What the window's charts draw: applications per counted unit (most first) and outcomes by category."""

    applications: list[tuple[str, Number]]
    outcomes: list[tuple[str, Number]]


def chart_data(result: RollupResult) -> ChartData:
    """Read once from the roll-up's per-unit store (run it off the window's thread for large roll-ups)."""
    if result.totals is None or result.spool is None:
        return ChartData([], [])
    spec = load_spec(result.edition or CURRENT_EDITION)
    key = applications_key(spec)
    applications: list[tuple[str, Number]] = []
    for row in result.counted():
        if row.spool_index is None:
            continue
        value = decode_value(result.spool.record(row.spool_index)["values"].get(key))
        applications.append((row.organ, value if isinstance(value, (int, Decimal)) else 0))
    applications.sort(key=lambda item: -item[1])
    resolved = Resolved(result.totals.report(result.year))
    outcomes = [(figure.label, figure.value(resolved.stated)) for figure in outcome_figures(spec)]
    return ChartData(applications, outcomes)
