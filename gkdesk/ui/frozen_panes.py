"""Frozen panes over a grid: its leading header rows stay on top while the body scrolls, its row-label
columns stay on the left while it scrolls sideways (like Excel's 冻结窗格)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QTableView

from gkdesk.ui.table_model import ReportTableModel

ScrollPolicy = Qt.ScrollBarPolicy
Index = QModelIndex | QPersistentModelIndex


class FrozenPane(QTableView):
    """A read-only copy of part of the grid, drawn over the grid's viewport; it shares the model and selection."""

    def __init__(self, grid: QTableView, name: str) -> None:
        super().__init__(grid)  # not the viewport: its children move when the grid scrolls
        self.grid = grid
        self.setObjectName(name)
        self.setAutoScroll(False)
        self.setModel(grid.model())
        self.setSelectionModel(grid.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(grid.wordWrap())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(ScrollPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(ScrollPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def scrollTo(self, index: Index, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A pane scrolls only with the grid, never to the current cell."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel over a pane scrolls the grid (the pane follows), never the pane alone."""
        QApplication.sendEvent(self.grid.viewport(), event)


class FrozenPanes(QObject):
    """Keeps three panes (header rows, label columns, their corner) in place over `grid`."""

    def __init__(self, grid: QTableView, model: ReportTableModel) -> None:
        super().__init__(grid)
        self.grid = grid
        # a table of several bands (表二) has a header per band: freezing the first would mislabel the others
        self.header_rows = model.layout.leading_header_rows if len(model.table.bands) == 1 else 0
        self.label_columns = model.table.label_columns
        self.header = FrozenPane(grid, "frozenHeader")
        self.labels = FrozenPane(grid, "frozenLabels")
        self.corner = FrozenPane(grid, "frozenCorner")
        for pane in self.panes():
            for cell in model.layout.cells:
                if cell.rowspan > 1 or cell.colspan > 1:
                    pane.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        grid.horizontalScrollBar().valueChanged.connect(self.header.horizontalScrollBar().setValue)
        grid.verticalScrollBar().valueChanged.connect(self.labels.verticalScrollBar().setValue)
        grid.viewport().installEventFilter(self)
        self.sync_sizes()

    def panes(self) -> tuple[FrozenPane, FrozenPane, FrozenPane]:
        return self.header, self.labels, self.corner

    def header_height(self) -> int:
        return sum(self.grid.rowHeight(r) for r in range(self.header_rows))

    def labels_width(self) -> int:
        return sum(self.grid.columnWidth(c) for c in range(self.label_columns))

    def sync_sizes(self) -> None:
        """Copy the grid's column widths and row heights (call after the grid is resized or re-measured)."""
        model = self.grid.model()
        for pane in self.panes():
            for col in range(model.columnCount()):
                pane.setColumnWidth(col, self.grid.columnWidth(col))
            for row in range(model.rowCount()):
                pane.setRowHeight(row, self.grid.rowHeight(row))
        self.place()

    def place(self) -> None:
        area = self.grid.viewport().geometry()
        x, y, width, height = area.x(), area.y(), area.width(), area.height()
        top, left = min(self.header_height(), height), min(self.labels_width(), width)
        # at rest the panes cover the very cells they copy; scrolled, they keep those cells in view
        self.header.setGeometry(x, y, width, top)
        self.header.setVisible(top > 0)
        self.labels.setGeometry(x, y, left, height)
        self.labels.setVisible(left > 0)
        self.corner.setGeometry(x, y, left, top)
        self.corner.setVisible(left > 0 and top > 0)
        self.header.horizontalScrollBar().setValue(self.grid.horizontalScrollBar().value())
        self.labels.verticalScrollBar().setValue(self.grid.verticalScrollBar().value())
        self.header.raise_()
        self.labels.raise_()
        self.corner.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False
