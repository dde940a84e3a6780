"""The county roll-up (汇总) of returned reports: completeness, refusals, exact totals, workbook. No Qt."""

from gkdesk.rollup.county import county_report
from gkdesk.rollup.engine import Progress, RollupCancelled, roll_up
from gkdesk.rollup.export import write_rollup_xlsx
from gkdesk.rollup.report_json import rollup_json
from gkdesk.rollup.result import (
    COUNTED,
    DUPLICATE,
    MISSING,
    RETURNED,
    STATUS_LABELS,
    UNLISTED,
    Refusal,
    RollupResult,
    UnitRow,
)
from gkdesk.rollup.totals import Totals

__all__ = [
    "COUNTED",
    "DUPLICATE",
    "MISSING",
    "RETURNED",
    "STATUS_LABELS",
    "UNLISTED",
    "Progress",
    "Refusal",
    "RollupCancelled",
    "RollupResult",
    "Totals",
    "UnitRow",
    "county_report",
    "roll_up",
    "rollup_json",
    "write_rollup_xlsx",
]
