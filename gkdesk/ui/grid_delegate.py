"""The cell editor: a line edit that explains, while you type, why input would be refused."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gkdesk.model import ValueRejected, parse_strict
from gkdesk.ui.table_model import GRID_CELL_ROLE, ReportTableModel

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Refuses bad input on commit (the model says why) and warns already while typing."""

    liveMessage = Signal(str)  # "" when the text is acceptable
    fillRequested = Signal(QWidget, str)  # Ctrl+Enter: editor, typed text for the whole selection
    moveRequested = Signal(QWidget, QAbstractItemView.CursorAction)  # arrow key at the text's edge

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = model
        self.prefill: str | None = None  # text to put back after a refused commit

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        editor.setProperty("refusal", "")
        cell = index.data(GRID_CELL_ROLE)
        value_type = self.table_model.cell_spec(cell).value_type

        def check(text: str) -> None:
            try:
                parse_strict(text, value_type)
                message = ""
            except ValueRejected as error:
                message = f"无法输入：{error}"
            if message != editor.property("refusal"):
                # restyling is slow: only when the verdict changes
                editor.setProperty("refusal", message)
                editor.setStyleSheet("background: #fbd5d5;" if message else "")
                self.liveMessage.emit(message)

        editor.textChanged.connect(check)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
                self.fillRequested.emit(watched, watched.text())
                return True
            plain = not event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
            if plain and key == Qt.Key.Key_Right and watched.cursorPosition() == len(watched.text()):
                self.moveRequested.emit(watched, QAbstractItemView.CursorAction.MoveRight)
                return True
            if plain and key == Qt.Key.Key_Left and watched.cursorPosition() == 0:
                self.moveRequested.emit(watched, QAbstractItemView.CursorAction.MoveLeft)
                return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if self.prefill is not None:
            editor.setText(self.prefill)
            editor.selectAll()
            self.prefill = None
        else:
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.isModified() or editor.text() != str(index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
