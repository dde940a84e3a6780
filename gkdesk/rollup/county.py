"""The county's own report, started from the roll-up totals (narrative left to write). No Qt."""

from __future__ import annotations

from gkdesk.model import Report
from gkdesk.rollup.result import RollupResult
from gkdesk.template.model import Template


def county_report(result: RollupResult, organ: str = "", organ_level: str = "county", template: Template | None = None) -> Report:
    """A new report whose tables hold the totals; the county's contact is taken from the template if given."""
    if result.totals is None:
        raise ValueError("没有可汇总的报告")
    report = result.totals.report(result.year, organ=organ.strip(), organ_level=organ_level)
    if template is not None:
        report.contact = template.contact
    return report
