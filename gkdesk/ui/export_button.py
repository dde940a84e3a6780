"""The toolbar's 导出 button: Word on a click, every export format in its menu; shortcuts for the two main ones."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

SHORTCUTS = {".docx": "Ctrl+E", ".xlsx": "Ctrl+Shift+E"}


def export_button(actions: dict[str, QAction], parent: QWidget) -> QToolButton:
    """`actions` by file suffix, as the 文件 menu has them; the first is the button's own action."""
    for suffix, key in SHORTCUTS.items():
        if suffix in actions and actions[suffix].shortcut().isEmpty():
            actions[suffix].setShortcut(QKeySequence(key))
    button = QToolButton(parent)
    button.setObjectName("exportButton")
    button.setText("导出")
    button.setToolTip("导出 Word（Ctrl+E）；点右侧箭头选择 Excel 等格式（Ctrl+Shift+E 导出 Excel）")
    menu = QMenu(button)
    for action in actions.values():
        menu.addAction(action)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    first = next(iter(actions.values()), None)
    if first is not None:
        button.clicked.connect(first.trigger)
    return button
