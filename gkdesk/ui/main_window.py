"""The main window: navigator | pages over the findings panel; menus other modules can extend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QTabWidget, QToolBar

from gkdesk.checks import Finding
from gkdesk.model import Report
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.edit_actions import EditActions
from gkdesk.ui.export_actions import add_export_actions
from gkdesk.ui.export_button import export_button
from gkdesk.ui.file_actions import FileActions
from gkdesk.ui.findings_panel import FindingsPanel
from gkdesk.ui.grid_actions import GridActions
from gkdesk.ui.menus import MenuRegistry
from gkdesk.ui.navigator import Navigator
from gkdesk.ui.orphan_notes import OrphanNotes
from gkdesk.ui.page_stack import PageStack
from gkdesk.ui.prompts import Prompts
from gkdesk.ui.recovery import Autosaver, RecoveredReport, find_recovered
from gkdesk.ui.review_actions import ReviewActions
from gkdesk.ui.rollup_actions import RollupActions
from gkdesk.ui.settings import Preferences
from gkdesk.ui.template_actions import TemplateActions

DEFAULT_SIZE = QSize(1280, 800)  # the largest first size; smaller screens get 90% of their free area
SCREEN_SHARE = 0.9


def default_size(available: QRect | None) -> QSize:
    """The first size of the window: 90% of the screen's free area (without taskbar), at most DEFAULT_SIZE."""
    if available is None or available.isEmpty():
        return QSize(DEFAULT_SIZE)
    return QSize(
        min(DEFAULT_SIZE.width(), int(available.width() * SCREEN_SHARE)),
        min(DEFAULT_SIZE.height(), int(available.height() * SCREEN_SHARE)),
    )


