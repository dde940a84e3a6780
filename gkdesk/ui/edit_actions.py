"""编辑 and 审核 menus: undo/redo through the report's QUndoStack, re-check and stepping through findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand

from gkdesk.ui.commands import SetCellsCommand, SetFieldCommand, SetParagraphsCommand
from gkdesk.ui.navigator import BASIC_KEY

if TYPE_CHECKING:
    from gkdesk.ui.help_page import InstructionsDialog
    from gkdesk.ui.main_window import MainWindow


class EditActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        stack = window.document.undo_stack
        # fixed captions keep the toolbar still; what would be undone shows as the tooltip
        self.undo_action = QAction("撤销(&U)", window)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(self.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(f"撤销 {text}".strip()))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action = QAction("重做(&R)", window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(f"重做 {text}".strip()))
        self.redo_action.setEnabled(stack.canRedo())
        edit = window.menu("edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        self.recheck_action = QAction("重新审核(&C)", window)
        self.recheck_action.setShortcut(QKeySequence("F5"))
        self.recheck_action.triggered.connect(lambda: window.document.recheck())
        self.next_action = QAction("下一个问题(&N)", window)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.next_action.triggered.connect(self.next_finding)
        self.acknowledge_action = QAction("说明此警告(&A)…", window)
        self.acknowledge_action.triggered.connect(window.findings_panel.acknowledge_current)
        review = window.menu("review")
        for action in (self.recheck_action, self.next_action, self.acknowledge_action):
            review.addAction(action)

        self.instructions_action = QAction("填报说明(&I)", window)
        self.instructions_action.setShortcut(QKeySequence("F1"))
        self.instructions_action.triggered.connect(self.show_instructions)
        window.menu("help").addAction(self.instructions_action)
        about = QAction("关于 gkdesk(&A)", window)
        about.triggered.connect(
            lambda: window.prompts.info("关于 gkdesk", "gkdesk：政府信息公开工作年度报告填报、审核与汇总。")
        )
        window.menu("help").addAction(about)

    def show_instructions(self) -> InstructionsDialog:
        from gkdesk.ui.help_page import InstructionsDialog  # the help page is built when first asked for

        dialog = InstructionsDialog(self.window.report.spec, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def undo(self) -> None:
        stack = self.window.document.undo_stack
        stack.undo()
        self._show_change(stack.command(stack.index()))

    def redo(self) -> None:
        stack = self.window.document.undo_stack
        stack.redo()
        self._show_change(stack.command(stack.index() - 1))

    def _show_change(self, command: QUndoCommand | None) -> None:
        """Undo and redo show what they changed: the page, and the cell for a table edit."""
        if isinstance(command, SetCellsCommand) and command.new:
            key = command.new[0][0]
            section = key.split(".", 1)[0]
            self.window.show_page(section)
            page = self.window.page_stack.table_page(section)
            if page is not None and page.model.has_cell(key):
                page.grid.select_cell(key)
        elif isinstance(command, SetParagraphsCommand):
            self.window.show_page(command.section)
        elif isinstance(command, SetFieldCommand):
            self.window.show_page(BASIC_KEY)

    def next_finding(self) -> None:
        self.window.findings_panel.select_next()
