"""The roll-up's two charts, drawn with QPainter: applications per unit (bars, most first) and the outcomes of
all applications by category (a pie with its legend)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gkdesk.model import Number

BAR_COLOUR = QColor("#4f81bd")
SLICE_COLOURS = [QColor(c) for c in ("#4f81bd", "#9bbb59", "#c0504d", "#8064a2", "#4bacc6", "#f79646", "#7f7f7f")]
TEXT_COLOUR = QColor("#1c2b44")
MAX_BARS = 20


def _number_text(value: Number) -> str:
    return format(value, "f").rstrip("0").rstrip(".") if not isinstance(value, int) else str(value)


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)

    def _title(self, painter: QPainter) -> float:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(font)
        painter.setPen(TEXT_COLOUR)
        height = painter.fontMetrics().height() + 10
        painter.drawText(QRectF(0, 4, self.width(), height), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.title)
        painter.setFont(self.font())
        return height + 6

    def _empty(self, painter: QPainter, top: float, text: str) -> None:
        painter.setPen(QColor("#8a8f98"))
        painter.drawText(QRectF(0, top, self.width(), self.height() - top), Qt.AlignmentFlag.AlignCenter, text)


class UnitBarChart(_Chart):
    """Horizontal bars, one per unit, the most applications on top (the first MAX_BARS units)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("各单位本年新收申请", parent)
        self.items: list[tuple[str, Number]] = []
        self.hidden_units = 0

    def set_items(self, items: list[tuple[str, Number]]) -> None:
        """`items` sorted, most first."""
        self.items = items[:MAX_BARS]
        self.hidden_units = max(0, len(items) - MAX_BARS)
        self.title = f"本年新收申请最多的 {MAX_BARS} 个单位" if self.hidden_units else "各单位本年新收申请"
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 60 + 24 * max(len(self.items), 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        top = self._title(painter)
        if not self.items:
            self._empty(painter, top, "没有计入合计的单位")
            return
        metrics = painter.fontMetrics()
        footer = metrics.height() + 6 if self.hidden_units else 0
        label_width = min(max(metrics.horizontalAdvance(name) for name, _ in self.items) + 12, self.width() * 0.4)
        value_width = metrics.horizontalAdvance(_number_text(max(v for _, v in self.items))) + 12
        slot = (self.height() - top - footer - 8) / len(self.items)
        bar_height = max(4.0, min(slot * 0.7, 26.0))
        largest = max((float(v) for _, v in self.items), default=0.0) or 1.0
        room = max(self.width() - label_width - value_width - 16, 10)
        for index, (name, value) in enumerate(self.items):
            y = top + index * slot + (slot - bar_height) / 2
            painter.setPen(TEXT_COLOUR)
            name_rect = QRectF(4, top + index * slot, label_width - 8, slot)
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, int(label_width - 8)))
            length = room * float(value) / largest
            painter.fillRect(QRectF(label_width, y, length, bar_height), BAR_COLOUR)
            painter.drawText(QRectF(label_width + length + 4, top + index * slot, value_width, slot),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _number_text(value))
        painter.setPen(QPen(QColor("#8a8f98")))
        painter.drawLine(int(label_width), int(top), int(label_width), int(top + slot * len(self.items)))
        if self.hidden_units:
            painter.drawText(QRectF(0, self.height() - footer, self.width(), footer), Qt.AlignmentFlag.AlignCenter,
                             f"另有 {self.hidden_units} 个单位未画出（见报送情况和导出的汇总表）")


class OutcomePieChart(_Chart):
    """A pie of the outcome categories with a legend giving each count and share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("全部申请的办理结果", parent)
        self.items: list[tuple[str, Number]] = []

    def set_items(self, items: list[tuple[str, Number]]) -> None:
        self.items = items
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def legend_lines(self) -> list[str]:
        total = sum(float(v) for _, v in self.items)
        return [f"{label}　{_number_text(value)} 件（{float(value) / total:.1%}）" if total else f"{label}　0 件" for label, value in self.items]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        top = self._title(painter)
        total = sum(float(v) for _, v in self.items)
        if not total:
            self._empty(painter, top, "本年没有办结的申请")
            return
        metrics = painter.fontMetrics()
        lines = self.legend_lines()
        legend_width = max(metrics.horizontalAdvance(line) for line in lines) + 28
        side = max(min(self.width() - legend_width - 36, self.height() - top - 16), 40)
        pie = QRectF(16, top + (self.height() - top - side) / 2, side, side)
        start = 90 * 16  # twelve o'clock, clockwise
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        for index, (_, value) in enumerate(self.items):
            span = -round(360 * 16 * float(value) / total)
            painter.setBrush(SLICE_COLOURS[index % len(SLICE_COLOURS)])
            if span:
                painter.drawPie(pie, start, span)
            start += span
        x = pie.right() + 24
        line_height = metrics.height() + 8
        y = top + max((self.height() - top - line_height * len(lines)) / 2, 0)
        for index, line in enumerate(lines):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SLICE_COLOURS[index % len(SLICE_COLOURS)])
            painter.drawRect(QRectF(x, y + (line_height - 12) / 2, 12, 12))
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(x + 18, y, legend_width, line_height), Qt.AlignmentFlag.AlignVCenter, line)
            y += line_height
