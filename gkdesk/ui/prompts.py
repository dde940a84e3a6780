"""Every question the window asks, in one replaceable object so tests never block on a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from gkdesk.io.kinds import WEB_PAGE_SUFFIXES, file_patterns

FILE_FILTER = "gkdesk 报告 (*.gkr);;所有文件 (*)"
WEB_PAGES = f"网页 ({file_patterns(WEB_PAGE_SUFFIXES)})"
REPORT_FILTER = f"报告文件 ({file_patterns()});;{WEB_PAGES};;所有文件 (*)"  # every file a report is read from
OPEN_FILTER = f"报告文件 ({file_patterns()} *.gkt);;{WEB_PAGES};;所有文件 (*)"


class Prompts:
    """Modal questions; tests replace the window's instance with a scripted one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """"save", "discard" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, "尚未保存", f"“{name}”有尚未保存的修改。是否保存？", parent=self.parent)
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def offer_recovery(self, description: str) -> str:
        """"restore", "discard" (the window confirms before deleting) or "later"."""
        box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的报告", description, parent=self.parent)
        restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            return "restore"
        if box.clickedButton() is discard:
            return "discard"
        return "later"

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def save_failed(self, message: str) -> bool:
        """Tell why saving failed; True if the person wants to 另存为."""
        box = QMessageBox(QMessageBox.Icon.Critical, "保存失败", f"{message}\n\n报告仍在窗口中，未丢失。", parent=self.parent)
        save_as = box.addButton("另存为…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is save_as

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getMultiLineText(self.parent, title, label, text)
        return value if ok else None

    def open_file_name(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "打开报告", folder, OPEN_FILTER)
        return path or None

    def save_file_name(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "另存为", suggested, FILE_FILTER)
        if path and not path.lower().endswith(".gkr"):
            path += ".gkr"
        return path or None
