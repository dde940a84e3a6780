"""Export a report as PDF, drawn by Qt in the GB/T 9704 layout with its fonts embedded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

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
    printed.paint(writer)
    del writer
    return fix_to_unicode(bytes(buffer.data().data()), radical_ideographs())


def export_pdf(report: Report, path: Path | str, errors: int = 0) -> None:
    """Write the PDF atomically; ReportFileError (in Chinese) if it cannot be written."""
    write_atomic(Path(path), pdf_bytes(report, errors), keep_backup=False)
