"""A small orange corner on grid cells that carry an open 批注 (painted over the grid, model untouched)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygon
from PySide6.QtWidgets import QWidget

from gkdesk.review.comments import open_comments
from gkdesk.spec import RowRef

if TYPE_CHECKING:
    from gkdesk.ui.grid_view import ReportGridView

MARK_COLOR = QColor("#e8710a")
MARK_SIZE = 8


class CommentMarks(QWidget):
    """Transparent to the mouse; repaints when the comments change or the grid scrolls."""

    def __init__(self, grid: ReportGridView) -> None:
        super().__init__(grid.viewport())
        self.grid = grid
        self.setObjectName("commentMarks")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.positions: list[tuple[int, int]] = []
        grid.viewport().installEventFilter(self)
        self.resize(grid.viewport().size())
        self.refresh()
        self.show()

    def refresh(self) -> None:
        """Recompute the marked cells from the report's open comments."""
        model = self.grid.grid_model
        positions = []
        for comment in open_comments(model.document.report):
            anchor = comment.anchor
            if model.has_cell(anchor):
                index = model.index_of(anchor)
                positions.append((index.row(), index.column()))
            elif isinstance(place := model.document.report.spec.place(anchor), RowRef) and place.table == model.table.key:
                row_key = place.row
                label = [c for c in model.layout.cells if c.kind == "label" and c.row_key == row_key]
                if label:
                    positions.append((label[-1].row, label[-1].col))
        self.positions = positions
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid.viewport() and event.type() == QEvent.Type.Resize:
            self.resize(self.grid.viewport().size())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.positions:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MARK_COLOR)
        model = self.grid.grid_model
        for row, col in self.positions:
            rect = self.grid.visualRect(model.index(row, col))
            corner = rect.topRight()
            painter.drawPolygon(
                QPolygon(
                    [corner, QPoint(corner.x() - MARK_SIZE, corner.y()), QPoint(corner.x(), corner.y() + MARK_SIZE)]
                )
            )
        painter.end()
