"""Reading a report file from the window: an old .doc/.xls/.wps/.et that LibreOffice converts (seconds, up to
its time limit) is read off the window's thread under a modal dialog whose 取消 kills LibreOffice at once.

Only the reading runs in the worker thread; it touches no widget. The result (or the error) is handed back
to the caller on the window's thread. Every other file is read directly: it is fast.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from gkdesk.io.errors import ReadingCancelled
from gkdesk.io.import_result import ImportResult


class _ReadWorker(QThread):
    """Runs `read_with_result` with the cancel event; keeps the result or the exception for the window."""

    def __init__(self, path: Path, cancel: threading.Event) -> None:
        super().__init__()
        self.path = path
        self.cancel = cancel
        self.result: ImportResult | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        from gkdesk.io.open import read_with_result

        try:
            self.result = read_with_result(self.path, self.cancel)
        except Exception as error:  # raised again on the window's thread (ReportFileError, ReadingCancelled, a bug)
            self.error = error


class ConversionDialog(QDialog):
    """“正在用 LibreOffice 转换旧版文件 …” with a busy bar and 取消; it closes itself when the reading ends.
    取消 (or Esc, or closing it) asks the reading to stop and waits for that, which is immediate."""

    def __init__(self, title: str, file_name: str, cancel: threading.Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversionDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.cancel = cancel
        layout = QVBoxLayout(self)
        self.label = QLabel(f"正在用 LibreOffice 转换旧版文件 {file_name}……", self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        note = QLabel("旧版 .doc/.xls/.wps/.et 文件需要先转换再读取，通常需要几秒钟。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout.addWidget(note)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy: LibreOffice tells nothing of its progress
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("取消")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

    def reject(self) -> None:
        """Ask the reading to stop; the dialog closes when the worker has stopped (see finish)."""
        if not self.cancel.is_set():
            self.cancel.set()
            self.label.setText("正在取消……")
            self.cancel_button.setEnabled(False)

    def finish(self) -> None:
        self.accept()


def read_report_file(parent: QWidget, path: Path, title: str = "打开报告") -> ImportResult | None:
    """What `read_with_result(path)` returns; None when the person cancelled. Raises ReportFileError like it.

    A file that needs LibreOffice is read in a worker thread while a modal ConversionDialog keeps the window
    painting; 取消 kills LibreOffice's process group and the temporary folder goes with it."""
    from gkdesk.io.open import needs_conversion, read_with_result

    if not needs_conversion(path):
        return read_with_result(path)
    cancel = threading.Event()
    worker = _ReadWorker(path, cancel)
    dialog = ConversionDialog(title, path.name, cancel, parent)
    worker.finished.connect(dialog.finish, Qt.ConnectionType.QueuedConnection)  # runs on the window's thread
    worker.start()
    try:
        dialog.exec()
    finally:
        if worker.isRunning():  # the dialog ended before the reading did (its window went away): stop it
            cancel.set()
        worker.wait()
        dialog.deleteLater()
    if cancel.is_set() or isinstance(worker.error, ReadingCancelled):
        return None
    if worker.error is not None:
        raise worker.error
    return worker.result
