"""Where a 批注 sits in the window: the anchor of the selected cell, row or paragraph, and how to jump to one."""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit, QWidget

from gkdesk.checks import Finding
from gkdesk.model import Report
from gkdesk.spec import CellRef, RowRef
from gkdesk.ui.grid_view import ReportGridView
from gkdesk.ui.narrative_editor import NarrativeEditor
from gkdesk.ui.navigator import BASIC_KEY

COMMENT_RULE = "review.comment"


def grid_anchor(grid: ReportGridView) -> str | None:
    """The current cell's key, or "table.row" on a row label; None on a header."""
    model = grid.grid_model
    cell = model.grid_cell(grid.currentIndex())
    if cell is None:
        return None
    if cell.cell_key is not None:
        return cell.cell_key
    if cell.kind == "label" and cell.row_key is not None:
        return f"{model.table.key}.{cell.row_key}"
    return None


def paragraph_anchor(editor: NarrativeEditor) -> str:
    """ "section#n": the paragraph under the cursor, counted 1-based over non-empty paragraphs."""
    text_edit: QTextEdit = editor.editor
    current = text_edit.textCursor().block().blockNumber()
    block = text_edit.document().begin()
    number = 0
    while block.isValid() and block.blockNumber() <= current:
        if block.text().strip():
            number += 1
        block = block.next()
    return f"{editor.section}#{max(number, 1)}"


def widget_anchor(widget: QWidget | None) -> str | None:
    """The anchor a focused grid or narrative editor (or a widget inside one) points at."""
    while widget is not None:
        if isinstance(widget, ReportGridView):
            return grid_anchor(widget)
        if isinstance(widget, NarrativeEditor):
            return paragraph_anchor(widget)
        widget = widget.parentWidget()
    return None


def section_of(report: Report, anchor: str) -> str:
    """The page (section key, or the 基本信息 page) that shows `anchor`."""
    head = anchor.split("#", 1)[0].split(".", 1)[0]
    for section in report.spec.sections:
        if head in (section.key, section.table):
            return section.key
    return BASIC_KEY


def jump_finding(report: Report, anchor: str) -> Finding:
    """A finding pointing at `anchor`, for the window's reveal (cells, rows and paragraphs)."""
    section = section_of(report, anchor)
    cells: tuple[str, ...] = ()
    target = anchor
    place = report.spec.place(anchor)
    if isinstance(place, RowRef):  # a row: its cells, the first one selected
        cells = tuple(key for key in report.spec.cells if key.startswith(anchor + "."))
    elif isinstance(place, CellRef):
        cells = (anchor,)
    return Finding(COMMENT_RULE, "warning", cells, "批注", section, target)
