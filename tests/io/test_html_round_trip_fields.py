"""The web page of a report read back: 基本信息 as the report had them, placeholders never read as values."""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.foreign.narrative_split import parse_contact
from gkdesk.io.html.export import export_html
from gkdesk.io.open import read_with_result
from gkdesk.model import Contact, Report


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
    assert (found.phone, found.email) == ("0953-1234567", "a@b.cn") and found.address.startswith("某某县")
