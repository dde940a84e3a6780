"""审核 menu: the 批注 panel (a tab beside 审核结果), 添加批注, 与其他版本比较, and hand edits / problems of an opened file.

`ReviewActions(window)` wires it all in; its questions are methods tests override, so no dialog blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from gkdesk.checks import Finding
from gkdesk.io.errors import ReportFileError
from gkdesk.io.import_result import RULE_HAND_EDIT, ImportResult, import_findings
from gkdesk.model import Change, Report
from gkdesk.review.comments import anchor_name
from gkdesk.ui.comments_tab import CommentsTab
from gkdesk.ui.prompts import REPORT_FILTER
from gkdesk.ui.review_commands import AddCommentCommand
from gkdesk.ui.review_panel import CommentsPanel
from gkdesk.ui.review_places import jump_finding, widget_anchor
from gkdesk.ui.settings import app_settings

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow
    from gkdesk.ui.review_compare import CompareDialog
    from gkdesk.ui.review_marks import CommentMarks

REVIEWER_KEY = "review/reviewer"
OTHER_FILTER = REPORT_FILTER
CHANGES_FILTER = "Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)"


class PlaceTracker(QObject):
    """Remembers the grid or narrative editor last focused in the window (buttons elsewhere take the focus)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.widget: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus)  # a QObject slot: disconnected when the window goes

    @Slot(QWidget, QWidget)
    def on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and widget_anchor(new) is not None and self.window.isAncestorOf(new):
            self.widget = new

    def last_on(self, page: QWidget | None) -> QWidget | None:
        widget = self.widget
        if widget is None or page is None or not shiboken6.isValid(widget) or not page.isAncestorOf(widget):
            return None
        return widget


class ReviewActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.document = window.document
        self.panel = CommentsPanel(self.document, window)
        self.dock = CommentsTab(window.bottom_tabs, self.panel, "批注")
        self.marks: list[CommentMarks] = []

        self.add_action = QAction("添加批注(&M)…", window)
        self.add_action.setShortcut(QKeySequence("Ctrl+Alt+M"))
        self.add_action.triggered.connect(lambda _checked=False: self.add_comment())
        self.compare_action = QAction("与其他版本比较(&D)…", window)
        self.compare_action.triggered.connect(lambda _checked=False: self.compare())
        menu = window.menu("review")
        menu.addSeparator()
        for action in (self.add_action, self.dock.toggleViewAction(), self.compare_action):
            menu.addAction(action)

        self.panel.addRequested.connect(self.add_comment)
        self.panel.activated.connect(self.jump)
        self.document.changed.connect(self._on_changed)
        # after the pages are regenerated (document.reset reaches this before the page stack rebuilds)
        window.page_stack.rebuilt.connect(self.attach_marks)
        window.page_stack.pageBuilt.connect(self.attach_page_marks)
        self.document.reset.connect(self.show_panel_if_commented)
        self.places = PlaceTracker(window)
        self.attach_marks()
        # A clerk filling a report needs the room; the panel shows itself once there are 批注.
        # Decided now, before the window is first shown: a dock still visible at the first layout
        # would make the window's minimum height its own (taller than a 1366×768 screen).
        self.show_panel_if_commented()

    def show_panel_if_commented(self) -> None:
        self.dock.setVisible(bool(self.document.report.comments))

    # ------------------------------------------------------------ questions (overridden in tests)

    def ask_reviewer(self, default: str) -> str | None:
        name, ok = QInputDialog.getText(self.window, "批注人", "批注人（单位或姓名，会被记住）：", text=default)
        return name if ok else None

    def ask_comment(self, place: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self.window, "添加批注", f"批注位置：{place}\n\n批注内容：")
        return text if ok else None

    def pick_other_file(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "选择要比较的版本", folder, OTHER_FILTER)
        return path or None

    def changes_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, "导出修改说明", suggested, CHANGES_FILTER)
        return path or None

    def show_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def error(self, text: str) -> None:
        QMessageBox.critical(self.window, "无法比较", text)

    # ------------------------------------------------------------ comments

    def reviewer(self) -> str | None:
        """The remembered reviewer name, asked once (QSettings holds it, never report data)."""
        settings = app_settings()
        name = str(settings.value(REVIEWER_KEY, "") or "").strip()
        if name:
            return name
        asked = (self.ask_reviewer("") or "").strip()
        if asked:
            settings.setValue(REVIEWER_KEY, asked)
        return asked or None

    def current_anchor(self) -> str | None:
        """The selected cell, row or paragraph: of the grid or text last focused on the current page."""
        page = self.window.page_stack.currentWidget()
        focused = self.places.last_on(page)
        if focused is not None:
            return widget_anchor(focused)
        table_page = self.window.page_stack.table_page(self.window.page_stack.current_key())
        if table_page is not None:
            return widget_anchor(table_page.grid)
        narrative = getattr(page, "narrative", None)
        return widget_anchor(narrative) if isinstance(narrative, QWidget) else "title"

    def add_comment(self, anchor: str | None = None) -> bool:
        """Ask for the text (and the reviewer once) and add a 批注 at `anchor` or the selection."""
        anchor = anchor or self.current_anchor()
        if anchor is None:
            self.window.statusBar().showMessage("请先选中要批注的单元格、行或段落", 5000)
            return False
        text = (self.ask_comment(anchor_name(self.document.report, anchor)) or "").strip()
        if not text:
            return False
        author = self.reviewer()
        if author is None:
            return False
        self.document.undo_stack.push(AddCommentCommand(self.document, anchor, author, text))
        return True

    def jump(self, anchor: str) -> None:
        self.window.reveal(jump_finding(self.document.report, anchor))

    def attach_marks(self) -> None:
        """Corner marks on every table page built so far (pages are regenerated on 打开/新建)."""
        for marks in self.marks:
            marks.deleteLater()
        self.marks = []
        for key in list(self.window.page_stack.built):
            self.attach_page_marks(key)

    def attach_page_marks(self, key: str) -> None:
        """Corner marks on the table page of `key`, when it is one (a page is built on its first view)."""
        page = self.window.page_stack.built_table_page(key)
        if page is not None:
            from gkdesk.ui.review_marks import CommentMarks  # with the first table page

            self.marks.append(CommentMarks(page.grid))

    def _on_changed(self, change: Change) -> None:
        if change.kind == "comment":
            for marks in self.marks:
                marks.refresh()
            if self.document.report.comments:
                self.dock.raise_()

    # ------------------------------------------------------------ compare

    def compare(self, path: str | None = None) -> CompareDialog | None:
        """Pick another version, show every difference from it to the open report, offer 导出修改说明."""
        from gkdesk.review.compare import compare_reports
        from gkdesk.ui.legacy_reading import read_report_file
        from gkdesk.ui.review_compare import CompareDialog

        path = path or self.pick_other_file(self.window.preferences.last_folder())
        if not path:
            return None
        try:
            read = read_report_file(self.window, Path(path), "比较版本")
        except ReportFileError as error:
            self.error(str(error))
            return None
        if read is None:
            self.window.statusBar().showMessage(f"已取消读取 {Path(path).name}", 5000)
            return None
        other = read.report
        changes = compare_reports(other, self.document.report)
        folder = self.document.path.parent if self.document.path else Path(path).parent
        dialog = CompareDialog(
            changes,
            Path(path).name,
            self.document.display_name,
            self.changes_path,
            folder / "修改说明.xlsx",
            self.window,
        )
        self.show_dialog(dialog)
        return dialog

    # ------------------------------------------------------------ opening files

    def after_reading(self, result: ImportResult, file_name: str) -> tuple[Report, list[Finding]]:
        """Hand edits: the reviewer chooses per place; the remaining problems become findings."""
        findings = import_findings(result)
        if result.differences:
            from gkdesk.ui.review_import import HandEditsDialog, apply_choices

            dialog = HandEditsDialog(result, file_name, self.window)
            self.show_dialog(dialog)
            apply_choices(result, dialog.choices())
            findings = [f for f in findings if f.rule != RULE_HAND_EDIT]
        return result.report, findings
