"""A main window for the template and roll-up UI tests: settings and recovery in tmp_path, prompts scripted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

from gkdesk.ui.prompts import Prompts


class Answers(Prompts):
    """Scripted answers by question; an unexpected question fails the test."""

    def __init__(self) -> None:
        super().__init__(None)
        self.queue: dict[str, list[Any]] = {}
        self.asked: list[tuple[str, str]] = []

    def script(self, question: str, *answers: Any) -> None:
        self.queue.setdefault(question, []).extend(answers)

    def _answer(self, question: str, text: str) -> Any:
        self.asked.append((question, text))
        if not self.queue.get(question):
            raise AssertionError(f"unexpected prompt {question}: {text}")
        return self.queue[question].pop(0)

    def ask_save_changes(self, name: str) -> str:
        return str(self._answer("save_changes", name))

    def confirm(self, title: str, text: str) -> bool:
        return bool(self._answer("confirm", text))

    def error(self, title: str, text: str) -> None:
        self._answer("error", text)

    def save_file_name(self, suggested: str) -> str | None:
        answer = self._answer("save_as", suggested)
        return answer(suggested) if callable(answer) else answer


def isolate(tmp_path: Path, monkeypatch: Any) -> None:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("GKDESK_RECOVERY_DIR", str(tmp_path / "recovery"))


def window_factory(qtbot: Any, prompts: Answers) -> Callable[[], Any]:
    from gkdesk.ui.app import make_application
    from gkdesk.ui.main_window import MainWindow

    def make() -> Any:
        make_application()
        window = MainWindow(None, prompts, 600_000)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
        return window

    return make
