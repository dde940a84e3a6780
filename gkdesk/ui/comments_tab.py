"""The 批注 panel as a tab beside 审核结果 under the page: a returned report keeps its table rows on a small
screen (a dock across the window's bottom took them). Shown while the report has 批注, or on demand."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import QTabWidget, QWidget


class CommentsTab(QObject):
    """Answers like a dock: show/hide/isVisible/isHidden and a toggle action for the 审核 menu."""

    def __init__(self, tabs: QTabWidget, panel: QWidget, title: str) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.panel = panel
        self.title = title
        panel.setObjectName("commentsPanel")
        panel.hide()
        self.action = QAction("批注面板(&P)", self)
        self.action.setCheckable(True)
        self.action.toggled.connect(self._on_toggled)

    def toggleViewAction(self) -> QAction:
        return self.action

    def widget(self) -> QWidget:
        return self.panel

    def isHidden(self) -> bool:
        return self.tabs.indexOf(self.panel) < 0

    def isVisible(self) -> bool:
        return not self.isHidden() and self.tabs.isVisible()

    def setVisible(self, visible: bool) -> None:
        if visible and self.isHidden():
            self.tabs.addTab(self.panel, self.title)
        elif not visible and not self.isHidden():
            self.tabs.removeTab(self.tabs.indexOf(self.panel))
            self.panel.hide()
        self.action.blockSignals(True)
        self.action.setChecked(visible)
        self.action.blockSignals(False)

    def show(self) -> None:
        self.setVisible(True)

    def hide(self) -> None:
        self.setVisible(False)

    def raise_(self) -> None:
        """Make it the current tab (a new 批注 was just added)."""
        self.show()
        self.tabs.setCurrentWidget(self.panel)

    def grab(self) -> QPixmap:
        return self.panel.grab()

    def _on_toggled(self, checked: bool) -> None:
        if checked:
            self.raise_()
        else:
            self.hide()
