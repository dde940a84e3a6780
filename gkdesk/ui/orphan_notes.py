"""审核 → 清理失效的说明: explanations whose warning no longer exists are named once and can be removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from gkdesk.checks.orphans import orphaned_acknowledgements
from gkdesk.ui.commands import AcknowledgeCommand

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow

MAX_LISTED = 8


class OrphanNotes:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.document = window.document
        self.action = QAction("清理失效的说明(&L)…", window)
        self.action.setToolTip("删除已找不到对应警告的说明（警告所在的文字已修改或删除）")
        self.action.triggered.connect(lambda _checked=False: self.remove())
        window.menu("review").addAction(self.action)
        self.document.findingsChanged.connect(self.refresh)
        self.document.reset.connect(self.announce)
        self.refresh()
        self.announce()

    def orphans(self) -> list[str]:
        return orphaned_acknowledgements(self.document.report, self.document.findings)

    def refresh(self) -> None:
        self.action.setEnabled(bool(self.orphans()))

    def announce(self) -> None:
        """Said once per opened report, in the status bar."""
        count = len(self.orphans())
        if count:
            self.window.statusBar().showMessage(
                f"有 {count} 条说明已找不到对应的警告（所在文字已修改或删除），可用 审核 → 清理失效的说明 删除。", 15000
            )

    def remove(self) -> int:
        """Ask, then remove the orphaned explanations as one undoable step; returns how many."""
        orphans = self.orphans()
        if not orphans:
            return 0
        report = self.document.report
        listed = "\n".join(f"· {report.acknowledgements[key]}" for key in orphans[:MAX_LISTED])
        more = f"\n……共 {len(orphans)} 条" if len(orphans) > MAX_LISTED else ""
        question = f"以下说明对应的警告已不存在：\n{listed}{more}\n\n删除这些说明吗？（可撤销）"
        if not self.window.prompts.confirm("清理失效的说明", question):
            return 0
        stack = self.document.undo_stack
        stack.beginMacro("清理失效的说明")
        for key in orphans:
            stack.push(AcknowledgeCommand(self.document, key, None))
        stack.endMacro()
        self.window.statusBar().showMessage(f"已删除 {len(orphans)} 条失效的说明。", 5000)
        return len(orphans)
