"""文件 → 导出 Word / 导出 Excel from the window: errors are listed and asked about before exporting."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from gkdesk.ui.export_actions import ExportActions
from gkdesk.ui.main_window import MainWindow
from tests.helpers import sample_report


def _scripted(window: MainWindow, target: Path, answer: bool, asked: list[str]) -> ExportActions:
    exports = window.exports
    exports.choose_path = lambda suffix, suggested: target.with_suffix(suffix)  # type: ignore[method-assign]
    exports.confirm_errors = lambda text: asked.append(text) or answer  # type: ignore[method-assign]
    return exports


def test_menu_has_export_actions(qtbot: object) -> None:
    window = MainWindow(sample_report(), autosave_ms=0)
    titles = [action.text() for action in window.menu("file").actions()]
    assert "导出 Word(&W)…" in titles and "导出 Excel(&E)…" in titles
    window.document.forget_changes()
    window.close()


def test_errors_are_listed_and_refusal_exports_nothing(qtbot: object, tmp_path: Path) -> None:
    report = sample_report()
    report.values["requests.new.natural"] = 20
    window = MainWindow(report, autosave_ms=0)
    asked: list[str] = []
    exports = _scripted(window, tmp_path / "r", False, asked)
    assert exports.export(".xlsx") is None
    assert len(asked) == 1 and "2 个错误" in asked[0] and "相差6" in asked[0]
    assert not (tmp_path / "r.xlsx").exists()
    _scripted(window, tmp_path / "r", True, asked)
    assert exports.export(".docx") == tmp_path / "r.docx" and (tmp_path / "r.docx").exists()
    window.document.forget_changes()
    window.close()
