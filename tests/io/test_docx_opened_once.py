"""Re-importing gkdesk's own .docx opens its package once: the embedded data, the visible body, the hand edits'
bold and the Word comments are all read from that one opening."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import load_gkr
from gkdesk.io.open import read_with_result
from gkdesk.spec import build_layout
from tests.conftest import SAMPLE_GKR


@pytest.fixture
def zip_opens(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every zipfile.ZipFile opened from now on (any module, any caller)."""
    opened: list[Any] = []
    original = zipfile.ZipFile.__init__

    def counting(self: zipfile.ZipFile, file: Any, *args: Any, **kwargs: Any) -> None:
        opened.append(file)
        original(self, file, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting)
    return opened


def _exported_with_a_hand_edit_and_a_comment(tmp_path: Path) -> Path:
    report = load_gkr(SAMPLE_GKR)
    report.add_comment("requests.new.natural", "县政务公开办", "请核对本年新收申请数")
    report.add_comment("overview#1", "县政务公开办", "请补充")
    path = tmp_path / "r.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    row, col = build_layout(report.spec.tables["requests"]).position_of("requests.new.natural")
    document.tables[1].rows[row].cells[col].text = "99999"  # a table value typed in Word after export
    document.save(str(path))
    return path


def test_an_own_docx_is_opened_once(tmp_path: Path, zip_opens: list[Any]) -> None:
    path = _exported_with_a_hand_edit_and_a_comment(tmp_path)
    zip_opens.clear()
    result = read_with_result(path)
    assert result.kind == "own"
    assert [(edit.key, edit.visible) for edit in result.differences] == [("requests.new.natural", "99999")]
    assert {c.anchor for c in result.report.comments} == {"requests.new.natural", "overview#1"}
    assert len(zip_opens) == 1


def test_a_docx_typed_by_others_is_opened_once(tmp_path: Path, zip_opens: list[Any]) -> None:
    path = _exported_with_a_hand_edit_and_a_comment(tmp_path)
    with zipfile.ZipFile(path) as package:  # the same file without gkdesk's embedded data
        parts = {name: package.read(name) for name in package.namelist() if not name.startswith("customXml/")}
    foreign = tmp_path / "typed.docx"
    with zipfile.ZipFile(foreign, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    zip_opens.clear()
    result = read_with_result(foreign)
    assert result.kind == "foreign"
    assert len(zip_opens) == 1
