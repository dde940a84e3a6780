"""文件 menu: 新建, 打开, 保存, 另存为, 最近打开的文件, 退出 — and the unsaved-changes question."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gkdesk.io.errors import ReportFileError
from gkdesk.model import Report
from gkdesk.ui.document import default_year

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.document = window.document
        menu = window.menu("file")
        self.new_action = self._action("新建(&N)", QKeySequence.StandardKey.New, self.new_report, "新建一份空白报告")
        self.open_action = self._action("打开(&O)…", QKeySequence.StandardKey.Open, self.open_dialog, "打开报告文件")
        self.save_action = self._action("保存(&S)", QKeySequence.StandardKey.Save, self.save, "保存报告")
        self.save_as_action = self._action("另存为(&A)…", QKeySequence("Ctrl+Shift+S"), self.save_as, "另存为新文件")
        self.recent_menu = QMenu("最近打开的文件(&R)", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.quit_action = self._action("退出(&X)", QKeySequence("Ctrl+Q"), window.close, "退出程序")
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self._fill_recent()

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # ------------------------------------------------------------ opening

    def new_report(self) -> bool:
        if not self.maybe_close():
            return False
        self.document.load(Report.new(default_year()), None)  # last calendar year, in that year's format
        return True

    def open_dialog(self) -> bool:
        path = self.window.prompts.open_file_name(self.window.preferences.last_folder())
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a report file; on failure say why and keep the current report."""
        if Path(path).suffix.lower() == ".gkt":  # a template opens as a new, untitled report (asks itself)
            return self.window.templates.open_path(path)
        if ask and not self.maybe_close():
            return False
        from gkdesk.ui.legacy_reading import read_report_file  # the readers (.docx, .xlsx, .gkt) load on first use

        path = Path(path)
        try:
            result = read_report_file(self.window, path)  # an old .doc/.xls: converted under a dialog with 取消
        except ReportFileError as error:
            self.window.prompts.error("无法打开", str(error))
            return False
        if result is None:
            self.window.statusBar().showMessage(f"已取消打开 {path.name}", 5000)
            return False
        report, findings = self.window.review.after_reading(result, path.name)  # hand edits, unplaced cells
        # a .gkr is saved back in place; anything else (imported .docx/.xlsx, a template) is saved as a new .gkr
        self.document.load(report, path if path.suffix.lower() == ".gkr" else None, import_findings=findings)
        self.window.preferences.add_recent(str(path.resolve()))
        self.window.preferences.set_last_folder(str(path.resolve().parent))
        self._fill_recent()
        self.window.statusBar().showMessage(f"已打开 {path}", 5000)
        return True

    def open_recent(self, file: str) -> bool:
        """Open a recent file; one that is gone (moved, deleted, stick not inserted) may leave the list."""
        if Path(file).exists():
            return self.open_path(file)
        question = f"{file}\n不存在（可能已移动、删除，或U盘未插入）。\n是否从“最近打开的文件”中移除？"
        if self.window.prompts.confirm("找不到文件", question):
            self.window.preferences.remove_recent(file)
            self._fill_recent()
        return False

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.window.preferences.recent_files()
        for number, file in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{number} {file}")
            action.triggered.connect(lambda _checked=False, file=file: self.open_recent(file))
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        report = self.document.report
        suggested_name = f"{report.title}.gkr" if report.organ else "政府信息公开工作年度报告.gkr"
        folder = self.document.path.parent if self.document.path else Path(self.window.preferences.last_folder() or ".")
        suggested = str(folder / suggested_name)
        if self.document.path is None and self.document.suggested_path is not None:  # opened from a template
            suggested = str(self.document.suggested_path)
        path = self.window.prompts.save_file_name(suggested)
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except ReportFileError as error:
            self.window.statusBar().showMessage(f"保存失败：{error}")
            if self.window.prompts.save_failed(str(error)):
                return self.save_as()
            return False
        self.window.preferences.add_recent(str(path.resolve()))
        self.window.preferences.set_last_folder(str(path.resolve().parent))
        self._fill_recent()
        self.window.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def maybe_close(self) -> bool:
        """True when the current report may be replaced or closed (saved, discarded, or unchanged)."""
        if not self.document.dirty:
            return True
        answer = self.window.prompts.ask_save_changes(self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"
