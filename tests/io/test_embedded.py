"""The embedded payload: lossless reopening of gkdesk's own .docx/.xlsx, hash verification, hand edits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import report_to_dict
from gkdesk.io.own.embedded import (
    EmbeddedDataCorrupt,
    NoEmbeddedData,
    build_payload,
    own_file_readers,
    read_own_docx,
    read_own_xlsx,
    sha256_hex,
)
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.hidden import DATA_SHEET
from gkdesk.model import Invalid, Paragraph, Run
from tests.helpers import filled_report, sample_report


def test_payload_hash_and_version() -> None:
    payload = build_payload(sample_report())
    assert payload.sha256 == sha256_hex(payload.json_text)
    assert payload.file_version == 1
    assert payload.json_text.isascii()


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_round_trip_is_lossless(tmp_path: Path, suffix: str) -> None:
    report = sample_report()
    report.values["proactive.fee.amount_wan"] = Invalid("=1+1")
    report.add_comment("requests.new.natural", "审核人", "请核对")
    path = tmp_path / f"r{suffix}"
    (export_docx if suffix == ".docx" else export_xlsx)(report, path)
    own = own_file_readers()[suffix](path)
    assert report_to_dict(own.report) == report_to_dict(report)
    assert own.differences == []
    assert not own.edited


def test_long_text_is_chunked_in_xlsx(tmp_path: Path) -> None:
    report = filled_report()
    report.narratives["overview"] = [Paragraph((Run("很长的段落。" * 12000),))]
    path = tmp_path / "long.xlsx"
    export_xlsx(report, path)
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    assert sheet.cell(4, 2).value >= 3
    assert read_own_xlsx(path).report.narratives["overview"][0].text == "很长的段落。" * 12000


def test_hidden_sheet_is_very_hidden(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_xlsx(sample_report(), path)
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    assert sheet.sheet_state == "veryHidden"
    assert sheet.protection.sheet


def test_altered_xlsx_payload_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_xlsx(sample_report(), path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    sheet.cell(6, 2).value = sheet.cell(6, 2).value.replace('"year":2021', '"year":2022', 1)
    workbook.save(path)
    with pytest.raises(EmbeddedDataCorrupt, match="SHA-256"):
        read_own_xlsx(path)


def test_altered_docx_payload_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    export_docx(sample_report(), path)
    altered = tmp_path / "altered.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if b"urn:gkdesk:embedded-report" in data and info.filename.startswith("customXml/item"):
                data = data.replace(b'"year":2021', b'"year":2022')
            target.writestr(info, data)
    with pytest.raises(EmbeddedDataCorrupt):
        read_own_docx(altered)


def test_foreign_files_have_no_embedded_data(tmp_path: Path) -> None:
    document = tmp_path / "foreign.docx"
    docx.Document().save(str(document))
    workbook = tmp_path / "foreign.xlsx"
    openpyxl.Workbook().save(workbook)
    with pytest.raises(NoEmbeddedData):
        read_own_docx(document)
    with pytest.raises(NoEmbeddedData):
        read_own_xlsx(workbook)


def test_hand_edits_in_docx_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    export_docx(sample_report(), path)
    document = docx.Document(str(path))
    requests_table = document.tables[1]
    requests_table.cell(3, 3).paragraphs[0].runs[0].text = "15"  # 一、本年新收 自然人: 14 → 15
    next(p for p in document.paragraphs if p.text.startswith("2021年我县按照")).runs[0].text = "改写的段落"
    document.save(str(path))
    own = read_own_docx(path)
    keys = {difference.key: difference for difference in own.differences}
    assert set(keys) == {"requests.new.natural", "problems#1"}
    assert (keys["requests.new.natural"].embedded, keys["requests.new.natural"].visible) == ("14", "15")
    assert own.report.values["requests.new.natural"] == 14  # the embedded data is what is returned


def test_hand_edits_in_xlsx_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_xlsx(sample_report(), path)
    workbook = openpyxl.load_workbook(path)
    workbook["表三"]["D6"] = 15  # 一、本年新收 自然人
    workbook["表三"]["J6"] = 99  # its total formula overwritten by a number
    workbook["基本信息"]["B1"] = "别的县"
    workbook.save(path)
    keys = {(d.key, d.embedded, d.visible) for d in read_own_xlsx(path).differences}
    assert keys == {
        ("requests.new.natural", "14", "15"),
        ("requests.new.total", "14", "99"),
        ("organ", "同心县", "别的县"),
    }
