"""The grid of one official table: merged headers and labels, keyboard-first entry, Excel paste."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QWidget,
)

from gkdesk.model import CellValue, ValueRejected, parse_strict
from gkdesk.ui.frozen_panes import FrozenPanes
from gkdesk.ui.grid_delegate import CellDelegate
from gkdesk.ui.paste_block import PasteTarget, plan_paste
from gkdesk.ui.table_model import GRID_CELL_ROLE, ReportTableModel

Index = QModelIndex | QPersistentModelIndex
EndEditHint = QAbstractItemDelegate.EndEditHint


class ReportGridView(QTableView):
    """Enter and Tab go to the next input cell in the official order; Delete clears; Ctrl+V pastes a block."""

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = model
        self.frozen: FrozenPanes | None = None
        self.setModel(model)
        self.cell_delegate = CellDelegate(model, self)
        self.setItemDelegate(self.cell_delegate)
        self._rejected_key: str | None = None
        self._move_after_commit: QAbstractItemView.CursorAction | None = None
        self._closing_editor = False
        model.rejected.connect(self._on_rejected)
        self.cell_delegate.fillRequested.connect(self.fill_selection)
        self.cell_delegate.moveRequested.connect(self._commit_and_move)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for cell in model.layout.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.fit_columns()
        self.frozen = FrozenPanes(self, model)
        if model.input_positions:
            self.setCurrentIndex(model.index(*model.input_positions[0]))

    # ------------------------------------------------------------ sizing

    def fit_columns(self, room: int = 0) -> None:
        """Label columns get the room their words need (nested group columns stay narrow); values share the rest.

        `room`: the width the grid may take; the row-label column widens into it (fewer wrapped lines).
        """
        table = self.grid_model.table
        metrics = QFontMetrics(self.font())
        char = metrics.horizontalAdvance("国")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        n_label = table.label_columns
        value_cols = self.grid_model.layout.n_cols - n_label
        value_width = int(char * (4.6 if value_cols > 8 else 6 if value_cols > 4 else 9))
        label_width = char * (16 if n_label > 1 else 12)
        if n_label:
            spare = room - (value_width * value_cols + char * 4 * (n_label - 1) + label_width + self.extra_width())
            label_width += max(0, min(spare, char * 10))
        for col in range(n_label):
            nested = col < n_label - 1
            self.setColumnWidth(col, char * 4 if nested else label_width)
        for col in range(n_label, self.grid_model.layout.n_cols):
            self.setColumnWidth(col, value_width)
        self.resize_rows()

    def extra_width(self) -> int:
        """Frame and vertical scroll bar."""
        return 2 * self.frameWidth() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def resize_rows(self) -> None:
        """Wrap long labels: each row is as tall as its longest single-row text needs."""
        metrics = QFontMetrics(self.font())
        line = metrics.lineSpacing()
        heights = [int(line * 1.55)] * self.grid_model.layout.n_rows
        for cell in self.grid_model.layout.cells:
            if cell.rowspan != 1 or not cell.text:
                continue
            width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 10
            lines = max(1, -(-metrics.horizontalAdvance(cell.text) // max(width, 1)))
            heights[cell.row] = max(heights[cell.row], lines * line + 8)
        for cell in self.grid_model.layout.cells:
            # a tall merged header (the corner note of table 三) spreads over the rows it covers
            if cell.rowspan > 1 and cell.text and cell.kind == "header":
                width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 10
                lines = max(1, -(-metrics.horizontalAdvance(cell.text) // max(width, 1)))
                need = lines * line + 8
                have = sum(heights[r] for r in range(cell.row, cell.row + cell.rowspan))
                if need > have:
                    for r in range(cell.row, cell.row + cell.rowspan):
                        heights[r] += -(-(need - have) // cell.rowspan)
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)
        if self.frozen is not None:
            self.frozen.sync_sizes()

    def natural_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.grid_model.layout.n_cols)) + 2 * self.frameWidth()

    def natural_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self.grid_model.layout.n_rows)) + 2 * self.frameWidth()

    # ------------------------------------------------------------ navigation

    def scrollTo(self, index: Index, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll so the cell is visible and not under the frozen header rows or label columns."""
        super().scrollTo(index, hint)
        if self.frozen is None or not index.isValid():
            return
        rect = self.visualRect(index)
        top, left = self.frozen.header_height(), self.frozen.labels_width()
        if index.row() >= self.frozen.header_rows and rect.top() < top:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (top - rect.top()))
        if index.column() >= self.frozen.label_columns and rect.left() < left:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (left - rect.left()))

    def place_anchor(self) -> str | None:
        """Where the current cell is, as a 批注 anchor: its key, or "table.row" on a row label; None on a header."""
        model = self.grid_model
        cell = model.grid_cell(self.currentIndex())
        if cell is None:
            return None
        if cell.cell_key is not None:
            return cell.cell_key
        if cell.kind == "label" and cell.row_key is not None:
            return f"{model.table.key}.{cell.row_key}"
        return None

    def select_cell(self, cell_key: str) -> None:
        index = self.grid_model.index_of(cell_key)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus()

    def _step(self, forward: bool) -> QModelIndex:
        positions = self.grid_model.input_positions
        if not positions:
            return self.currentIndex()
        here = (self.currentIndex().row(), self.currentIndex().column())
        if forward:
            later = [p for p in positions if p > here]
            target = later[0] if later else positions[0]
        else:
            earlier = [p for p in positions if p < here]
            target = earlier[-1] if earlier else positions[-1]
        return self.grid_model.index(*target)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self._step(True)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self._step(False)
        return super().moveCursor(action, modifiers)

    # Focus passing between the grid and its own cell editor changes the look of the current cell only:
    # QAbstractItemView would repaint the whole grid twice per typed value (editor opens, editor closes).
    def focusOutEvent(self, event: QFocusEvent) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.viewport().isAncestorOf(focus):
            self.viewport().update(self.visualRect(self.currentIndex()))
            return
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._closing_editor:
            current = self.currentIndex()
            editable = current.isValid() and bool(current.flags() & Qt.ItemFlag.ItemIsEditable)
            self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
            self.viewport().update(self.visualRect(current))
            return
        super().focusInEvent(event)

    def closeEditor(self, editor: QWidget, hint: EndEditHint) -> None:
        index = self.currentIndex()
        self._closing_editor = True
        try:
            super().closeEditor(editor, EndEditHint.NoHint)
        finally:
            self._closing_editor = False
        refused, self._rejected_key = self._rejected_key, None
        move, self._move_after_commit = self._move_after_commit, None
        if refused is not None and (hint != EndEditHint.NoHint or move is not None):
            # refused: stay on the cell with the typed text, so it can be corrected
            self.edit(index)
            return
        self.cell_delegate.prefill = None
        if refused is None:
            # committed, unchanged or abandoned (Escape): no refusal is pending any more
            self.cell_delegate.liveMessage.emit("")
        if move is not None:
            self.setCurrentIndex(self.moveCursor(move, Qt.KeyboardModifier.NoModifier))
        elif hint in (EndEditHint.EditNextItem, EndEditHint.SubmitModelCache):
            self.setCurrentIndex(self._step(True))
        elif hint == EndEditHint.EditPreviousItem:
            self.setCurrentIndex(self._step(False))

    def _on_rejected(self, cell_key: str, reason: str) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            self._rejected_key = cell_key
            editor = self.focusWidget()
            self.cell_delegate.prefill = editor.text() if isinstance(editor, QLineEdit) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.setCurrentIndex(self._step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if self._explain_total(event):
            return
        super().keyPressEvent(event)

    def _explain_total(self, event: QKeyEvent) -> bool:
        """Typing on a total: say why nothing happens instead of ignoring the key."""
        index = self.currentIndex()
        cell = self.grid_model.grid_cell(index)
        if cell is None or cell.kind != "value" or self.grid_model.is_input(index) or not event.text().strip():
            return False
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        assert cell.cell_key is not None
        self.grid_model.rejected.emit(cell.cell_key, "这是合计，由程序自动计算，不能直接输入；请填写它左边或上面的各项。")
        return True

    def _commit_and_move(self, editor: QWidget, action: QAbstractItemView.CursorAction) -> None:
        """Right/Left arrow at the edge of the typed text: commit, then move like Excel."""
        self._move_after_commit = action
        self.commitData(editor)
        self.closeEditor(editor, EndEditHint.NoHint)

    def fill_selection(self, editor: QWidget, text: str) -> None:
        """Ctrl+Enter: the typed value goes into every input cell of the selection (one undo step)."""
        keys = self.selected_input_keys()
        model = self.grid_model
        if not keys:
            return
        changes: list[tuple[str, CellValue]] = []
        for key in keys:
            try:
                changes.append((key, parse_strict(text, model.document.report.spec.cells[key].value_type)))
            except ValueRejected as error:
                model.rejected.emit(key, f"填充未执行：{error}")
                return
        super().closeEditor(editor, EndEditHint.RevertModelCache)
        model.set_cells(changes, "填充选区")

    # ------------------------------------------------------------ block operations

    def selected_input_keys(self) -> list[str]:
        keys = []
        for index in self.selectionModel().selectedIndexes() or [self.currentIndex()]:
            if self.grid_model.is_input(index):
                keys.append(index.data(GRID_CELL_ROLE).cell_key)
        return keys

    def clear_selection(self) -> None:
        keys = self.selected_input_keys()
        if keys:
            self.grid_model.set_cells([(key, None) for key in keys], "清除单元格")

    def selected_text(self) -> str:
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in rows:
            cells = []
            for c in cols:
                cell = self.grid_model.grid_cell(self.grid_model.index(r, c))
                if (r, c) in chosen and cell is not None:
                    cells.append(str(self.grid_model.index(r, c).data() or ""))
            lines.append("\t".join(cells))
        return "\n".join(lines)

    def paste_target(self) -> PasteTarget:
        model = self.grid_model
        value_rows: dict[int, list[tuple[int, int, str]]] = {}
        row_keys: dict[int, str] = {}
        for cell in model.layout.value_cells():
            assert cell.cell_key is not None and cell.row_key is not None
            value_rows.setdefault(cell.row, []).append((cell.col, self.columnSpan(cell.row, cell.col), cell.cell_key))
            row_keys[cell.row] = cell.row_key
        return PasteTarget(model.document.report.spec, model.table, value_rows, row_keys)

    def paste_text(self, text: str) -> str | None:
        """Paste a tab-separated block at the current cell; refuse all of it if any value is bad.

        Block rows go to the data rows from here down (or to the rows their leading labels name), block
        columns to the value cells from here right (merged cells count once). Totals in the block are
        skipped: they are computed. What does not fit is named in one message. Returns the refusal.
        """
        start = self.currentIndex()
        plan = plan_paste(self.paste_target(), text, start.row(), start.column())
        model = self.grid_model
        if plan.refusal is not None:
            model.rejected.emit(plan.refused_key or "", plan.refusal)
            self._rejected_key = None
            return plan.refusal
        if not plan.changes and not plan.note():
            return None
        model.set_cells(plan.changes, "粘贴")
        if plan.note():
            model.rejected.emit(plan.changes[0][0] if plan.changes else "", plan.note())
        return None
