"""The navigator: 基本信息 and the six sections, each with its count of errors and warnings.

After a re-check only the items whose counts changed get new text; heights are fitted when the headings
or the width change, not on every keystroke.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from gkdesk.ui.document import ReportDocument

BASIC_KEY = "basic"
BASIC_HEADING = "基本信息"


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


def count_line(errors: int, warnings: int) -> str:
    parts = ([f"错误 {errors}"] if errors else []) + ([f"警告 {warnings}"] if warnings else [])
    return "　".join(parts) if parts else "无问题"


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
        self._keys: list[str] = []
        self._items: list[QListWidgetItem] = []
        self._shown: list[tuple[int, int] | None] = []
        self._fitted_width = -1
        self.rebuild()
        document.findingsChanged.connect(self.refresh_counts)

    def rebuild(self) -> None:
        current = self.currentRow()
        self.clear()
        self._keys = [BASIC_KEY] + [section.key for section in self.document.report.spec.sections]
        self._items = []
        for key in self._keys:
            item = QListWidgetItem(self._heading(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.addItem(item)
            self._items.append(item)
        self._shown = [None] * len(self._items)
        self._fitted_width = -1
        self.refresh_counts()
        self.setCurrentRow(max(0, current))

    def _heading(self, key: str) -> str:
        if key == BASIC_KEY:
            return BASIC_HEADING
        return next(s.heading for s in self.document.report.spec.sections if s.key == key)

    def keys(self) -> list[str]:
        return list(self._keys)

    def section_counts(self) -> dict[str, tuple[int, int]]:
        """(errors, open warnings) per navigator entry, in one pass over the findings."""
        counts = {key: [0, 0] for key in self._keys}
        document = self.document
        for finding in document.findings:
            entry = counts.get(finding.section) or counts[BASIC_KEY]  # findings outside the sections: 基本信息
            if finding.is_error:
                entry[0] += 1
            elif not document.is_acknowledged(finding):
                entry[1] += 1
        return {key: (errors, warnings) for key, (errors, warnings) in counts.items()}

    def refresh_counts(self) -> None:
        counts = self.section_counts()
        for row, key in enumerate(self._keys):
            errors, warnings = counts[key]
            if self._shown[row] == (errors, warnings):
                continue
            self._shown[row] = (errors, warnings)
            item = self._items[row]
            item.setText(f"{self._heading(key)}\n{count_line(errors, warnings)}")
            item.setIcon(dot_icon("#d93025" if errors else "#f0a500" if warnings else "#34a853"))
            item.setToolTip(item.text())
        self._fit_heights()

    def _fit_heights(self) -> None:
        """Each item as tall as its wrapped heading plus the count line (QListView does not wrap by itself)."""
        if not self.isVisible():
            return  # a hidden list has no width yet: fitted when it shows
        width = max(80, self.viewport().width() - self.iconSize().width() - 30)
        if width == self._fitted_width:
            return  # the count line is one line: only the width changes the heights
        self._fitted_width = width
        metrics = self.fontMetrics()
        for item in self._items:
            rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, rect.height() + 14))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_heights()
