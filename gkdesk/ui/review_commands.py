"""Undo commands for 批注: adding one and changing its status (they change the report, never widgets)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QUndoCommand

from gkdesk.model import Change, ReviewComment
from gkdesk.ui.document import ReportDocument


def _set_comments(document: ReportDocument, comments: list[ReviewComment], changed: str) -> None:
    document.report.comments = list(comments)
    document.report.notify(Change("comment", changed))


class AddCommentCommand(QUndoCommand):
    """A new 批注 at a cell, row or paragraph."""

    def __init__(
        self, document: ReportDocument, anchor: str, author: str, text: str, when: datetime | None = None
    ) -> None:
        super().__init__("添加批注")
        self.document = document
        self.before = list(document.report.comments)
        self.anchor, self.author, self.comment_text = anchor, author, text
        self.when = when or datetime.now()
        self.comment: ReviewComment | None = None

    def redo(self) -> None:
        if self.comment is None:
            self.comment = self.document.report.add_comment(self.anchor, self.author, self.comment_text, self.when)
        else:
            _set_comments(self.document, [*self.before, self.comment], self.comment.id)

    def undo(self) -> None:
        _set_comments(self.document, self.before, self.comment.id if self.comment else "")


class SetCommentStatusCommand(QUndoCommand):
    """待修改 → 已修改 → 已确认 (or back)."""

    def __init__(self, document: ReportDocument, comment_id: str, status: str) -> None:
        super().__init__(f"批注标记为{status}")
        self.document = document
        self.comment_id = comment_id
        self.old = next(c.status for c in document.report.comments if c.id == comment_id)
        self.new = status

    def redo(self) -> None:
        self.document.report.set_comment_status(self.comment_id, self.new)

    def undo(self) -> None:
        self.document.report.set_comment_status(self.comment_id, self.old)
