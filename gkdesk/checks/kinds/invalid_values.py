"""Check kind `invalid_values`: every cell (inputs and declared totals) holds a valid number for its type."""

from __future__ import annotations

from collections.abc import Mapping

from gkdesk.checks.cells import check_invalid_values
from gkdesk.checks.excel import FormulaRow, TableCells
from gkdesk.checks.kind import CheckKind, NoParams
from gkdesk.model import Report
from gkdesk.spec import Check


def excel_rows(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow] | None:
    """Per table sheet: texts, negative numbers where the type allows none, and too many decimals."""
    rows = []
    for sheet in sheets.values():
        plain = [key for key in sheet.cell_keys() if not sheet.is_formula(key)]
        ranges = ",".join(sheet.ranges(plain))
        terms = [f"(COUNTA({ranges})-COUNT({ranges}))"]
        for key in plain:
            ref = sheet.ref(key)
            value_type = report.spec.cells[key].value_type
            if not value_type.allows_negative:
                terms.append(f'COUNTIF({ref},"<0")')
            terms.append(f"SUMPRODUCT(--(ROUND({ref},{value_type.max_decimals})<>{ref}))")
        rows.append(FormulaRow(sheet.title, f"=IFERROR({'+'.join(terms)},1)", "=0"))
    return rows


KIND = CheckKind("invalid_values", NoParams, check_invalid_values, excel_rows=excel_rows)
