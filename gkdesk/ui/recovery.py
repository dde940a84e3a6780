"""Never lose work: autosave to a recovery folder a few seconds after each change, and find it again.

The recovery file is written `delay_ms` after the last change, but never later than `bound_ms` after the
first change not yet in it, however long the typing goes on; also when the program loses focus (another
program, a dialog) and before long operations (the window calls save_now()).
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

from gkdesk import portable
from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.gkr import loads, report_to_dict
from gkdesk.model import Report
from gkdesk.ui.document import ReportDocument

RECOVERY_ENV = "GKDESK_RECOVERY_DIR"
SUFFIX = ".gkrecover"
KIND = "gkdesk-recovery"
DEFAULT_DELAY_MS = 3000
DEFAULT_BOUND_MS = 5000  # the longest unsaved work can wait for its recovery file, even while typing


def recovery_dir() -> Path:
    """The recovery folder: $GKDESK_RECOVERY_DIR, the portable folder, else the per-user data folder (never beside the file)."""
    override = os.environ.get(RECOVERY_ENV)
    if override:
        return Path(override)
    if portable.is_portable():
        return portable.recovery_dir()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True)
class RecoveredReport:
    file: Path
    saved_at: datetime
    original_path: str | None
    report: Report

    def describe(self) -> str:
        where = f"（原文件：{self.original_path}）" if self.original_path else "（尚未保存过的新报告）"
        title = self.report.title if self.report.organ else "未填写机关名称的报告"
        return (
            f"上次程序意外关闭，有一份未保存的报告被自动保存下来：\n\n{title}{where}\n"
            f"自动保存时间：{self.saved_at:%Y年%m月%d日 %H:%M:%S}\n\n是否恢复？"
        )

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.unlink()


def find_recovered(exclude: Path | None = None) -> list[RecoveredReport]:
    """Recovery files left by earlier sessions, newest first; unreadable ones are skipped (and kept)."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for file in folder.glob(f"*{SUFFIX}"):
        if exclude is not None and file == exclude:
            continue
        if not _owner_gone(file):
            continue  # another gkdesk window is running and owns this file
        recovered = _read_recovery(file)
        if recovered is not None:
            found.append(recovered)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _read_recovery(file: Path) -> RecoveredReport | None:
    """One recovery file, or None when it is unreadable or not one (a damaged file is skipped, never shown as an error)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("kind") != KIND:
            return None
        path = data.get("path")
        if path is not None and not isinstance(path, str):
            return None
        report = loads(json.dumps(data["report"], ensure_ascii=False), file.name)
        return RecoveredReport(file, datetime.fromisoformat(data["saved_at"]), path, report)
    except (OSError, ValueError, KeyError, TypeError, ReportFileError):
        return None


def _lock_for(file: Path) -> QLockFile:
    lock = QLockFile(str(file) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    return lock


def _owner_gone(file: Path) -> bool:
    lock = _lock_for(file)
    if lock.tryLock(0):
        lock.unlock()
        return True
    return False


class Autosaver(QObject):
    """Writes the document to this session's recovery file while it is unsaved: `delay_ms` after the last
    change, at the latest `bound_ms` after the first change the recovery file does not hold yet."""

    failed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        document: ReportDocument,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
        bound_ms: int = DEFAULT_BOUND_MS,
    ):
        super().__init__(parent)
        self.document = document
        self.file = recovery_dir() / f"session-{os.urandom(6).hex()}{SUFFIX}"
        self.lock: QLockFile | None = None
        self.timer = QTimer(self)  # restarted by every change
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)
        self.deadline = QTimer(self)  # started by the first unsaved change, never restarted
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(min(bound_ms, delay_ms))
        self.deadline.timeout.connect(self.save_now)
        document.changed.connect(lambda _c: self.schedule())
        document.reset.connect(self.schedule)
        document.stateChanged.connect(self._on_state)
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._on_application_state)
            application.focusWindowChanged.connect(self._on_focus_window)

    def schedule(self) -> None:
        if self.document.dirty:
            self.timer.start()
            if not self.deadline.isActive():
                self.deadline.start()

    def stop(self) -> None:
        self.timer.stop()
        self.deadline.stop()

    def _on_state(self) -> None:
        if not self.document.dirty:
            self.stop()
            self.discard()
        else:
            self.schedule()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.timer.isActive():
            self.save_now()  # the person switched to another program: what is pending goes to disk now

    def _on_focus_window(self, _window: QWindow | None) -> None:
        if self.timer.isActive():
            self.save_now()  # a dialog or another window took the focus

    def save_now(self) -> None:
        """Write the recovery file now if there are unsaved changes (also called before long operations)."""
        self.stop()
        if not self.document.dirty:
            return
        data = {
            "kind": KIND,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "path": str(self.document.path) if self.document.path else None,
            "report": report_to_dict(self.document.report),
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            if self.lock is None:
                self.lock = _lock_for(self.file)
                self.lock.tryLock(0)
            write_atomic(self.file, json.dumps(data, ensure_ascii=False).encode("utf-8"), keep_backup=False)
        except (OSError, ReportFileError) as error:
            self.failed.emit(f"自动保存失败：{error}")
            return
        self.saved.emit(data["saved_at"])

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.unlink()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
