"""Output names and input files of the verbs: wrong suffixes refused before any work, GBK text read,
operating-system errors as Chinese sentences naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkdesk.cli import main
from gkdesk.template import open_template
from tests.conftest import SAMPLE_GKR


def test_template_with_a_word_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.docx"
    assert main(["template", "--year", "2025", "-o", str(target)]) == 2
    assert not target.exists()
    assert "模板的文件名应以 .gkt 结尾" in capsys.readouterr().err


def test_import_to_a_word_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.docx"
    assert main(["import", str(SAMPLE_GKR), "-o", str(target)]) == 2
    assert not target.exists() and not target.with_suffix(".gkr").exists()
    assert "应以 .gkr 结尾" in capsys.readouterr().err


def test_import_without_a_suffix_adds_gkr(tmp_path: Path) -> None:
    assert main(["import", str(SAMPLE_GKR), "-o", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x.gkr").exists()


def test_new_report_from_a_template_needs_a_gkr_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "t.gkt"
    assert main(["template", "--year", "2025", "-o", str(template)]) == 0
    assert main(["template", "--open", str(template), "--organ", "某某镇", "-o", str(tmp_path / "r.docx")]) == 2
    assert not (tmp_path / "r.docx").exists()
    assert ".gkr" in capsys.readouterr().err


def test_instructions_file_in_gbk_is_read(tmp_path: Path) -> None:
    notes = tmp_path / "说明.txt"
    notes.write_bytes("请于1月31日前报送，表格数字须与正文一致。".encode("gbk"))
    template = tmp_path / "t.gkt"
    assert main(["template", "--year", "2025", "--instructions-file", str(notes), "-o", str(template)]) == 0
    assert open_template(template).template.instructions == "请于1月31日前报送，表格数字须与正文一致。"


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_instructions_file_os_errors_are_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    notes = tmp_path / "说明.txt"
    if kind == "folder":
        notes.mkdir()
    assert main(["template", "--year", "2025", "--instructions-file", str(notes), "-o", str(tmp_path / "t.gkt")]) == 2
    err = capsys.readouterr().err
    assert str(notes) in err and "Errno" not in err and "No such" not in err and "directory" not in err
    assert ("不存在" in err) if kind == "missing" else ("文件夹" in err)
