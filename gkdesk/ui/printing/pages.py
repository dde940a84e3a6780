"""The report's pages painted on any paged device (PDF writer, printer, preview): the flowed content, the
page number "— N —" (odd pages right, even pages left, one character in from the text block's edge) and, for
a report with errors, a red 未通过校验 mark at the top of every page."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPen

from gkdesk.io import gbt9704 as page
from gkdesk.model import Report
from gkdesk.ui.printing.flow import BOTTOM, LEFT, Page, lay_out_pages
from gkdesk.ui.printing.fonts import font
from gkdesk.ui.printing.units import DPI, mm, pt

UNCHECKED_MARK = "未通过校验"
_MARK_COLOUR = QColor(200, 0, 0)


class PrintedReport:
    """The report laid out once; paint() draws any of its pages on a device. A report with `errors` errors
    is marked 未通过校验 on every page."""

    def __init__(self, report: Report, errors: int = 0) -> None:
        self.title = report.title
        self.pages: list[Page] = lay_out_pages(report)
        self.errors = errors

    def paint(self, device: QPagedPaintDevice, numbers: Iterable[int] | None = None) -> bool:
        """Pages `numbers` (1-based; default all) on `device`, whose page is set up by set_up_device; False if
        the device cannot be painted on (a printer that is gone, a file that cannot be written)."""
        wanted = [n for n in (numbers or range(1, len(self.pages) + 1)) if 1 <= n <= len(self.pages)]
        painter = QPainter()
        if not painter.begin(device):
            return False
        try:
            scale = device.logicalDpiX() / DPI
            for index, number in enumerate(wanted):
                if index > 0:
                    device.newPage()
                painter.save()
                painter.scale(scale, device.logicalDpiY() / DPI)
                self.pages[number - 1].draw(painter)
                self._page_number(painter, number)
                if self.errors:
                    self._mark(painter)
                painter.restore()
        finally:
            painter.end()
        return True

    def _page_number(self, painter: QPainter, number: int) -> None:
        size = pt(page.PAGE_NUMBER_SIZE)
        painter.setFont(font(page.PAGE_NUMBER_FONT, page.PAGE_NUMBER_SIZE))
        painter.setPen(Qt.GlobalColor.black)
        top = BOTTOM + mm(page.PAGE_NUMBER_GAP_MM)
        width = mm(page.TEXT_WIDTH_MM) - 2 * size
        odd = number % 2 == 1
        align = Qt.AlignmentFlag.AlignRight if odd else Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRectF(LEFT + size, top, width, 2 * size), align | Qt.AlignmentFlag.AlignTop, f"— {number} —")

    def _mark(self, painter: QPainter) -> None:
        size = page.BODY_SIZE
        painter.setFont(font(page.HEADING_FONT, size))
        pen = QPen(_MARK_COLOUR)
        pen.setWidthF(pt(1.5))
        painter.setPen(pen)
        text = f"{UNCHECKED_MARK}：本报告有 {self.errors} 个错误，数据未经核实"
        box = QRectF(LEFT, mm(page.TOP_MM) - mm(20), mm(page.TEXT_WIDTH_MM), mm(12))
        painter.drawRect(box)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def set_up_device(device: QPagedPaintDevice) -> None:
    """A4 portrait, no margins of the device's own: the pages place everything from the paper's corner."""
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