class MainWindow(QMainWindow):
    """Other modules add actions with `window.menu("review").addAction(...)` or `window.add_action(...)`."""

    def __init__(self, report: Report | None = None, prompts: Prompts | None = None, autosave_ms: int = 3000) -> None:
        super().__init__()
        self.prompts = prompts or Prompts(self)
        self.preferences = Preferences()
        self.document = ReportDocument(report, self)
        self.menus = MenuRegistry(self.menuBar())
        self.toolbar = QToolBar("常用", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)

        self.navigator = Navigator(self.document, self)
        self.page_stack = PageStack(self.document, self.prompts, self)
        self.findings_panel = FindingsPanel(self.document, self.prompts, self)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(self.page_stack)
        # 审核结果 and (for a returned report) 批注 share the room under the page as tabs
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.setTabBarAutoHide(True)
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.findings_panel, "审核结果")
        self.right_splitter.addWidget(self.bottom_tabs)
        self.right_splitter.setStretchFactor(0, 4)
        self.right_splitter.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1050])  # the navigator wraps; table 四 needs the width
        self.right_splitter.setSizes([600, 180])
        self.setCentralWidget(self.splitter)

        self.files = FileActions(self)
        self.edits = EditActions(self)
        self.templates = TemplateActions(self)  # 新建模板, 用模板新建, 从去年报告新建, 附加上年报告
        self.rollups = RollupActions(self)  # 汇总
        self.exports = add_export_actions(self.menu("file"), self)  # 导出 Word / 导出 Excel
        self.review = ReviewActions(self)  # 批注 panel, 添加批注, 与其他版本比较, hand edits of opened files
        self.grid_actions = GridActions(self)  # 复制/粘贴/全选, 空白填 0, the grid's context menu
        self.orphan_notes = OrphanNotes(self)  # 清理失效的说明
        for action in (self.files.new_action, self.files.open_action, self.files.save_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.edits.undo_action)
        self.toolbar.addAction(self.edits.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.edits.next_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(export_button(self.exports.actions, self.toolbar))
        self.counts_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.autosaver = Autosaver(self.document, autosave_ms, self)
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.navigator.currentRowChanged.connect(self._on_navigate)
        self.findings_panel.activated.connect(self.reveal)
        self.document.findingsChanged.connect(self._update_counts)
        self.document.stateChanged.connect(self._update_title)
        self.document.reset.connect(self._on_reset)
        self._update_counts()
        self._update_title()
        self._restore_geometry()

    # ------------------------------------------------------------ extension points

    def menu(self, key: str) -> QMenu:
        """文件 "file", 编辑 "edit", 审核 "review", 汇总 "rollup", 帮助 "help"."""
        return self.menus.menu(key)

    def add_action(self, menu_key: str, action: QAction, toolbar: bool = False) -> None:
        self.menu(menu_key).addAction(action)
        if toolbar:
            self.toolbar.addAction(action)

    def setVisible(self, visible: bool) -> None:
        if visible:
            self.page_stack.ensure_current()  # part of the first layout
        super().setVisible(visible)

    @property
    def report(self) -> Report:
        return self.document.report

    # ------------------------------------------------------------ navigation

    def show_page(self, key: str) -> None:
        keys = self.navigator.keys()
        self.navigator.setCurrentRow(keys.index(key) if key in keys else 0)

    def _on_navigate(self, row: int) -> None:
        if 0 <= row < self.navigator.count():
            self.page_stack.show_page(self.navigator.keys()[row])
            self.findings_panel.set_current_section(self.navigator.keys()[row])

    def reveal(self, finding: Finding) -> None:
        key = self.page_stack.reveal(finding)
        self.navigator.blockSignals(True)
        self.show_page(key)
        self.navigator.blockSignals(False)

    def _on_reset(self) -> None:
        # new content (打开, 恢复, another edition): regenerate every page from the definition
        self.page_stack.rebuild()
        self.navigator.rebuild()
        self._on_navigate(self.navigator.currentRow())
        self._update_title()

    # ------------------------------------------------------------ status

    def _update_counts(self) -> None:
        errors, warnings = self.document.counts()
        acknowledged = sum(1 for f in self.document.findings if self.document.is_acknowledged(f))
        text = f"错误 {errors}　警告 {warnings}"
        if acknowledged:
            text += f"　已说明 {acknowledged}"
        self.counts_label.setText(text)

    def _update_title(self) -> None:
        report = self.document.report
        organ = report.organ or "（未填写机关）"
        year = f"{report.year}年" if report.year else ""
        self.setWindowTitle(f"{organ} {year}政府信息公开工作年度报告 — {self.document.display_name}[*] — gkdesk")
        self.setWindowModified(self.document.dirty)

    # ------------------------------------------------------------ start and close

    def recovered_reports(self) -> list[RecoveredReport]:
        """Reports left by a crash of another window, newest first."""
        return find_recovered(exclude=self.autosaver.file)

    def offer_recovery(self, found: list[RecoveredReport] | None = None) -> bool:
        """Offer each report left by a crash (`found`, else looked for now); True if one was restored."""
        for recovered in self.recovered_reports() if found is None else found:
            answer = self.prompts.offer_recovery(recovered.describe())
            if answer == "restore":
                self.restore(recovered)
                return True
            if answer == "discard" and self.prompts.confirm("确认丢弃", "丢弃后无法找回这份自动保存的报告。确定丢弃吗？"):
                recovered.discard()
        return False

    def restore(self, recovered: RecoveredReport) -> None:
        path = recovered.original_path
        self.document.load(recovered.report, None if path is None else Path(path), recovered=True)
        recovered.discard()
        self.autosaver.save_now()
        self.statusBar().showMessage(f"已恢复 {recovered.saved_at:%H:%M:%S} 自动保存的报告，请及时保存。", 10000)

    def _restore_geometry(self) -> None:
        geometry = self.preferences.restore_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen() or QGuiApplication.primaryScreen()
            self.resize(default_size(screen.availableGeometry() if screen is not None else None))
        for name, splitter in (("window/splitter", self.splitter), ("window/right_splitter", self.right_splitter)):
            state = self.preferences.restore_bytes(name)
            if state is not None:
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_close():
            event.ignore()
            return
        self.preferences.store_bytes("window/geometry", self.saveGeometry())
        self.preferences.store_bytes("window/splitter", self.splitter.saveState())
        self.preferences.store_bytes("window/right_splitter", self.right_splitter.saveState())
        self.preferences.settings.sync()  # the program leaves without tearing down (gkdesk/cli/exit.py)
        self.rollups.stop()  # its worker thread must end before the application does
        self.autosaver.stop()
        self.autosaver.discard()
        event.accept()
