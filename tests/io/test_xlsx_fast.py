"""gkdesk's own .xlsx read straight from its zip parts gives what openpyxl gives: report, hand edits, 批注.

Each case reads the same bytes twice, by the fast part reader and by the openpyxl path, and compares.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from gkdesk.io.own.embedded import EmbeddedDataCorrupt, OwnFile, read_own_xlsx_data
from gkdesk.io.xlsx import fast_comments
from gkdesk.io.xlsx.comments import read_xlsx_comments
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.fast_own import read_own_fast
from gkdesk.io.xlsx.hidden import DATA_SHEET, FIRST_CHUNK_ROW
from gkdesk.io.xlsx.package import UnexpectedPackage
from gkdesk.io.xlsx.read import read_xlsx
from gkdesk.model import Invalid, Paragraph, Report, ReviewComment, Run
from tests.helpers import filled_report, sample_report

REVIEWER = "县政务公开办"


def _both(data: bytes) -> tuple[OwnFile, OwnFile]:
    return read_own_xlsx_data(data, "r.xlsx"), read_own_xlsx_data(data, "r.xlsx", fast=False)


def _assert_same(data: bytes) -> OwnFile:
    fast, slow = _both(data)
    assert fast.payload == slow.payload
    assert fast.differences == slow.differences
    assert fast.report == slow.report
    assert fast.report.comments == slow.report.comments
    return fast


def _export(report: Report, tmp_path: Path) -> Path:
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    return path


def _resave(path: Path, edit: object = None) -> bytes:
    """Open with openpyxl, apply `edit(workbook)`, save (openpyxl rewrites the whole package)."""
    workbook = openpyxl.load_workbook(path)
    if callable(edit):
        edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _with_shared_strings(data: bytes) -> bytes:
    """The package with every inline string moved to a shared string table (as Excel and WPS save)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    strings: list[bytes] = []

    def share(match: re.Match[bytes]) -> bytes:
        strings.append(b"<si>" + match.group(2) + b"</si>")
        return match.group(1) + b' t="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name.startswith("xl/worksheets/sheet"):
                content = re.sub(
                    rb'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="inlineStr"><is>(.*?)</is></c>', share, content
                )
            elif name == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Target="sharedStrings.xml" '
                    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
                )
            elif name == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            target.writestr(name, content)
        ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        target.writestr("xl/sharedStrings.xml", b'<sst xmlns="' + ns + b'">' + b"".join(strings) + b"</sst>")
    assert len(strings) > 50
    return out.getvalue()


