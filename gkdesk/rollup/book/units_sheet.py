"""完整性: every unit of the list and every file met, with status in colour; the file's place in a hidden column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Font
from openpyxl.workbook import Workbook

from gkdesk.rollup.book.cells import (
    HEADER,
    NOTE,
    NUMBER,
    TEXT,
    TITLE,
    WRAP_CENTRE,
    Look,
    Painter,
    WriteSheet,
    fill,
    fitted_width,
    height_for,
    letter,
    lines_needed,
    new_sheet,
    print_setup,
    set_widths,
)
from gkdesk.rollup.result import DUPLICATE, MISSING, RETURNED, UNLISTED, RollupResult

SHEET = "完整性"
REFUSED_LABEL = "未受理"
HEADER_ROW = 3  # row 1 the title, row 2 the summary
_STATUS_FILLS = {RETURNED: "D9EAD3", MISSING: "F4CCCC", DUPLICATE: "FCE5CD", UNLISTED: "CFE2F3", REFUSED_LABEL: "E0E0E0"}
_MAX_WIDTHS = {"状态": 23, "单位": 30, "备注": 46, "文件": 32}
_ERROR_COUNT = Look(font=Font(name="宋体", size=10, color="C00000", bold=True), alignment=NUMBER.alignment)


_STATUS_LOOKS = {status: Look(alignment=WRAP_CENTRE, fill=fill(colour)) for status, colour in _STATUS_FILLS.items()}


@dataclass(frozen=True)
class _Line:
    values: list[str | int | None]
    status: str  # a row status, or REFUSED_LABEL
    errors: int


def summary_text(result: RollupResult) -> str:
    counted = len(result.counted_rows)
    missing = sum(1 for row in result.rows if row.status == MISSING)
    errors = sum(1 for f in result.total_findings if f.is_error)
    text = f"计入合计 {counted} 个单位，未报送 {missing} 个，未受理文件 {len(result.refused)} 个；合计数校验：{errors} 个错误。"
    return f"{text}{result.choice_note}。" if result.choice_note else text


def _lines(result: RollupResult, with_codes: bool) -> list[_Line]:
    lines = []
    for number, row in enumerate(result.rows, start=1):
        figures: list[str | int | None] = [row.errors, row.warnings, row.acknowledged, row.open_comments] if row.file else [None] * 4
        code = [row.unit.code if row.unit else ""] if with_codes else []
        lines.append(_Line([number, row.organ, *code, row.status_label, *figures, _name(row.file), row.note, row.file or ""], row.status, row.errors))
    for refusal in result.refused:
        code = [""] if with_codes else []
        lines.append(_Line([None, "", *code, REFUSED_LABEL, None, None, None, None, _name(refusal.file), refusal.reason, refusal.file], REFUSED_LABEL, 0))
    return lines


def _name(path: str | None) -> str:
    return Path(path).name if path else ""


def add_units_sheet(book: Workbook, painter: Painter, result: RollupResult) -> tuple[WriteSheet, int]:
    """The sheet and the last row it used (charts go below)."""
    sheet = new_sheet(book, SHEET)
    with_codes = any(row.unit is not None and row.unit.code for row in result.rows)
    headers = ["序号", "单位", *(["单位代码"] if with_codes else []), "状态", "错误", "未说明的警告", "已说明的警告", "未处理的批注", "文件", "备注", "文件位置"]
    lines = _lines(result, with_codes)
    columns = list(zip(*(line.values for line in lines), strict=True)) if lines else [() for _ in headers]
    widths = []
    for header, values in zip(headers, columns, strict=True):
        texts = [str(v) for v in values if v is not None]
        if all(isinstance(v, int) or v is None for v in values):  # a figure: the header wraps to two lines
            widths.append(fitted_width([*texts, header[: (len(header) + 1) // 2]], 5, 11) + 0.8)
        else:
            widths.append(fitted_width([header, *texts], 6, _MAX_WIDTHS.get(header, 30)))
    set_widths(sheet, widths)
    path_column = letter(len(headers))
    sheet.column_dimensions[path_column].hidden = True  # the whole path, for whoever needs it
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    print_setup(sheet, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", one_page=len(lines) <= 30)  # before any row
    sheet.append([painter.cell(sheet, f"{result.year or ''}年度政府信息公开工作年度报告汇总：报送情况", TITLE)])
    sheet.append([painter.cell(sheet, summary_text(result) if result.totals is not None else result.nothing_reason, NOTE)])
    sheet.row_dimensions[HEADER_ROW].height = height_for(2)
    sheet.append([painter.cell(sheet, header, HEADER) for header in headers])
    status_at = headers.index("状态")
    errors_at = headers.index("错误")
    for number, line in enumerate(lines, start=HEADER_ROW + 1):
        shown = zip(line.values[:-1], widths[:-1], strict=True)  # not the hidden path
        needed = max(lines_needed(str(value), width) for value, width in shown if value is not None)
        if needed > 1:
            sheet.row_dimensions[number].height = height_for(needed)
        cells = []
        for col, value in enumerate(line.values):
            if col == status_at:
                cells.append(painter.cell(sheet, value, _STATUS_LOOKS[line.status]))
            elif isinstance(value, int) or (value is None and errors_at <= col < errors_at + 4):
                look = _ERROR_COUNT if col == errors_at and line.errors else NUMBER
                cells.append(painter.cell(sheet, value, look))
            else:
                cells.append(painter.cell(sheet, value, TEXT))
        sheet.append(cells)
    last = HEADER_ROW + len(lines)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{path_column}{max(last, HEADER_ROW + 1)}"
    return sheet, last
