"""Driving the window like a person: keys into grid cells, Chinese through the input method."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.pages import TablePage


def table_page(window: MainWindow, section: str) -> TablePage:
    window.show_page(section)
    page = window.page_stack.table_page(section)
    assert page is not None
    return page


def type_in_cell(qtbot: Any, window: MainWindow, cell_key: str, text: str, finish: Qt.Key = Qt.Key.Key_Return) -> None:
    """Select the cell, type `text` (typing starts the editor) and press Enter (or `finish`)."""
    section = cell_key.split(".")[0]
    page = table_page(window, section)
    page.grid.select_cell(cell_key)
    qtbot.keyClicks(page.grid, text[0])
    editor = page.grid.indexWidget(page.grid.currentIndex())
    assert editor is not None, "typing a digit should open the cell editor"
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, finish)
    QApplication.processEvents()  # the delegate commits and closes on a queued call


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit `text` through the input method, as a Pinyin IME does."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown(window: MainWindow, cell_key: str) -> str:
    page = window.page_stack.table_page(cell_key.split(".")[0])
    assert page is not None
    return str(page.model.index_of(cell_key).data())


def close_editor(qtbot: Any, window: MainWindow) -> None:
    """Escape out of whatever cell editor is open."""
    for key in window.page_stack.pages:
        page = window.page_stack.table_page(key)
        if page is not None:
            editor = page.grid.indexWidget(page.grid.currentIndex())
            if editor is not None:
                qtbot.keyClick(editor, Qt.Key.Key_Escape)
                QApplication.processEvents()


def finding_item(panel: Any, rule: str) -> Any:
    """The findings panel's row of the first finding of `rule`."""
    from gkdesk.ui.findings_panel import FINDING_ROLE

    return next(item for item in panel.items() if item.data(0, FINDING_ROLE).rule == rule)