def _cell_comments(
    data: bytes, path: Path, report: Report, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> list[ReviewComment]:
    path.write_bytes(data)
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(fast_comments, "sheets_with_comments", lambda _: None)
        return read_xlsx_comments(path, report)


def test_fresh_export_is_read_by_the_fast_path_exactly(tmp_path: Path) -> None:
    report = sample_report()
    report.narratives["overview"] = [Paragraph((Run("加粗", bold=True), Run("的段落")))]  # rich text cell
    report.values["requests.new.commercial"] = Invalid("约5件")
    data = _export(report, tmp_path).read_bytes()
    own = read_own_fast(data, "r.xlsx")  # no fallback for gkdesk's own export
    assert own == _assert_same(data)
    assert own.differences == []
    assert own.report.narratives["overview"][0].runs[0].bold


def test_hand_edited_export_agrees_after_openpyxl_resave(tmp_path: Path) -> None:
    path = _export(sample_report(), tmp_path)

    def edit(workbook: openpyxl.Workbook) -> None:
        workbook["表三"]["D6"] = 15  # 一、本年新收 自然人
        workbook["表三"]["J6"] = 99  # its total formula overwritten by a number
        workbook["表三"]["E6"] = "=1+1"  # an input cell turned into a formula
        workbook["表二"]["D5"] = 3.25  # a float
        workbook["基本信息"]["B1"] = "别的县"
        workbook["文字部分"].append(["概述", "正文", "新加的一段"])

    edited = _resave(path, edit)
    for data in (edited, _with_shared_strings(edited)):  # as openpyxl, and as Excel writes strings
        own = read_own_fast(data, "r.xlsx")
        assert own == _assert_same(data)
        keys = {d.key for d in own.differences}
        assert {"requests.new.natural", "requests.new.total", "requests.new.commercial", "organ"} <= keys
        assert any(d.visible == "新加的一段" for d in own.differences)


def test_date_cells_fall_back_to_openpyxl(tmp_path: Path) -> None:
    path = _export(sample_report(), tmp_path)

    def edit(workbook: openpyxl.Workbook) -> None:
        workbook["表三"]["D6"].number_format = "yyyy-mm-dd"  # openpyxl would read a date here

    data = _resave(path, edit)
    with pytest.raises(UnexpectedPackage):
        read_own_fast(data, "r.xlsx")
    fast, slow = _both(data)
    assert fast == slow and fast.differences


def test_2019_edition_export(tmp_path: Path) -> None:
    report = filled_report(2020)
    assert report.edition == "2019"
    report.values["proactive.license.delta"] = -7
    report.values["proactive.procurement.amount"] = Decimal("356.25")
    data = _export(report, tmp_path).read_bytes()
    own = read_own_fast(data, "r.xlsx")
    assert own == _assert_same(data)
    assert own.report.values["proactive.license.delta"] == -7 and own.differences == []


def test_damaged_payload_is_refused_alike(tmp_path: Path) -> None:
    path = _export(sample_report(), tmp_path)

    def edit(workbook: openpyxl.Workbook) -> None:
        cell = workbook[DATA_SHEET].cell(FIRST_CHUNK_ROW, 2)
        assert isinstance(cell.value, str)
        cell.value = cell.value.replace("同心县".encode("unicode_escape").decode(), "X", 1)

    data = _resave(path, edit)
    messages = []
    for fast in (True, False):
        with pytest.raises(EmbeddedDataCorrupt) as error:
            read_own_xlsx_data(data, "r.xlsx", fast=fast)
        messages.append(str(error.value))
    assert messages[0] == messages[1] and "SHA-256" in messages[0]


def test_incomplete_payload_is_refused_alike(tmp_path: Path) -> None:
    path = _export(sample_report(), tmp_path)
    data = _resave(path, lambda workbook: workbook[DATA_SHEET].cell(2, 2, "1"))  # version as text
    messages = []
    for fast in (True, False):
        with pytest.raises(EmbeddedDataCorrupt) as error:
            read_own_xlsx_data(data, "r.xlsx", fast=fast)
        messages.append(str(error.value))
    assert messages[0] == messages[1]


def test_comments_are_read_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = sample_report()
    report.add_comment("requests.new.natural", REVIEWER, "请核对本年新收申请数")
    report.add_comment("requests.new", "市政务公开办", "本行合计有误")
    report.add_comment("overview#2", REVIEWER, "表述不准确\n请改")
    report.add_comment("overview#2", "市政务公开办", "同意")
    report.add_comment("contact.phone", REVIEWER, "电话缺区号")
    path = _export(report, tmp_path)

    def edit(workbook: openpyxl.Workbook) -> None:
        workbook["表四"]["A1"].comment = Comment("乡镇的回复", "某镇")

    for data in (path.read_bytes(), _resave(path, edit)):
        assert fast_comments.sheets_with_comments(data) is not None
        own = _assert_same(data)
        fast = _cell_comments(data, tmp_path / "c.xlsx", own.report, True, monkeypatch)
        slow = _cell_comments(data, tmp_path / "c.xlsx", own.report, False, monkeypatch)
        assert fast == slow and len(fast) >= 4
        assert read_xlsx(tmp_path / "c.xlsx").report.comments  # the whole importer, fast path included


def test_foreign_workbook_falls_back(tmp_path: Path) -> None:
    path = _export(sample_report(), tmp_path)
    data = _resave(path, lambda workbook: workbook.remove(workbook[DATA_SHEET]))
    with pytest.raises(UnexpectedPackage):
        read_own_fast(data, "r.xlsx")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_dtd_in_any_encoding_falls_back(tmp_path: Path, encoding: str) -> None:
    data = _export(sample_report(), tmp_path).read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                text = content.decode("utf-8").replace(
                    "<worksheet", '<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet', 1
                )
                content = f'<?xml version="1.0" encoding="{encoding}"?>{text}'.encode(encoding)
            target.writestr(name, content)
    with pytest.raises(UnexpectedPackage):
        read_own_fast(out.getvalue(), "r.xlsx")
