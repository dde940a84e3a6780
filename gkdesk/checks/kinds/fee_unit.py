"""Check kind `fee_unit`: a fee far larger than plausible for the organ's level was probably typed in 元, not 万元."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gkdesk.checks.cells import check_fee_unit
from gkdesk.checks.excel import FormulaRow, TableCells, table_of
from gkdesk.checks.kind import CheckKind
from gkdesk.model import Report
from gkdesk.spec import Check


@dataclass(frozen=True)
class Params:
    table: str
    row: str
    column: str


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    sheet = table_of(check, sheets)
    if sheet is None:
        return None
    level = report.spec.organ_level(report.organ_level)
    limit = level.fee_plausible_max_wan if level else max(lv.fee_plausible_max_wan for lv in report.spec.organ_levels)
    ref = sheet.ref(sheet.table.cell_key(check.params["row"], check.params["column"]))
    place = f"{sheet.title}「{sheet.table.row(check.params['row']).label}」"
    return [FormulaRow(place, f"=N({ref})", f"={limit}", limit=True)]


KIND = CheckKind("fee_unit", Params, check_fee_unit, excel_rows=excel_rows)
