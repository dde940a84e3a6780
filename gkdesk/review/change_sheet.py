"""Export a list of changes as a 修改说明 sheet (.xlsx) or table (.docx)."""

from __future__ import annotations

import io
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic
from gkdesk.review.compare import ReportChange

HEADERS = ("序号", "位置", "修改前", "修改后")


def _rows(changes: list[ReportChange]) -> list[tuple[str, str, str, str]]:
    return [(str(i), c.where, c.before or "（空）", c.after or "（空）") for i, c in enumerate(changes, start=1)]


def changes_xlsx(changes: list[ReportChange], title: str) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "修改说明"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(HEADERS))
    for row in _rows(changes):
        sheet.append(list(row))
    for column, width in zip("ABCD", (6, 40, 50, 50), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def changes_docx(changes: list[ReportChange], title: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text
    for row in _rows(changes):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    if not changes:
        document.add_paragraph("两份报告没有差异。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_changes(changes: list[ReportChange], path: Path | str, title: str = "修改说明") -> None:
    """Write the 修改说明 as .xlsx or .docx (by suffix), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = changes_xlsx(changes, title)
    elif suffix == ".docx":
        data = changes_docx(changes, title)
    else:
        raise ReportFileError(f"{path.name}：修改说明只能保存为 .xlsx 或 .docx")
    write_atomic(path, data, keep_backup=False)
