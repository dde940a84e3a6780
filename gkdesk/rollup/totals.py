"""Running county totals: input cells summed exactly (int counts, Decimal 万元), one report at a time. No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from gkdesk.checks import Finding, run_checks
from gkdesk.model import CellValue, Number, Report
from gkdesk.model.values import Invalid
from gkdesk.spec import load_spec

# The rules that mean something for the totals. The totals report has tables only — no narrative, no
# contact, no basic information — so the text and structure rules (structure.section_missing,
# structure.fee_statement, structure.basic_info, text.table_mismatch…) would only report the absent text
# of a report nobody wrote. The table rules carry the units' own problems into the sums (an imbalance in
# one return shows as an imbalance of the totals).
TABLE_RULE_PREFIXES = ("T2.", "T3.", "T4.", "value.")


def check_totals(report: Report) -> list[Finding]:
    """The table rules' findings on a totals report (see TABLE_RULE_PREFIXES)."""
    return [finding for finding in run_checks(report) if finding.rule.startswith(TABLE_RULE_PREFIXES)]


class Totals:
    """Sums of every input cell of one edition; a cell no unit filled stays blank."""

    def __init__(self, edition: str) -> None:
        self.edition = edition
        self.keys = tuple(cell.key for cell in load_spec(edition).input_cells)
        self.sums: dict[str, Number] = {}
        self.units = 0

    def add(self, report: Report) -> None:
        """Add a report's inputs; invalid cells count as 0 (the unit's own findings say so)."""
        if report.edition != self.edition:
            raise ValueError(f"格式版本不符：{report.edition} ≠ {self.edition}")
        self.add_values(report.values)

    def add_values(self, values: Mapping[str, CellValue]) -> None:
        """Add one unit's input values (cell key → value) of this edition."""
        for key in self.keys:
            value = values.get(key)
            if value is None:
                continue
            number: Number = 0 if isinstance(value, Invalid) else value
            current = self.sums.get(key, 0)
            if isinstance(number, Decimal) or isinstance(current, Decimal):
                self.sums[key] = Decimal(current) + Decimal(number)
            else:
                self.sums[key] = current + number
        self.units += 1

    def report(self, year: int | None, organ: str = "", organ_level: str = "") -> Report:
        """A new report whose tables hold the totals (derived totals derive from them); narrative blank."""
        report = Report(edition=self.edition, year=year, organ=organ, organ_level=organ_level)
        report.values.update(self.sums)
        return report
