"""汇总 menu: 汇总各单位报告… opens the roll-up dialog; 新建本级报告 opens the county report in the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from gkdesk.model import Report

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow
    from gkdesk.ui.rollup_dialog import RollupDialog


class RollupActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: RollupDialog | None = None
        self.rollup_action = QAction("汇总各单位报告(&U)…", window)
        self.rollup_action.setStatusTip("读取文件夹（如U盘）或所选文件中各单位报送的报告，生成汇总表")
        self.rollup_action.triggered.connect(lambda _checked=False: self.open_dialog())
        window.menu("rollup").addAction(self.rollup_action)

    def open_dialog(self) -> RollupDialog:
        """Show the (modeless) roll-up dialog, reusing an open one."""
        self.window.autosaver.save_now()  # a long operation: unsaved work goes to the recovery file first
        if self.dialog is None:
            from gkdesk.ui.rollup_dialog import RollupDialog  # the roll-up code loads on first use

            self.dialog = RollupDialog(self.window)
            self.dialog.county_requested.connect(self.open_county)
            self.dialog.finished.connect(self._forget)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def stop(self) -> None:
        """Close the roll-up dialog (a running roll-up is cancelled and waited for): the window is closing."""
        if self.dialog is not None:
            self.dialog.done(0)

    def _forget(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def open_county(self, report: Report) -> bool:
        if not self.window.files.maybe_close():
            return False
        self.window.document.load(report, None)
        self.window.statusBar().showMessage("已新建本级报告：表格已预填汇总数，请撰写文字部分。", 10000)
        return True
