"""文件 menu: 新建模板…, 用模板新建…, 从去年报告新建…, 附加上年报告… — templates and last year's report.

File choosers and dialog runs go through small methods so tests can script them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QDialog, QFileDialog

from gkdesk.io.errors import ReportFileError
from gkdesk.model.lastyear import attach_previous, new_from_last_year, previous_year_problem
from gkdesk.ui.document import default_year
from gkdesk.ui.prompts import REPORT_FILTER

# The readers, the template code and its dialogs load when one of these actions is first used.

if TYPE_CHECKING:
    from gkdesk.model import Report
    from gkdesk.ui.main_window import MainWindow

TEMPLATE_FILTER = "gkdesk 模板 (*.gkt)"


class AttachPreviousCommand(QUndoCommand):
    """Attach last year's report (undoable; saved in the .gkr, so the document becomes modified)."""

    def __init__(self, report: Report, last: Report) -> None:
        super().__init__("附加上年报告")
        self.report = report
        self.old = report.previous
        self.new = last

    def redo(self) -> None:
        attach_previous(self.report, self.new)

    def undo(self) -> None:
        attach_previous(self.report, self.old)


class TemplateActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.document = window.document
        self.make_action = self._action("新建模板(&T)…", self.make_template, "制作下发给各单位的填报模板（.gkt）")
        self.open_action = self._action("用模板新建(&M)…", self.open_dialog, "打开模板，为本单位新建报告")
        self.last_year_action = self._action("从去年报告新建(&L)…", self.new_from_last_year, "复制机关信息，预填上年结转")
        self.attach_action = self._action("附加上年报告(&Y)…", self.attach_previous, "用于上年结转、现行有效件数和内容雷同的校验")
        menu = window.menu("file")
        actions = menu.actions()
        if actions:  # after 新建 and 打开, before 保存
            anchor = actions[min(2, len(actions) - 1)]
            for action in (self.open_action, self.last_year_action, self.make_action, self.attach_action):
                menu.insertAction(anchor, action)
            menu.insertSeparator(anchor)
        else:
            menu.addActions([self.open_action, self.last_year_action, self.make_action, self.attach_action])

    def _action(self, text: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # ------------------------------------------------------------ scripted in tests

    def choose_open(self, title: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self.window.preferences.last_folder(), file_filter)
        return path or None

    def choose_save(self, title: str, suggested: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, suggested, file_filter)
        return path or None

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    # ------------------------------------------------------------ actions

    def make_template(self) -> bool:
        from gkdesk.template import save_template
        from gkdesk.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(self.document.report.year or default_year(), self.window)
        while self.run_dialog(dialog):
            folder = Path(self.window.preferences.last_folder() or ".")
            path = self.choose_save("保存模板", str(folder / f"{dialog.year.value()}年政府信息公开年报模板.gkt"), TEMPLATE_FILTER)
            if not path:
                continue
            if not path.lower().endswith(".gkt"):
                path += ".gkt"
            try:
                save_template(dialog.template(), Path(path))
            except ReportFileError as error:
                self.window.prompts.error("无法保存模板", str(error))
                continue
            self.window.statusBar().showMessage(f"已保存模板 {path}，可复制到各单位的U盘。", 8000)
            return True
        return False

    def open_dialog(self) -> bool:
        path = self.choose_open("用模板新建报告", TEMPLATE_FILTER)
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Open a .gkt as a new, untitled report (the template file itself is never written)."""
        from gkdesk.template import open_template
        from gkdesk.ui.template_open import UnitPickerDialog

        try:
            opened = open_template(path)
        except ReportFileError as error:
            self.window.prompts.error("无法打开模板", str(error))
            return False
        dialog = UnitPickerDialog(opened, self.window)
        if not self.run_dialog(dialog) or not dialog.ready():
            return False
        if not self.window.files.maybe_close():
            return False
        name = dialog.suggested_name()
        self.document.load(dialog.report(), None, suggested_path=Path(opened.path).parent / name)
        self.window.statusBar().showMessage(f"已用模板新建报告；填好后请保存为 {name}", 10000)
        return True

    def new_from_last_year(self) -> bool:
        path = self.choose_open("选择去年的报告", REPORT_FILTER)
        if not path:
            return False
        try:
            last = self._read_report(path, "从去年报告新建")
            if last is None:
                return False
            report = new_from_last_year(last)
        except (ReportFileError, ValueError) as error:
            self.window.prompts.error("无法从去年报告新建", str(error))
            return False
        if not self.window.files.maybe_close():
            return False
        self.document.load(report, None)
        self.window.statusBar().showMessage(f"已从 {Path(path).name} 新建 {report.year} 年度报告，上年结转已预填。", 10000)
        return True

    def attach_previous(self) -> bool:
        path = self.choose_open("附加上年报告", REPORT_FILTER)
        if not path:
            return False
        try:
            last = self._read_report(path, "附加上年报告")
        except ReportFileError as error:
            self.window.prompts.error("无法读取上年报告", str(error))
            return False
        if last is None:
            return False
        problem = previous_year_problem(self.document.report, last)
        if problem and not self.window.prompts.confirm("上年报告", f"{problem}。仍要附加吗？"):
            return False
        self.document.undo_stack.push(AttachPreviousCommand(self.document.report, last))
        self.window.statusBar().showMessage(f"已附加上年报告 {Path(path).name}，跨年度校验已启用。", 8000)
        return True

    def _read_report(self, path: str, title: str) -> Report | None:
        """The report in `path` (an old .doc/.xls converted under a dialog with 取消); None when cancelled."""
        from gkdesk.ui.legacy_reading import read_report_file  # the readers load on first use

        result = read_report_file(self.window, Path(path), title)
        if result is None:
            self.window.statusBar().showMessage(f"已取消读取 {Path(path).name}", 5000)
            return None
        return result.report
