"""Qt's own dialogs and menus speak Chinese once gkdesk has started."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from gkdesk.ui.translations import translation_folders


def test_translations_come_from_the_pyside6_installation() -> None:
    assert any((folder / "qtbase_zh_CN.qm").is_file() for folder in translation_folders())


def test_message_box_standard_buttons_read_chinese(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    seen: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.extend(button.text() for button in box.buttons())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(50, answer)
    result = QMessageBox.question(
        window, "测试", "继续吗？", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    )
    assert result == QMessageBox.StandardButton.Cancel
    assert sorted(seen) == sorted(["确定", "取消"])


def test_text_context_menu_reads_chinese(make_window: Any) -> None:
    make_window()
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert "粘贴(&P)" in texts and "全选" in texts
    assert not any("Paste" in text or "Undo" in text for text in texts)
