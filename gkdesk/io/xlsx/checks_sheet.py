"""The 校验 sheet: every check of the format definition as a live formula (通过 / 不通过) where Excel can
evaluate it, generated from the spec's check kinds; cross-year and text rules as gkdesk's own result,
marked as static. Failures turn red by conditional formatting."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook import Workbook

from gkdesk.checks.finding import Finding
from gkdesk.io.xlsx.cells import (
    column_mm,
    compact_ranges,
    fit_to_page_width,
    line_count,
    put_text,
    row_height,
    sheet_ref,
)
from gkdesk.io.xlsx.styles import TEXT, TEXT_BOLD, Styler
from gkdesk.io.xlsx.tables import TableSheet
from gkdesk.model import Report
from gkdesk.spec import Check, Table

CHECK_SHEET = "校验"
PASS, FAIL = "通过", "不通过"
HEADERS = ("规则编号", "严重程度", "位置", "规则", "左边", "右边", "结果", "说明")
STATIC_NOTE = "静态：gkdesk 导出时的校验结果，Excel 无法计算此项"
LIVE_NOTE = "公式：随表格数值自动重算"
WIDTHS = (22, 8, 32, 38, 9, 9, 16, 24)  # columns A–H, in Excel width units


@dataclass(frozen=True)
class CheckRow:
    rule: str
    severity: str
    place: str
    text: str
    left: str | None  # formula for live rows
    right: str | None
    static_result: str | None = None  # for static rows
    limit: bool = False  # live row passes when left <= right (instead of left = right)


def _sum(sheet: TableSheet, keys: Sequence[str]) -> str:
    refs = [sheet_ref(sheet.title, sheet.refs[key]) for key in keys if key in sheet.refs]
    return f"=SUM({','.join(refs)})" if refs else "=0"


def _lines(table: Table, per: str) -> Iterator[tuple[str, str]]:
    if per == "column":
        seen: list[str] = []
        for row in table.rows:
            for column in row.columns:
                if column.key not in seen:
                    seen.append(column.key)
                    yield column.key, column.label
    else:
        for row in table.rows:
            yield row.key, row.label


def _balance_rows(
    check: Check, sheet: TableSheet, per: str, left: Sequence[str], right: Sequence[str]
) -> list[CheckRow]:
    rows = []
    table = sheet.table
    for line, label in _lines(table, per):

        def cell(term: str, line: str = line) -> str:
            return table.cell_key(term, line) if per == "column" else table.cell_key(line, term)

        left_keys = [cell(t) for t in left if cell(t) in sheet.refs]
        right_keys = [cell(t) for t in right if cell(t) in sheet.refs]
        if left_keys and right_keys:
            place = f"{sheet.title}「{label}」{'列' if per == 'column' else '行'}"
            rows.append(
                CheckRow(check.id, check.severity, place, check.text, _sum(sheet, left_keys), _sum(sheet, right_keys))
            )
    return rows


def _value_rows(check: Check, sheets: Sequence[TableSheet], report: Report) -> list[CheckRow]:
    rows = []
    for sheet in sheets:
        plain = [key for key in sheet.refs if key not in sheet.formulas]
        inputs = [key for key in plain if not report.spec.cells[key].derived]
        ranges = [sheet_ref(sheet.title, r) for r in compact_ranges(sheet.refs[k] for k in plain)]
        if check.kind == "blank_values":
            blanks = "+".join(
                f"COUNTBLANK({sheet_ref(sheet.title, r)})" for r in compact_ranges(sheet.refs[k] for k in inputs)
            )
            left = f"=IF(COUNTA({','.join(ranges)})=0,0,{blanks})"
        else:
            terms = [f"(COUNTA({','.join(ranges)})-COUNT({','.join(ranges)}))"]
            for key in plain:
                ref = sheet_ref(sheet.title, sheet.refs[key])
                value_type = report.spec.cells[key].value_type
                if not value_type.allows_negative:
                    terms.append(f'COUNTIF({ref},"<0")')
                terms.append(f"SUMPRODUCT(--(ROUND({ref},{value_type.max_decimals})<>{ref}))")
            left = f"=IFERROR({'+'.join(terms)},1)"
        rows.append(CheckRow(check.id, check.severity, sheet.title, check.text, left, "=0"))
    return rows


def _regulation_row(check: Check, sheet: TableSheet, report: Report) -> CheckRow:
    level = report.spec.organ_level(report.organ_level)
    applies = 0 if level is None or level.may_make_regulations else 1
    row = sheet.table.row(check.params["row"])
    refs = [sheet_ref(sheet.title, sheet.refs[sheet.table.cell_key(row.key, c.key)]) for c in row.columns]
    count = "+".join(f'COUNTIF({ref},">0")+COUNTIF({ref},"<0")' for ref in refs)
    return CheckRow(
        check.id, check.severity, f"{sheet.title}「{row.label}」行", check.text, f"={applies}*({count})", "=0"
    )


def _fee_row(check: Check, sheet: TableSheet, report: Report) -> CheckRow:
    key = sheet.table.cell_key(check.params["row"], check.params["column"])
    level = report.spec.organ_level(report.organ_level)
    limit = level.fee_plausible_max_wan if level else max(lv.fee_plausible_max_wan for lv in report.spec.organ_levels)
    ref = sheet_ref(sheet.title, sheet.refs[key])
    return CheckRow(
        check.id,
        check.severity,
        f"{sheet.title}「{sheet.table.row(check.params['row']).label}」",
        check.text,
        f"=N({ref})",
        f"={limit}",
        limit=True,
    )


def check_rows(report: Report, sheets: dict[str, TableSheet], findings: list[Finding]) -> list[CheckRow]:
    rows: list[CheckRow] = []
    for check in report.spec.checks:
        params = check.params
        sheet = sheets.get(str(params.get("table", "")))
        if check.kind == "equation" and sheet is not None:
            rows += _balance_rows(check, sheet, params["per"], params["left"], params["right"])
        elif check.kind == "total" and sheet is not None:
            axis = "column" if "column" in params else "row"
            rule = next(t for t in sheet.table.totals if t.axis == axis and t.target == params[axis])
            rows += _balance_rows(check, sheet, "row" if axis == "column" else "column", [rule.target], rule.parts)
        elif check.kind in ("invalid_values", "blank_values"):
            rows += _value_rows(check, list(sheets.values()), report)
        elif check.kind == "regulation_level" and sheet is not None:
            rows.append(_regulation_row(check, sheet, report))
        elif check.kind == "fee_unit" and sheet is not None:
            rows.append(_fee_row(check, sheet, report))
        else:
            rows.append(_static_row(check, report, findings))
    return rows


def _static_row(check: Check, report: Report, findings: list[Finding]) -> CheckRow:
    failed = [f for f in findings if f.rule == check.id]
    if check.needs_previous and report.previous is None:
        result = "未校验（无上年报告）"
    else:
        result = f"{FAIL if failed else PASS}（静态）"
    place = "；".join(f.message for f in failed[:3]) if failed else "全文"
    return CheckRow(check.id, check.severity, place, check.text, None, None, result)


def add_check_sheet(
    workbook: Workbook,
    report: Report,
    sheets: dict[str, TableSheet],
    findings: list[Finding],
    styler: Styler | None = None,
) -> int:
    """Write the sheet; returns the number of check rows."""
    styler = styler or Styler()
    sheet = workbook.create_sheet(CHECK_SHEET)
    for col, label in enumerate(HEADERS, start=1):
        styler.apply(sheet.cell(1, col), TEXT_BOLD)
        put_text(sheet.cell(1, col), label)
    rows = check_rows(report, sheets, findings)
    for index, row in enumerate(rows, start=2):
        for col in range(1, len(HEADERS) + 1):
            styler.apply(sheet.cell(index, col), TEXT)
        severity = "错误" if row.severity == "error" else "警告"  # the words of the window and the command line
        texts = [row.rule, severity, row.place, row.text]
        for col, text in enumerate(texts, start=1):
            put_text(sheet.cell(index, col), text)
        if row.left is not None and row.right is not None:
            sheet.cell(index, 5).value = row.left
            sheet.cell(index, 6).value = row.right
            comparison = "<=" if row.limit else "="
            sheet.cell(index, 7).value = f'=IF(E{index}{comparison}F{index},"{PASS}","{FAIL}")'
            put_text(sheet.cell(index, 8), LIVE_NOTE)
            texts += ["", "", FAIL, LIVE_NOTE]
        else:
            put_text(sheet.cell(index, 7), row.static_result or "")
            put_text(sheet.cell(index, 8), STATIC_NOTE)
            texts += ["", "", row.static_result or "", STATIC_NOTE]
        lines = max(line_count(text, column_mm(width)) for text, width in zip(texts, WIDTHS, strict=True))
        sheet.row_dimensions[index].height = row_height(lines)
    last = len(rows) + 1
    red = FormulaRule(
        formula=[f'LEFT($G2,{len(FAIL)})="{FAIL}"'],
        fill=PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"),
        font=Font(color="9C0006", bold=True),
    )
    sheet.conditional_formatting.add(f"A2:H{last}", red)
    for letter, width in zip("ABCDEFGH", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:H{last}"
    fit_to_page_width(sheet, "landscape")
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False
    return len(rows)
