"""Old binary files through a fake `soffice`: the command line reads them as before; a cancel event kills
LibreOffice's whole process group at once and removes the temporary folder; the time limit still holds."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from gkdesk.io import kinds
from gkdesk.io.errors import ReadingCancelled, ReportFileError
from gkdesk.io.files import convert
from gkdesk.io.open import needs_conversion, read_with_result
from tests.helpers import sample_report
from tests.io.fake_soffice import alive, ended, install_fake_soffice, made_docx, old_doc, posix_only

pytestmark = posix_only
__all__ = ["made_docx", "old_doc"]  # fixtures shared with the other old-file tests


def test_the_converted_suffixes_are_the_ones_libreoffice_converts() -> None:
    assert set(kinds.CONVERTED_SUFFIXES) == set(convert.TARGETS)


def test_without_a_cancel_event_an_old_file_is_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx)
    result = read_with_result(old_doc)
    assert result.report.organ == sample_report().organ
    assert result.kind == "foreign"
    assert not fake.outdir().parent.exists(), "the temporary folder is removed"


def test_needs_conversion_only_for_old_files_with_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert not needs_conversion(old_doc), "without LibreOffice the refusal is immediate"
    install_fake_soffice(tmp_path, monkeypatch, made_docx)
    assert needs_conversion(old_doc)
    assert needs_conversion(tmp_path / "年报.XLS")
    assert not needs_conversion(made_docx)
    assert not needs_conversion(tmp_path / "年报.gkr")


def test_cancel_kills_the_whole_process_group_and_removes_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    cancel = threading.Event()
    outcome: list[BaseException | object] = []

    def read() -> None:
        try:
            outcome.append(read_with_result(old_doc, cancel))
        except Exception as error:
            outcome.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(500):  # the fake starts within a few hundredths of a second
            if fake.started():
                break
            reader.join(0.02)
        assert fake.started()
        assert all(alive(pid) for pid in fake.pids())
        cancel.set()
        reader.join(30)
    finally:
        fake.let_go()  # never leave the fake waiting, whatever happened
        reader.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], ReadingCancelled)
    assert ended(fake.pids()), "soffice and its soffice.bin stand-in are killed"
    assert not fake.outdir().parent.exists(), "the temporary folder is removed"


def test_a_cancel_made_before_the_start_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ReadingCancelled):
        read_with_result(old_doc, cancel)
    assert not fake.started()


def test_the_time_limit_still_kills_the_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    monkeypatch.setattr(convert, "CONVERT_SECONDS", 1)
    with pytest.raises(ReportFileError, match=re.escape("乡镇报告.doc：LibreOffice 在 1 秒内未能转换此文件")):
        read_with_result(old_doc, threading.Event())
    assert ended(fake.pids())
    assert not fake.outdir().parent.exists()


def test_a_failed_conversion_is_said_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old_doc: Path) -> None:
    fake = install_fake_soffice(tmp_path, monkeypatch, None)
    with pytest.raises(ReportFileError, match=re.escape("乡镇报告.doc：LibreOffice 无法转换此文件，文件已损坏或不是报告文件")):
        read_with_result(old_doc, threading.Event())
    assert ended(fake.pids())
