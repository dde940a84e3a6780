"""The web page of a report read back: 基本信息 as the report had them, placeholders never read as values."""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.docx.export import export_docx
from gkdesk.io.foreign.narrative_split import parse_contact
from gkdesk.io.html.blocks import tidy
from gkdesk.io.html.export import export_html
from gkdesk.io.open import read_with_result
from gkdesk.model import Contact, Paragraph, Report
from gkdesk.review.compare import compare_reports
from tests.helpers import sample_report


def test_a_report_without_contact_details_reads_back_without_any(tmp_path: Path) -> None:
    report = Report.new(2025, organ="某某镇人民政府")
    export_html(report, tmp_path / "r.html")
    contact = read_with_result(tmp_path / "r.html").report.contact
    assert (contact.address, contact.phone, contact.email) == ("", "", "")


def test_placeholders_in_an_opening_are_no_values() -> None:
    opening = "可与某某局办公室联系（地址：（地址）；联系电话：(联系电话)；电子邮箱：（电子邮箱））。"
    assert parse_contact(opening) == Contact("某某局办公室", "", "", "")
    filled = "可与某某局办公室联系（地址：某某县（东区）人民路1号；联系电话：0953-1234567；电子邮箱：a@b.cn）。"
    found = parse_contact(filled)
    assert (found.address, found.phone, found.email) == ("某某县（东区）人民路1号", "0953-1234567", "a@b.cn")
    bracketed = "联系（地址：同心县新区行政中心（政务服务大楼）3楼326室；联系电话：0953-8637408（工作日）；电子邮箱：tx@163.com）。"
    found = parse_contact(bracketed)
    assert (found.address, found.phone) == ("同心县新区行政中心（政务服务大楼）3楼326室", "0953-8637408（工作日）")
    left_open = parse_contact("联系（地址：某某县（东区人民路1号；联系电话：0953-1234567）。")
    assert (left_open.address, left_open.phone) == ("某某县（东区人民路1号", "0953-1234567")


def test_organ_level_and_spaces_between_chinese_characters_survive_the_web_page(tmp_path: Path) -> None:
    report = sample_report()
    report.organ_level = "county_dept"  # not what the name 同心县 suggests: only the page's metadata can say it
    paragraphs = list(report.paragraphs("overview"))
    paragraphs[0] = Paragraph.plain("开展文明城市创建 弘扬时代新风。")
    report.set_paragraphs("overview", paragraphs)
    export_docx(report, tmp_path / "r.docx")
    export_html(report, tmp_path / "r.html")
    page = read_with_result(tmp_path / "r.html").report
    assert page.organ_level == "county_dept"
    assert page.paragraphs("overview")[0].text == "开展文明城市创建 弘扬时代新风。"
    word = read_with_result(tmp_path / "r.docx").report
    assert [change for change in compare_reports(word, page) if change.kind != "value"] == []


def test_a_line_break_in_the_source_between_chinese_characters_is_no_space() -> None:
    assert tidy("创建\n    弘扬") == "创建弘扬" and tidy("创建 弘扬") == "创建 弘扬" and tidy("a\nb") == "a b"
