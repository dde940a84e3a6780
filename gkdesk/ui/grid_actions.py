"""编辑 menu's 复制/粘贴/全选 and 空白填 0, and the grid's context menu (复制、粘贴、空白填 0、清除、添加批注)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from gkdesk.model import CellValue, parse_strict
from gkdesk.ui.commands import SetCellsCommand

if TYPE_CHECKING:
    from gkdesk.ui.grid_view import ReportGridView
    from gkdesk.ui.main_window import MainWindow

FILL_TEXT = "空白填 0"
TextWidget = QLineEdit | QTextEdit | QPlainTextEdit


class GridActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.copy_action = self._action("复制(&C)", QKeySequence.StandardKey.Copy, self.copy)
        self.paste_action = self._action("粘贴(&P)", QKeySequence.StandardKey.Paste, self.paste)
        self.select_all_action = self._action("全选(&A)", QKeySequence.StandardKey.SelectAll, self.select_all)
        self.clear_action = QAction("清除(&D)", window)
        self.clear_action.triggered.connect(self.clear)
        self.fill_selection_action = self._action(
            f"{FILL_TEXT}：选中的单元格(&0)", QKeySequence("Ctrl+0"), lambda: self.fill_blanks("selection")
        )
        self.fill_table_action = QAction(f"{FILL_TEXT}：本表(&T)", window)
        self.fill_table_action.triggered.connect(lambda: self.fill_blanks("table"))
        self.fill_report_action = QAction(f"{FILL_TEXT}：整份报告(&R)", window)
        self.fill_report_action.triggered.connect(lambda: self.fill_blanks("report"))
        for action in (self.fill_selection_action, self.fill_table_action, self.fill_report_action):
            action.setToolTip("把空白单元格填为 0（可撤销）；公开的报告不应留空白")
        edit = window.menu("edit")
        edit.addSeparator()
        for action in (self.copy_action, self.paste_action, self.select_all_action):
            edit.addAction(action)
        fill = edit.addMenu(FILL_TEXT)
        fill.setObjectName("menu-fill-blanks")
        for action in (self.fill_selection_action, self.fill_table_action, self.fill_report_action):
            fill.addAction(action)
        window.page_stack.rebuilt.connect(self.attach)
        window.page_stack.pageBuilt.connect(self.attach_page)
        self.attach()

    def _action(self, text: str, key: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(key if isinstance(key, QKeySequence) else QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # ------------------------------------------------------------ where the clerk is

    def current_grid(self) -> ReportGridView | None:
        page = self.window.page_stack.table_page(self.window.page_stack.current_key())
        return None if page is None else page.grid

    @staticmethod
    def focused_text() -> TextWidget | None:
        focus = QApplication.focusWidget()
        return focus if isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit) else None

    # ------------------------------------------------------------ 复制 / 粘贴 / 全选 / 清除

    def copy(self) -> None:
        text = self.focused_text()
        if text is not None:
            text.copy()
        elif (grid := self.current_grid()) is not None:
            QGuiApplication.clipboard().setText(grid.selected_text())

    def paste(self) -> None:
        text = self.focused_text()
        if text is not None:
            text.paste()
        elif (grid := self.current_grid()) is not None:
            grid.paste_text(QGuiApplication.clipboard().text())

    def select_all(self) -> None:
        text = self.focused_text()
        if text is not None:
            text.selectAll()
        elif (grid := self.current_grid()) is not None:
            grid.selectAll()

    def clear(self) -> None:
        if (grid := self.current_grid()) is not None:
            grid.clear_selection()

    # ------------------------------------------------------------ 空白填 0

    def blank_keys(self, scope: str) -> list[str]:
        """Blank input cells of the selection ("selection"), the current table ("table") or the report."""
        report = self.window.report
        grid = self.current_grid()
        if scope == "selection":
            keys = grid.selected_input_keys() if grid is not None else []
        elif scope == "table":
            table = grid.grid_model.table.key if grid is not None else None
            keys = [cell.key for cell in report.spec.input_cells if cell.table == table]
        else:
            keys = [cell.key for cell in report.spec.input_cells]
        return [key for key in keys if report.value(key) is None]

    def fill_blanks(self, scope: str) -> int:
        """Fill blank cells with 0 as one undoable step; returns how many were filled."""
        report = self.window.report
        keys = self.blank_keys(scope)
        if not keys:
            self.window.statusBar().showMessage("没有空白单元格", 5000)
            return 0
        changes: list[tuple[str, CellValue]] = [(key, parse_strict("0", report.spec.cells[key].value_type)) for key in keys]
        self.window.document.undo_stack.push(SetCellsCommand(self.window.document, changes, FILL_TEXT))
        self.window.statusBar().showMessage(f"已把 {len(keys)} 个空白单元格填为 0（可撤销）", 5000)
        return len(keys)

    # ------------------------------------------------------------ context menu

    def attach(self) -> None:
        """The context menu on every grid built so far (pages are built on first view, see attach_page)."""
        for key in list(self.window.page_stack.built):
            self.attach_page(key)

    def attach_page(self, key: str) -> None:
        page = self.window.page_stack.built_table_page(key)
        if page is not None and page.grid.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            # once per grid: a rebuild announces its first page both as built and as rebuilt
            grid = page.grid
            grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            grid.customContextMenuRequested.connect(lambda pos, g=grid: self.show_menu(g, pos))

    def context_menu(self, grid: ReportGridView) -> QMenu:
        menu = QMenu(grid)
        menu.setObjectName("gridContextMenu")
        for action in (self.copy_action, self.paste_action, self.fill_selection_action, self.clear_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.window.review.add_action)
        return menu

    def show_menu(self, grid: ReportGridView, pos: QPoint) -> None:
        index = grid.indexAt(pos)
        if index.isValid() and not grid.selectionModel().isSelected(index):
            grid.setCurrentIndex(index)
        self.context_menu(grid).popup(grid.viewport().mapToGlobal(pos))
