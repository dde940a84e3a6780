"""Where a 批注 sits in the window: the anchor of the selected cell, row or paragraph, and how to jump to one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gkdesk.checks import Finding
from gkdesk.model import Report
from gkdesk.spec import CellRef, RowRef
from gkdesk.ui.navigator import BASIC_KEY

COMMENT_RULE = "review.comment"


def widget_anchor(widget: QWidget | None) -> str | None:
    """The anchor a focused grid or narrative editor (or a widget inside one) points at: the first widget up the
    parents that knows its place (ReportGridView, NarrativeEditor)."""
    while widget is not None:
        place_anchor = getattr(widget, "place_anchor", None)
        if callable(place_anchor):
            anchor: str | None = place_anchor()
            return anchor
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
