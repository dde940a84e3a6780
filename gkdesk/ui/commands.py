"""Undo commands: each changes the report document (never widgets); the pages follow its notifications."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gkdesk.model import CellValue, Paragraph, Report
from gkdesk.ui.document import ReportDocument

TYPING_ID = 1001
FIELD_ID = 1002


class SetCellsCommand(QUndoCommand):
    """One or more cells (a typed value, Delete on a block, a paste) as one undoable step."""

    def __init__(self, document: ReportDocument, changes: list[tuple[str, CellValue]], text: str) -> None:
        super().__init__(text)
        self.document = document
        self.new = list(changes)
        self.old = [(key, document.report.value(key)) for key, _ in changes]

    def _apply(self, changes: list[tuple[str, CellValue]]) -> None:
        with self.document.batch():
            self.document.report.set_values(changes)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class SetParagraphsCommand(QUndoCommand):
    """A section's text; consecutive typing in the same section merges into one step."""

    def __init__(
        self, document: ReportDocument, section: str, paragraphs: list[Paragraph], text: str, typing: bool = True
    ) -> None:
        super().__init__(text)
        self.document = document
        self.section = section
        self.old = list(document.report.paragraphs(section))
        self.new = list(paragraphs)
        self.typing = typing

    def id(self) -> int:
        return TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetParagraphsCommand) or other.section != self.section:
            return False
        if not (self.typing and other.typing):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.report.set_paragraphs(self.section, self.new)

    def undo(self) -> None:
        self.document.report.set_paragraphs(self.section, self.old)


class SetFieldCommand(QUndoCommand):
    """A 基本信息 field; typing into the same field merges."""

    def __init__(self, document: ReportDocument, name: str, value: object, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.name = name
        self.old = getattr(document.report, name)
        self.new = value

    def id(self) -> int:
        return FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.name != self.name or self.name in ("year", "organ_level"):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.report.set_field(self.name, self.new)

    def undo(self) -> None:
        self.document.report.set_field(self.name, self.old)


class ReplaceReportCommand(QUndoCommand):
    """A change that touches the whole document (switching the format edition with the year)."""

    def __init__(self, document: ReportDocument, after: Report, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.before = document.report.copy()
        self.after = after.copy()

    def redo(self) -> None:
        self.document.report.replace_content(self.after)

    def undo(self) -> None:
        self.document.report.replace_content(self.before)


class AcknowledgeCommand(QUndoCommand):
    """Explain (or withdraw the explanation of) a warning."""

    def __init__(self, document: ReportDocument, finding_key: str, explanation: str | None) -> None:
        super().__init__("说明警告" if explanation else "撤销警告说明")
        self.document = document
        self.key = finding_key
        self.old = document.report.acknowledgements.get(finding_key)
        self.new = explanation

    def redo(self) -> None:
        self.document.report.acknowledge(self.key, self.new)

    def undo(self) -> None:
        self.document.report.acknowledge(self.key, self.old)
