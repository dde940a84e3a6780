"""Ctrl+Z / Ctrl+Y always go to the report's undo stack, even inside text fields with their own undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


def is_undo_key(event: QKeyEvent) -> bool:
    combo = event.keyCombination().toCombined()
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or combo == QKeySequence("Ctrl+Y")[0].toCombined()  # type: ignore[index]
    )


class UndoKeysToWindow(QObject):
    """Event filter: a text widget must not swallow the undo/redo shortcuts of the window's actions."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()
            return True
        return False


_FILTER: UndoKeysToWindow | None = None


def route_undo_keys(widget: QObject) -> None:
    global _FILTER
    if _FILTER is None:
        _FILTER = UndoKeysToWindow()
    widget.installEventFilter(_FILTER)
