"""The 批注 panel appears only when there are 批注; portable mode keeps preferences beside the program."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from gkdesk import paths
from gkdesk.ui import recovery
from gkdesk.ui.app import announce_data_location
from gkdesk.ui.settings import Preferences
from tests.helpers import sample_report


def test_comments_panel_hidden_until_there_are_comments(make_window: Any, qtbot: Any) -> None:
    window = make_window(sample_report())
    qtbot.waitUntil(lambda: not window.review.dock.isVisible())
    window.review.ask_comment = lambda place: "请核对"
    window.review.ask_reviewer = lambda default: "县政务公开办"
    assert window.review.add_comment("requests.new.natural")
    assert window.review.dock.isVisible()

    commented = sample_report()
    commented.add_comment("overview#1", "县政务公开办", "请补充")
    window.document.load(commented, None)
    assert window.review.dock.isVisible()
    window.document.load(sample_report(), None)
    assert not window.review.dock.isVisible()


def test_portable_mode_keeps_preferences_and_recovery_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "stick"
    program.mkdir()
    monkeypatch.setattr(paths, "program_dir", lambda: program)
    monkeypatch.delenv(recovery.RECOVERY_ENV, raising=False)
    assert not recovery.recovery_dir().is_relative_to(program)
    (program / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    Preferences().add_recent("/media/stick/报告.gkr")
    Preferences().settings.sync()
    assert "报告.gkr" in (program / "gkdesk-data" / "settings.ini").read_text(encoding="utf-8")
    assert recovery.recovery_dir() == program / "gkdesk-data" / "recovery"


def test_write_protected_stick_is_announced_in_the_window(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    program = tmp_path / "stick"
    program.mkdir()
    (program / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    (program / "gkdesk-data").write_text("", encoding="utf-8")  # the data folder cannot be created
    monkeypatch.setattr(paths, "program_dir", lambda: program)
    window = make_window(sample_report())
    announce_data_location(window)
    message = window.statusBar().currentMessage()
    assert str(program) in message and "写保护" in message
    assert message in capsys.readouterr().err
    assert any(label.text() == "U盘只读：设置保存在本机" for label in window.statusBar().findChildren(QLabel))
