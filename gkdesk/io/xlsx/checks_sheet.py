"""The 校验 sheet: every check of the format definition as a live formula (通过 / 不通过) where Excel can
evaluate it, as the check's kind writes it (gkdesk/checks/kinds/); cross-year and text rules as gkdesk's own
result, marked as static. Failures turn red by conditional formatting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook import Workbook

from gkdesk.checks.finding import Finding
from gkdesk.io.findings import formula_rows
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


@dataclass(frozen=True)
class _SheetCells:
    """A table sheet's cell references, as the check kinds' formula rows ask for them."""

    sheet: TableSheet

    @property
    def title(self) -> str:
        return self.sheet.title

    @property
    def table(self) -> Table:
        return self.sheet.table

    def cell_keys(self) -> list[str]:
        return list(self.sheet.refs)

    def is_formula(self, key: str) -> bool:
        return key in self.sheet.formulas

    def ref(self, key: str) -> str:
        return sheet_ref(self.sheet.title, self.sheet.refs[key])

    def ranges(self, keys: Iterable[str]) -> list[str]:
        return [sheet_ref(self.sheet.title, cells) for cells in compact_ranges(self.sheet.refs[key] for key in keys)]


def check_rows(report: Report, sheets: dict[str, TableSheet], findings: list[Finding]) -> list[CheckRow]:
    """Each check of the definition as its kind's live formula rows, or as gkdesk's own result."""
    cells = {key: _SheetCells(sheet) for key, sheet in sheets.items()}
    rows: list[CheckRow] = []
    for check in report.spec.checks:
        formulas = formula_rows(check, report, cells)
        if formulas is None:
            rows.append(_static_row(check, report, findings))
            continue
        for row in formulas:
            rows.append(CheckRow(check.id, check.severity, row.place, check.text, row.left, row.right, limit=row.limit))
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
