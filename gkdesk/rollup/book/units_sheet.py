"""完整性: every unit of the list and every file met, with status in colour; the file's place in a hidden column."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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
    append_row,
    fill,
    height_for,
    letter,
    lines_needed,
    new_sheet,
    print_setup,
    set_widths,
    text_width,
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
    counted = result.counted_count
    missing = result.missing_count
    errors = sum(1 for f in result.total_findings if f.is_error)
    text = f"计入合计 {counted} 个单位，未报送 {missing} 个，未受理文件 {len(result.refused)} 个；合计数校验：{errors} 个错误。"
    return f"{text}{result.choice_note}。" if result.choice_note else text


def _lines(result: RollupResult, with_codes: bool) -> Iterator[_Line]:
    """The table's lines, made one at a time from the rows (read back as they come) and the refused files."""
    for number, row in enumerate(result.rows, start=1):
        figures: list[str | int | None] = [row.errors, row.warnings, row.acknowledged, row.open_comments] if row.file else [None] * 4
        code = [row.unit.code if row.unit else ""] if with_codes else []
        yield _Line([number, row.organ, *code, row.status_label, *figures, _name(row.file), row.note, row.file or ""], row.status, row.errors)
    for refusal in result.refused:
        code = [""] if with_codes else []
        yield _Line([None, "", *code, REFUSED_LABEL, None, None, None, None, _name(refusal.file), refusal.reason, refusal.file], REFUSED_LABEL, 0)


def _name(path: str | None) -> str:
    return os.path.basename(path) if path else ""


def _widths(headers: list[str], lines: Iterable[_Line]) -> list[float]:
    """Each column fitted to its header and its widest value: one pass, keeping a running maximum per column."""
    numeric = [True] * len(headers)  # a column of figures only: its header wraps to two lines
    widest = [0.0] * len(headers)  # no text is narrower than the minimum widths below
    for line in lines:
        for col, value in enumerate(line.values):
            if value is not None:
                numeric[col] = numeric[col] and isinstance(value, int)
                widest[col] = max(widest[col], text_width(str(value)))
    widths = []
    for header, figures, width in zip(headers, numeric, widest, strict=True):
        if figures:
            widths.append(min(max(5, text_width(header[: (len(header) + 1) // 2]), width), 11) + 0.8)
        else:
            widths.append(min(max(6, text_width(header), width), _MAX_WIDTHS.get(header, 30)))
    return widths


def add_units_sheet(book: Workbook, painter: Painter, result: RollupResult) -> tuple[WriteSheet, int]:
    """The sheet and the last row it used (charts go below). The rows are read three times (codes, widths,
    cells), one at a time: the sheet's columns must be sized before its first row is written."""
    sheet = new_sheet(book, SHEET)
    with_codes = any(row.unit is not None and row.unit.code for row in result.rows)
    headers = ["序号", "单位", *(["单位代码"] if with_codes else []), "状态", "错误", "未说明的警告", "已说明的警告", "未处理的批注", "文件", "备注", "文件位置"]
    widths = _widths(headers, _lines(result, with_codes))
    count = len(result.rows) + len(result.refused)
    set_widths(sheet, widths)
    path_column = letter(len(headers))
    sheet.column_dimensions[path_column].hidden = True  # the whole path, for whoever needs it
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    print_setup(sheet, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", one_page=count <= 30)  # before any row
    sheet.append([painter.cell(sheet, f"{result.year or ''}年度政府信息公开工作年度报告汇总：报送情况", TITLE)])
    sheet.append([painter.cell(sheet, summary_text(result) if result.totals is not None else result.nothing_reason, NOTE)])
    sheet.row_dimensions[HEADER_ROW].height = height_for(2)
    sheet.append([painter.cell(sheet, header, HEADER) for header in headers])
    status_at = headers.index("状态")
    errors_at = headers.index("错误")
    for number, line in enumerate(_lines(result, with_codes), start=HEADER_ROW + 1):
        shown = zip(line.values[:-1], widths[:-1], strict=True)  # not the hidden path
        needed = max(lines_needed(str(value), width) for value, width in shown if value is not None)
        cells = []
        for col, value in enumerate(line.values):
            if col == status_at:
                cells.append(painter.cell(sheet, value, _STATUS_LOOKS[line.status]))
            elif isinstance(value, int) or (value is None and errors_at <= col < errors_at + 4):
                look = _ERROR_COUNT if col == errors_at and line.errors else NUMBER
                cells.append(painter.cell(sheet, value, look))
            else:
                cells.append(painter.cell(sheet, value, TEXT))
        append_row(sheet, number, cells, height_for(needed) if needed > 1 else None)
    last = HEADER_ROW + count
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{path_column}{max(last, HEADER_ROW + 1)}"
    return sheet, last
