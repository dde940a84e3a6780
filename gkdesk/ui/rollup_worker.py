"""Runs the roll-up off the window's thread, reporting progress; 取消 stops it between two files, or at once
while LibreOffice converts an old file."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from gkdesk.io.errors import ReportFileError
from gkdesk.rollup import RollupCancelled, roll_up
from gkdesk.rollup.figures import chart_data
from gkdesk.template import Template


class RollupWorker(QThread):
    progressed = Signal(int, int, str)  # done, total, current file name
    succeeded = Signal(object, object)  # RollupResult, ChartData (read here: the per-unit store is on disk)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, sources: list[str], template: Template | None, exclude: list[str] | None = None) -> None:
        super().__init__()
        self.sources = sources
        self.template = template
        self.exclude = exclude or []
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int, current: Path | None) -> bool:
        self.progressed.emit(done, total, current.name if current else "")
        return not self._stop.is_set()

    def run(self) -> None:
        try:
            result = roll_up(
                self.sources, template=self.template, exclude=self.exclude, progress=self._progress, cancel=self._stop
            )
            charts = chart_data(result)
        except RollupCancelled:
            self.cancelled.emit()
        except (ReportFileError, ValueError, OSError) as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must still end the dialog's wait with a message, not silence
            self.failed.emit(f"汇总时发生内部错误：{type(error).__name__}: {error}")
        else:
            self.succeeded.emit(result, charts)
