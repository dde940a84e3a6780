"""The file named on the command line, opened as the window starts.

With nothing waiting from a crash, the file is opened before the window first shows: the window appears with the
report, and only its page is built. Whatever the opening asks or says (无法打开 for a damaged file, the template's
unit picker, the hand edits of an imported file) still appears over the shown window, as when the window showed
first: a dialog shown while the window is hidden shows the window first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow
    from gkdesk.ui.recovery import RecoveredReport


class _ShowWindowFirst(QObject):
    """Shows `window` when a dialog is about to show while the window is hidden (before the dialog places itself
    over its parent)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and not self.window.isVisible():
            self.window.show()
        return False


@contextmanager
def window_shown_before_dialogs(window: MainWindow) -> Iterator[None]:
    app = QApplication.instance()
    if app is None:
        yield
        return
    watcher = _ShowWindowFirst(window)
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)
        watcher.deleteLater()


def open_at_start(window: MainWindow, path: str | Path | None, waiting: list[RecoveredReport]) -> None:
    """Show the window with `path` opened: at once when no crash left a report (`waiting`); else the window
    shows, offers the waiting reports, and opens `path` only when none was restored."""
    if path and not waiting:
        with window_shown_before_dialogs(window):
            window.files.open_path(path, ask=False)
    window.show()
    if waiting and not window.offer_recovery(waiting) and path:
        window.files.open_path(path, ask=False)
