"""The navigator: 基本信息 and the six sections, each with its count of errors and warnings."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from gkdesk.ui.document import ReportDocument

BASIC_KEY = "basic"


@cache
def dot_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class Navigator(QListWidget):
    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.document = document
        self.setIconSize(QSize(12, 12))
        self.setWordWrap(True)
        self.setMinimumWidth(220)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.rebuild()
        document.findingsChanged.connect(self.refresh_counts)

    def rebuild(self) -> None:
        current = self.currentRow()
        self.clear()
        item = QListWidgetItem("基本信息")
        item.setData(Qt.ItemDataRole.UserRole, BASIC_KEY)
        self.addItem(item)
        for section in self.document.report.spec.sections:
            item = QListWidgetItem(section.heading)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.addItem(item)
        self.refresh_counts()
        self.setCurrentRow(max(0, current))

    def keys(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def refresh_counts(self) -> None:
        spec = self.document.report.spec
        headings = {s.key: s.heading for s in spec.sections}
        section_keys = set(headings)
        for i in range(self.count()):
            item = self.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key == BASIC_KEY:
                errors = warnings = 0
                for finding in self.document.findings:
                    if finding.section not in section_keys:
                        e, w = (1, 0) if finding.is_error else (0, 0 if self.document.is_acknowledged(finding) else 1)
                        errors, warnings = errors + e, warnings + w
                heading = "基本信息"
            else:
                errors, warnings = self.document.counts(key)
                heading = headings[key]
            parts = ([f"错误 {errors}"] if errors else []) + ([f"警告 {warnings}"] if warnings else [])
            item.setText(f"{heading}\n{'　'.join(parts) if parts else '无问题'}")
            item.setIcon(dot_icon("#d93025" if errors else "#f0a500" if warnings else "#34a853"))
            item.setToolTip(item.text())
        self._fit_heights()

    def _fit_heights(self) -> None:
        """Each item as tall as its wrapped heading plus the count line (QListView does not wrap by itself)."""
        metrics = self.fontMetrics()
        width = max(80, self.viewport().width() - self.iconSize().width() - 30)
        for i in range(self.count()):
            item = self.item(i)
            rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, rect.height() + 14))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights()
