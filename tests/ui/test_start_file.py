"""The file named on the command line: opened before the window first shows, yet whatever the opening says or
asks (a damaged file, a template's unit picker) appears over the shown window, never alone on the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from gkdesk.template.gkt import save_template
from gkdesk.template.model import Template
from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.start_file import open_at_start
from tests.conftest import SAMPLE_GKR


def answer_dialogs(window: MainWindow, seen: list[tuple[str, bool]]) -> QTimer:
    """Close every modal dialog as it appears, noting its kind and whether the window was shown under it."""
    timer = QTimer(window)

    def close_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            seen.append((type(dialog).__name__, window.isVisible()))
            dialog.reject()

    timer.timeout.connect(close_modal)
    timer.start(20)
    return timer


def start(qtbot: Any, path: Path | None) -> tuple[MainWindow, list[tuple[str, bool]]]:
    window = MainWindow()  # the real prompts: message boxes and dialogs
    qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
    seen: list[tuple[str, bool]] = []
    timer = answer_dialogs(window, seen)
    open_at_start(window, path, [])
    timer.stop()
    return window, seen


def test_a_damaged_file_is_said_over_the_shown_window_which_keeps_a_blank_report(isolated: Path, qtbot: Any,
                                                                               tmp_path: Path) -> None:
    damaged = tmp_path / "损坏.gkr"
    damaged.write_bytes(b"\xff\xfe not a report")
    window, seen = start(qtbot, damaged)
    assert seen == [("QMessageBox", True)]
    assert window.isVisible() and window.document.path is None and not window.document.dirty


def test_a_templates_unit_picker_opens_over_the_shown_window(isolated: Path, qtbot: Any, tmp_path: Path) -> None:
    gkt = tmp_path / "下发.gkt"
    save_template(Template(year=2025, edition="2021", issuer="某某县人民政府办公室"), gkt)
    window, seen = start(qtbot, gkt)
    assert seen == [("UnitPickerDialog", True)]
    assert window.isVisible() and window.document.path is None


def test_a_good_file_opens_before_the_window_shows_with_its_page(isolated: Path, qtbot: Any) -> None:
    window, seen = start(qtbot, SAMPLE_GKR)
    assert seen == []
    assert window.isVisible() and window.document.path == SAMPLE_GKR
