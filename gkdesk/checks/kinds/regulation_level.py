"""Check kind `regulation_level`: organs below 设区的市 level make no 规章: the row should be 0."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gkdesk.checks.cells import check_regulation_level
from gkdesk.checks.excel import FormulaRow, TableCells, table_of
from gkdesk.checks.kind import CheckKind
from gkdesk.model import Report
from gkdesk.spec import Check


@dataclass(frozen=True)
class Params:
    table: str
    row: str


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    sheet = table_of(check, sheets)
    if sheet is None:
        return None
    level = report.spec.organ_level(report.organ_level)
    applies = 0 if level is None or level.may_make_regulations else 1
    row = sheet.table.row(check.params["row"])
    refs = [sheet.ref(sheet.table.cell_key(row.key, column.key)) for column in row.columns]
    count = "+".join(f'COUNTIF({ref},">0")+COUNTIF({ref},"<0")' for ref in refs)
    return [FormulaRow(f"{sheet.title}「{row.label}」行", f"={applies}*({count})", "=0")]


KIND = CheckKind("regulation_level", Params, check_regulation_level, excel_rows=excel_rows)
