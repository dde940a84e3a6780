"""Importing an .xlsx (as 打开 and `main.py check` do, through read_with_result) reads the file once: gkdesk's own
export is opened as one zip package, never by openpyxl, and no part of it is parsed twice — the embedded data,
the visible cells compared for hand edits and the Excel comments all come from that one opening."""

from __future__ import annotations

import collections
import os
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.gkr import load_gkr
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.hidden import DATA_SHEET
from tests.conftest import SAMPLE_GKR


class Openings:
    """What reading did from now on: opens of files by path, zip packages opened, openpyxl workbooks loaded, and
    how often each distinct XML text was parsed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: collections.Counter[str] = collections.Counter()
        self.zips = 0
        self.workbooks = 0
        self.parsed: collections.Counter[bytes] = collections.Counter()
        open_file, open_zip = os.open, zipfile.ZipFile.__init__
        load_workbook, fromstring = openpyxl.load_workbook, etree.fromstring

        def counting_open(path: Any, *args: Any, **kwargs: Any) -> int:
            self.files[os.fspath(path)] += 1
            return open_file(path, *args, **kwargs)

        def counting_zip(archive: zipfile.ZipFile, file: Any, *args: Any, **kwargs: Any) -> None:
            self.zips += 1
            open_zip(archive, file, *args, **kwargs)

        def counting_load(*args: Any, **kwargs: Any) -> Any:
            self.workbooks += 1
            return load_workbook(*args, **kwargs)

        def counting_parse(text: Any, *args: Any, **kwargs: Any) -> Any:
            self.parsed[bytes(text) if isinstance(text, bytes | bytearray) else str(text).encode()] += 1
            return fromstring(text, *args, **kwargs)

        monkeypatch.setattr(os, "open", counting_open)
        monkeypatch.setattr(zipfile.ZipFile, "__init__", counting_zip)
        monkeypatch.setattr(openpyxl, "load_workbook", counting_load)
        monkeypatch.setattr(etree, "fromstring", counting_parse)

    def parsed_twice(self) -> int:
        return sum(1 for count in self.parsed.values() if count > 1)


def _own_export(tmp_path: Path, comments: bool, hand_edit: bool) -> Path:
    report = load_gkr(SAMPLE_GKR)
    if comments:
        report.add_comment("requests.new.natural", "县政务公开办", "请核对本年新收申请数")
        report.add_comment("overview#1", "县政务公开办", "请补充")
    path = tmp_path / "own.xlsx"
    export_xlsx(report, path)
    if hand_edit:
        workbook = openpyxl.load_workbook(path)
        workbook["表三"]["D6"] = 99999  # 一、本年新收 自然人, typed in Excel after export
        workbook.save(path)
    return path


@pytest.mark.parametrize(("comments", "hand_edit"), [(False, False), (True, False), (True, True)])
def test_an_own_xlsx_is_opened_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, comments: bool, hand_edit: bool
) -> None:
    path = _own_export(tmp_path, comments, hand_edit)
    openings = Openings(monkeypatch)
    result = read_with_result(path)
    assert result.kind == "own"
    assert [(edit.key, edit.visible) for edit in result.differences] == (
        [("requests.new.natural", "99999")] if hand_edit else []
    )
    assert {c.anchor for c in result.report.comments} == ({"requests.new.natural", "overview#1"} if comments else set())
    assert openings.files[os.fspath(path)] == 1
    assert openings.zips == 1
    assert openings.workbooks == 0
    assert openings.parsed and openings.parsed_twice() == 0


def test_an_xlsx_typed_by_others_is_read_from_disk_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _own_export(tmp_path, comments=True, hand_edit=False)
    workbook = openpyxl.load_workbook(path)
    del workbook[DATA_SHEET]  # the same workbook without gkdesk's embedded data
    workbook.save(path)
    openings = Openings(monkeypatch)
    result = read_with_result(path)
    assert result.kind == "foreign"
    assert result.report.values["requests.new.natural"] == load_gkr(SAMPLE_GKR).values["requests.new.natural"]
    assert openings.files[os.fspath(path)] == 1
