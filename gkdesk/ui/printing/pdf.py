"""Export a report as PDF, drawn by Qt in the GB/T 9704 layout with its fonts embedded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic
from gkdesk.model import Report
from gkdesk.ui.printing.fonts import radical_ideographs
from gkdesk.ui.printing.pages import PrintedReport, set_up_device
from gkdesk.ui.printing.tounicode import fix_to_unicode
from gkdesk.ui.printing.units import DPI


def pdf_bytes(report: Report, errors: int = 0) -> bytes:
    """The PDF file's bytes (needs a QGuiApplication); `errors` > 0 marks every page 未通过校验."""
    printed = PrintedReport(report, errors)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    set_up_device(writer)
    writer.setTitle(printed.title)
    writer.setCreator("gkdesk")
    writer.setAuthor(report.organ)
    if not printed.paint(writer):
        raise ReportFileError("无法生成 PDF：绘图设备无法使用")
    del writer
    return fix_to_unicode(bytes(buffer.data().data()), radical_ideographs())


def export_pdf(report: Report, path: Path | str, errors: int = 0) -> None:
    """Write the PDF atomically; ReportFileError (in Chinese) if it cannot be written."""
    write_atomic(Path(path), pdf_bytes(report, errors), keep_backup=False)


def fix_pdf_file(path: Path) -> None:
    """A PDF Qt's printer wrote to a file (打印 to a PDF file), its text made to copy out as written."""
    try:
        data = path.read_bytes()
        fixed = fix_to_unicode(data, radical_ideographs())
        if fixed != data:
            write_atomic(path, fixed, keep_backup=False)
    except (OSError, ReportFileError):
        pass  # the printed file stays as Qt wrote it: readable, only its copied text names radicals
