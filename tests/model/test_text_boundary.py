"""Text entering a report is clean: control characters never reach an exporter, long text never breaks one."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from hypothesis import given
from hypothesis import strategies as st

from gkdesk.cli import main
from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import load_gkr, report_to_dict
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Contact, Invalid, Paragraph, Report, Run
from gkdesk.model.text import clean_line, clean_text
from tests.helpers import filled_report, sample_report

CONTROLS = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x85\x9f\ufffe"


def test_typed_or_pasted_organ_loses_control_characters() -> None:
    report = Report.new(2021)
    report.set_field("organ", "同心县\x0b人民政府")
    assert report.organ == "同心县人民政府"
    report.set_field("organ", "同心县\x00人民\n政府")
    assert report.organ == "同心县人民政府"
    assert Run("第一\x0c段\n续").text == "第一段\n续"
    assert Contact("办公室\t", "地址\x1f").office == "办公室" and Contact("", "地址\x1f").address == "地址"
    assert Invalid("12\x0b").raw == "12"
    report.acknowledge("key", "说明\x08")
    assert report.acknowledgements["key"] == "说明"


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(CONTROLS), max_size=40))
def test_clean_text_leaves_only_xml_characters(text: str) -> None:
    for cleaned in (clean_text(text), clean_line(text)):
        assert not any(ch in cleaned for ch in CONTROLS)
        assert all(ch in "\t\n\r" or ord(ch) >= 0x20 for ch in cleaned)
    assert "\n" not in clean_line(text) and "\t" not in clean_line(text)


def _gkr_with_controls(tmp_path: Path) -> Path:
    data = report_to_dict(sample_report())
    data["organ"] = "同心县\u000b人民政府\u0000"
    data["contact"]["office"] = "县政府办公室\u0001"
    first = next(iter(data["narratives"]))
    data["narratives"][first][0]["runs"][0]["text"] = "开头\u000c" + data["narratives"][first][0]["runs"][0]["text"]
    path = tmp_path / "controls.gkr"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def test_file_with_control_characters_exports_to_word_and_excel(tmp_path: Path) -> None:
    path = _gkr_with_controls(tmp_path)
    report = load_gkr(path)
    assert report.organ == "同心县人民政府" and report.contact.office == "县政府办公室"
    assert main(["export", str(path), "--allow-errors"]) == 0
    assert docx.Document(str(path.with_suffix(".docx"))).core_properties.author == "同心县人民政府"
    assert read_with_result(path.with_suffix(".xlsx")).report.organ == "同心县人民政府"


def test_organ_name_longer_than_a_document_property_exports_whole(tmp_path: Path) -> None:
    report = filled_report()
    report.organ = "某" * 300 + "人民政府"
    target = tmp_path / "long.docx"
    export_docx(report, target)
    export_xlsx(report, tmp_path / "long.xlsx")
    properties = docx.Document(str(target)).core_properties
    assert len(properties.title) <= 255 and properties.title.endswith("…")
    assert read_with_result(target).report.organ == report.organ
    assert read_with_result(tmp_path / "long.xlsx").report.organ == report.organ


def test_paragraph_over_ten_megabytes_goes_through_word(tmp_path: Path) -> None:
    report = filled_report()
    text = "本年度公开政府信息，" * 350_000
    assert len(text.encode("utf-8")) > 10 * 1024 * 1024
    report.narratives["overview"] = [Paragraph.plain(text)]
    target = tmp_path / "big.docx"
    export_docx(report, target)
    result = read_with_result(target)
    assert result.kind == "own" and not result.differences
    assert result.report.narratives["overview"][0].text == text
