"""Opening an old .doc in the window: LibreOffice (here a fake `soffice` on PATH) converts it off the window's
thread under a modal dialog; the window keeps painting, 取消 kills the converter and keeps the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from gkdesk.ui import legacy_reading
from gkdesk.ui.legacy_reading import ConversionDialog
from gkdesk.ui.main_window import MainWindow
from tests.helpers import sample_report
from tests.io.fake_soffice import FakeSoffice, alive, ended, install_fake_soffice, made_docx, old_doc, posix_only
from tests.io.test_docx_export_render import convert, needs_soffice
from tests.ui.helpers import shown, type_in_cell

pytestmark = posix_only
__all__ = ["made_docx", "old_doc"]  # fixtures shared with the other old-file tests
CELL = "requests.new.natural"


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def while_converting(window: MainWindow, fake: FakeSoffice, then: Callable[[ConversionDialog], None]) -> QTimer:
    """Run `then(dialog)` once, from the window's event loop, when the dialog shows and the converter runs."""
    timer = QTimer(window)
    timer.setInterval(20)

    def poll() -> None:
        dialog = window.findChild(ConversionDialog, "conversionDialog")
        if dialog is not None and dialog.isVisible() and fake.started():
            timer.stop()
            then(dialog)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def titles_while_converting(window: MainWindow, fake: FakeSoffice, then: Callable[[ConversionDialog], None]) -> list[str]:
    """The dialog's title, noted when it shows while the converter runs, before `then(dialog)`."""
    titles: list[str] = []

    def note_then(dialog: ConversionDialog) -> None:
        titles.append(dialog.windowTitle())
        then(dialog)

    while_converting(window, fake, note_then)
    return titles


def test_the_window_paints_while_an_old_file_converts_then_shows_the_report(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)  # converts only once let go
    window = make_window()
    seen: dict[str, Any] = {}

    def during(dialog: ConversionDialog) -> None:
        seen["text"] = dialog.label.text()
        seen["title"] = dialog.windowTitle()
        seen["modal"] = dialog.isModal() and QApplication.activeModalWidget() is dialog
        seen["busy"] = (dialog.bar.minimum(), dialog.bar.maximum())
        seen["button"] = dialog.cancel_button.text()
        counter = PaintCounter()
        viewport = window.navigator.viewport()
        viewport.installEventFilter(counter)
        viewport.update()  # the converter still runs: only a window that processes events paints this
        qtbot.waitUntil(lambda: counter.paints > 0, timeout=5000)
        viewport.removeEventFilter(counter)
        seen["paints"] = counter.paints
        seen["converter running"] = all(alive(pid) for pid in fake.pids())
        fake.let_go()

    while_converting(window, fake, during)
    assert window.files.open_path(old_doc, ask=False)
    paints = seen.pop("paints", 0)
    assert seen == {
        "text": "正在用 LibreOffice 转换旧版文件 乡镇报告.doc……",
        "title": "打开报告",
        "modal": True,
        "busy": (0, 0),
        "button": "取消",
        "converter running": True,
    }
    assert paints > 0
    assert window.report.organ == sample_report().organ
    assert shown(window, CELL) == str(sample_report().value(CELL))
    assert window.document.path is None  # saved as a new .gkr
    assert window.statusBar().currentMessage() == f"已打开 {old_doc}"
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(QDialog, "conversionDialog") is None, "the dialog is gone"
    assert ended(fake.pids())


def test_cancel_kills_the_converter_and_keeps_the_report(
    qtbot: Any, make_window: Any, prompts: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    window = make_window()
    type_in_cell(qtbot, window, CELL, "7")
    report = window.report
    prompts.script("save_changes", "discard")  # asked before reading: the report is replaced only on success
    pids: list[int] = []

    def during(dialog: ConversionDialog) -> None:
        pids.extend(fake.pids())
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    while_converting(window, fake, during)
    try:
        assert not window.files.open_path(old_doc)
    finally:
        fake.let_go()
    assert len(pids) == 2 and ended(pids), "soffice and its soffice.bin stand-in are killed"
    assert not fake.outdir().parent.exists(), "the temporary folder is removed"
    assert window.report is report and report.value(CELL) == 7 and window.document.dirty
    assert shown(window, CELL) == "7"
    assert window.statusBar().currentMessage() == "已取消打开 乡镇报告.doc"
    assert [question for question, _ in prompts.asked] == ["save_changes"]  # no error after 取消


def test_a_failed_conversion_says_why_in_chinese(
    make_window: Any, prompts: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old_doc: Path
) -> None:
    install_fake_soffice(tmp_path, monkeypatch, None)  # writes nothing: a damaged file
    window = make_window()
    report = window.report
    prompts.script("error", None)
    assert not window.files.open_path(old_doc, ask=False)
    assert prompts.asked == [("error", "乡镇报告.doc：LibreOffice 无法转换此文件，文件已损坏或不是报告文件")]
    assert window.report is report


def test_fast_files_are_read_without_the_dialog(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path
) -> None:
    install_fake_soffice(tmp_path, monkeypatch, made_docx)

    def no_dialog(*args: object) -> None:
        raise AssertionError("a .docx needs no conversion dialog")

    monkeypatch.setattr(legacy_reading, "ConversionDialog", no_dialog)
    window = make_window()
    assert window.files.open_path(made_docx, ask=False)
    assert window.report.organ == sample_report().organ


def test_compare_with_an_old_file_can_be_cancelled(
    qtbot: Any, make_window: Any, prompts: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    window = make_window()
    titles = titles_while_converting(window, fake, lambda dialog: dialog.reject())  # Esc or its close button
    try:
        assert window.review.compare(str(old_doc)) is None
    finally:
        fake.let_go()
    assert titles == ["比较版本"]
    assert ended(fake.pids())
    assert window.statusBar().currentMessage() == "已取消读取 乡镇报告.doc"
    assert prompts.asked == []


def test_last_year_from_an_old_file_is_read_under_the_dialog(
    make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    window = make_window()
    titles = titles_while_converting(window, fake, lambda _dialog: fake.let_go())
    monkeypatch.setattr(window.templates, "choose_open", lambda title, f: str(old_doc))
    assert window.templates.new_from_last_year()
    assert titles == ["从去年报告新建"]
    assert window.report.year == sample_report().year + 1
    assert window.report.previous is not None and window.report.previous.organ == sample_report().organ


@needs_soffice
def test_a_real_doc_opens_through_libreoffice(make_window: Any, tmp_path: Path, made_docx: Path) -> None:
    """The real LibreOffice: a gkdesk .docx saved as .doc by LibreOffice opens with its values."""
    made_doc = convert(made_docx, "doc", tmp_path / "doc")
    old = made_doc.rename(tmp_path / "乡镇报告.doc")
    window = make_window()
    assert window.files.open_path(old, ask=False)
    assert window.report.organ == sample_report().organ
    assert shown(window, CELL) == str(sample_report().value(CELL))
