"""Check kind `blank_values`: a table otherwise filled in leaves no input cell blank."""

from __future__ import annotations

from collections.abc import Mapping

from gkdesk.checks.cells import check_blank_values
from gkdesk.checks.excel import FormulaRow, TableCells
from gkdesk.checks.kind import CheckKind, NoParams
from gkdesk.model import Report
from gkdesk.spec import Check


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    """Per table sheet: the blank input cells of a sheet that has any figure."""
    rows = []
    for sheet in sheets.values():
        plain = [key for key in sheet.cell_keys() if not sheet.is_formula(key)]
        inputs = [key for key in plain if not report.spec.cells[key].derived]
        blanks = "+".join(f"COUNTBLANK({cells})" for cells in sheet.ranges(inputs))
        rows.append(FormulaRow(sheet.title, f"=IF(COUNTA({','.join(sheet.ranges(plain))})=0,0,{blanks})", "=0"))
    return rows


KIND = CheckKind("blank_values", NoParams, check_blank_values, excel_rows=excel_rows)
