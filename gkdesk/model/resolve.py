"""Derived totals and the values a report states, computed from the format definition."""

from __future__ import annotations

from gkdesk.model.report import Report
from gkdesk.model.values import CellValue, Number, as_number
from gkdesk.spec import FormatSpec, Table


class Resolved:
    """All cell values of a report: inputs, derived totals and, where a file declared one, the declared total."""

    def __init__(self, report: Report, spec: FormatSpec | None = None) -> None:
        self.report = report
        self.spec = spec or report.spec
        self.derived: dict[str, Number] = {}
        for table in self.spec.tables.values():
            self._derive(table)

    def _derive(self, table: Table) -> None:
        # Row totals first (e.g. 三（七）总计 per column), then total columns over the stated values,
        # so the corner cell sums what the total row states.
        ordered = sorted(table.totals, key=lambda total: 0 if total.axis == "row" else 1)
        for total in ordered:
            if total.axis == "row":
                for column in table.row(total.target).columns:
                    key = table.cell_key(total.target, column.key)
                    self.derived[key] = sum(
                        (self.number(table.cell_key(part, column.key)) for part in total.parts), start=0
                    )
            else:
                for row in table.rows:
                    if not any(column.key == total.target for column in row.columns):
                        continue
                    key = table.cell_key(row.key, total.target)
                    self.derived[key] = sum(
                        (self.number(table.cell_key(row.key, part)) for part in total.parts), start=0
                    )

    def stated(self, key: str) -> CellValue:
        """What the report states: a declared total where a file had one, the derived total, or the input."""
        if key in self.report.declared:
            return self.report.declared[key]
        if key in self.derived:
            return self.derived[key]
        return self.report.values.get(key)

    def number(self, key: str) -> Number:
        """The stated value for arithmetic (blank and invalid count as 0)."""
        return as_number(self.stated(key))

    def is_derived(self, key: str) -> bool:
        return key in self.derived

    def declared_mismatch(self, key: str) -> bool:
        """True where a file declared a total that differs from the derived one."""
        return key in self.report.declared and key in self.derived and self.report.declared[key] != self.derived[key]
