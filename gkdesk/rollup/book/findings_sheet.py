"""各单位问题: what the checks found in the county totals and in each counted return, messages wrapped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.workbook import Workbook

from gkdesk.checks import Finding
from gkdesk.rollup.book.cells import (
    ERROR_FILL,
    HEADER,
    NOTE,
    TEXT,
    TITLE,
    WARNING_FILL,
    WRAP_CENTRE,
    Look,
    Painter,
    append_row,
    height_for,
    lines_needed,
    new_sheet,
    print_setup,
    set_widths,
)
from gkdesk.spec import FormatSpec

SHEET = "各单位问题"
TOTALS_UNIT = "全县合计"
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
def short_cell_name(spec: FormatSpec, key: str) -> str:
    """表三 三（七）·自然人: the table, the row's short name and the column."""
    cell = spec.cells[key]
    section = next(s for s in spec.sections if s.table == cell.table)
    row = spec.tables[cell.table].row(cell.row)
    return f"表{section.number} {row.short_label}·{row.column(cell.column).label}"


HEADERS = ("单位", "文件", "规则", "级别", "说明", "单元格", "填报单位的说明")
WIDTHS = (20, 22, 14, 6, 60, 30, 26)
HEADER_ROW = 3
_LEVEL_LOOKS = {
    "error": Look(alignment=WRAP_CENTRE, fill=ERROR_FILL),
    "warning": Look(alignment=WRAP_CENTRE, fill=WARNING_FILL),
}


class FindingsSheet:
    def __init__(self, book: Workbook, painter: Painter, spec: FormatSpec, year: int | None) -> None:
        self.painter, self.spec = painter, spec
        self.sheet = new_sheet(book, SHEET)
        self.rows = 0
        self._names: dict[str, str] = {}
        set_widths(self.sheet, list(WIDTHS))
        self.sheet.freeze_panes = f"B{HEADER_ROW + 1}"
        print_setup(self.sheet, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")  # before any row
        self.sheet.append([painter.cell(self.sheet, f"{year or ''}年度汇总：全县合计和各单位报告的校验问题", TITLE)])
        self.sheet.append([painter.cell(self.sheet, "错误为红色，警告为黄色；“填报单位的说明”是单位对警告所作的说明。", NOTE)])
        self.sheet.append([painter.cell(self.sheet, header, HEADER) for header in HEADERS])

    def _name(self, key: str) -> str:
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = short_cell_name(self.spec, key) if key in self.spec.cells else key
        return name

    def _cells(self, keys: Iterable[str]) -> str:
        return "、".join(self._name(key) for key in keys)

    def _append(self, values: list[Any], severity: str) -> None:
        painter, sheet = self.painter, self.sheet
        lines = max(lines_needed(str(value), width) for value, width in zip(values, WIDTHS, strict=True))
        cells = [painter.cell(sheet, value, TEXT) for value in values]
        cells[3] = painter.cell(sheet, values[3], _LEVEL_LOOKS.get(severity, TEXT))
        append_row(sheet, HEADER_ROW + self.rows + 1, cells, height_for(lines) if lines > 1 else None)
        self.rows += 1

    def add_totals(self, findings: list[Finding]) -> None:
        for finding in findings:
            label = SEVERITY_LABELS[finding.severity]
            self._append([TOTALS_UNIT, "", finding.rule, label, finding.message, self._cells(finding.cells), ""], finding.severity)

    def add_unit(self, organ: str, file_name: str, findings: list[dict[str, Any]]) -> None:
        for item in findings:
            severity = item["severity"]
            label = SEVERITY_LABELS.get(severity, severity)
            self._append([organ, file_name, item["rule"], label, item["message"], self._cells(item["cells"]), item["acknowledged"]], severity)

    def finish(self) -> None:
        if self.rows == 0:
            self.sheet.append([self.painter.cell(self.sheet, "没有发现问题。", TEXT)])
        last = HEADER_ROW + max(self.rows, 1)
        self.sheet.auto_filter.ref = f"A{HEADER_ROW}:G{last}"
