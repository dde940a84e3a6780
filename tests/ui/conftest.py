"""UI test set-up: preferences and recovery files in a temporary folder; every prompt scripted."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from gkdesk.model import Report
from gkdesk.ui import document
from gkdesk.ui.app import make_application
from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers questions from queues and records them; an unexpected question fails the test."""

    def __init__(self) -> None:
        super().__init__(None)
        self.answers: dict[str, list[Any]] = {}
        self.asked: list[tuple[str, str]] = []

    def script(self, question: str, *answers: Any) -> None:
        self.answers.setdefault(question, []).extend(answers)

    def _answer(self, question: str, text: str) -> Any:
        self.asked.append((question, text))
        queue = self.answers.get(question)
        if not queue:
            raise AssertionError(f"unexpected prompt {question}: {text}")
        return queue.pop(0)

    def ask_save_changes(self, name: str) -> str:
        return str(self._answer("save_changes", name))

    def offer_recovery(self, description: str) -> str:
        return str(self._answer("recovery", description))

    def confirm(self, title: str, text: str) -> bool:
        return bool(self._answer("confirm", text))

    def save_failed(self, message: str) -> bool:
        return bool(self._answer("save_failed", message))

    def error(self, title: str, text: str) -> None:
        self._answer("error", text)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self._answer("text", label)

    def open_file_name(self, folder: str) -> str | None:
        return self._answer("open", folder)

    def save_file_name(self, suggested: str) -> str | None:
        return self._answer("save_as", suggested)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Iterator[Path]:
    """QSettings and the recovery folder live in tmp_path for each test."""
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    recovery = tmp_path / "recovery"
    monkeypatch.setenv("GKDESK_RECOVERY_DIR", str(recovery))
    # new reports are for last calendar year: fix "today" so tests do not depend on the date they run
    monkeypatch.setattr(document, "today", lambda: datetime.date(2022, 2, 15))
    make_application()
    yield recovery


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def make_window(qtbot: Any, prompts: ScriptedPrompts) -> Any:
    def make(report: Report | None = None, autosave_ms: int = 60_000) -> MainWindow:
        window = MainWindow(report, prompts, autosave_ms)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
