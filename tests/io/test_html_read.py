"""Saved portal pages (.htm in UTF-8 and GBK, .mht) read with every table value and the findings they deserve."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gkdesk.checks import run_checks
from gkdesk.io.errors import ReportFileError
from gkdesk.io.html.read import read_html, read_mht
from gkdesk.io.import_result import ImportResult, import_findings
from tests.io.web_corpus import (
    COUNTY_DEPT_2023,
    DISTRICT_2024,
    PROVINCE_OFFICE_2019,
    TOWNSHIP_2022,
    TOWNSHIP_2022_OLD_LAYOUT,
    Page,
    Profile,
    write_mht,
    write_page,
)

BASIC = "structure.basic_info"  # the organ's level cannot be told from a department's name

CASES: dict[str, tuple[Profile, Page, str, set[str]]] = {
    "township-utf8": (TOWNSHIP_2022, Page(), "htm", set()),
    "township-gbk-nav-breadcrumb-first": (
        TOWNSHIP_2022,
        Page(encoding="gbk", breadcrumb_before_title=True),
        "htm",
        set(),
    ),
    "township-gbk-undeclared": (TOWNSHIP_2022, Page(encoding="gbk", declare_charset=False), "htm", set()),
    "township-utf8-bom-undeclared": (TOWNSHIP_2022, Page(encoding="utf-8-sig", declare_charset=False), "htm", set()),
    "township-title-in-head-only": (TOWNSHIP_2022, Page(title_in="title"), "htm", set()),
    "county-dept-th-nested": (COUNTY_DEPT_2023, Page(th_headers=True, nested_markup=True), "htm", {BASIC}),
    "county-dept-gbk-fullwidth": (COUNTY_DEPT_2023, Page(encoding="gbk", fullwidth_digits=True), "htm", {BASIC}),
    "county-dept-split-table": (COUNTY_DEPT_2023, Page(split_requests_at=14), "htm", {BASIC}),
    "county-dept-layout-table": (COUNTY_DEPT_2023, Page(layout_table=True, title_in="paragraph"), "htm", {BASIC}),
    "county-dept-word-html": (COUNTY_DEPT_2023, Page(word_html=True, encoding="gbk"), "htm", {BASIC}),
    "county-dept-halfwidth": (COUNTY_DEPT_2023, Page(halfwidth_labels=True), "htm", {BASIC}),
    "district-no-furniture": (DISTRICT_2024, Page(furniture=False), "htm", {BASIC}),
    "district-split-fullwidth-layout": (
        DISTRICT_2024,
        Page(split_requests_at=12, fullwidth_digits=True, layout_table=True),
        "htm",
        {BASIC},
    ),
    "district-mht-qp": (DISTRICT_2024, Page(), "mht", {BASIC}),
    "district-mht-gbk-word": (DISTRICT_2024, Page(encoding="gbk", word_html=True), "mht", {BASIC}),
    "province-2019-format": (PROVINCE_OFFICE_2019, Page(encoding="gbk"), "htm", {BASIC}),
    "province-2019-mht-base64": (PROVINCE_OFFICE_2019, Page(th_headers=True), "mht64", {BASIC}),
    "township-old-layout-2022": (TOWNSHIP_2022_OLD_LAYOUT, Page(), "htm", {"structure.old_format"}),
    "township-old-layout-2022-mht": (TOWNSHIP_2022_OLD_LAYOUT, Page(encoding="gbk"), "mht", {"structure.old_format"}),
}


def write_case(folder: Path, profile: Profile, page: Page, kind: str) -> Path:
    if kind == "htm":
        return write_page(folder / "report.htm", profile, page)
    transfer = "base64" if kind == "mht64" else "quoted-printable"
    return write_mht(folder / "report.mht", profile, page, transfer)


def read_case(path: Path) -> ImportResult:
    return read_mht(path) if path.suffix == ".mht" else read_html(path)


def findings_of(result: ImportResult) -> set[str]:
    return {finding.rule for finding in import_findings(result) + run_checks(result.report)}


@pytest.mark.parametrize("name", CASES)
def test_page_gives_every_value(name: str, tmp_path: Path) -> None:
    profile, page, kind, expected_rules = CASES[name]
    result = read_case(write_case(tmp_path, profile, page, kind))
    report = result.report
    assert (report.organ, report.year, report.edition) == (profile.organ, profile.year, profile.edition)
    assert report.values == profile.inputs()
    assert report.declared == profile.totals()
    assert findings_of(result) == expected_rules
    assert report.contact.phone == "0000-1234567"
    assert [p.text for p in report.paragraphs("problems")] == [
        "公开内容的及时性有待提高。下一步将加强培训，完善审核发布机制。"
    ]
    other = " ".join(p.text for p in report.paragraphs("other"))
    assert "主办单位" not in other and "分享" not in other and "ICP" not in other


def test_old_layout_is_named_plainly(tmp_path: Path) -> None:
    result = read_case(write_case(tmp_path, TOWNSHIP_2022_OLD_LAYOUT, Page(), "htm"))
    (finding,) = [f for f in run_checks(result.report) if f.rule == "structure.old_format"]
    assert finding.message.startswith("2022年度报告的表格用的是已废止的2019年试行格式（国办公开办函〔2019〕60号）")


def test_old_layout_with_every_figure_blank_is_still_the_old_layout(tmp_path: Path) -> None:
    blank = replace(TOWNSHIP_2022_OLD_LAYOUT, figures={})
    page = Page(blank_values=set(blank.shown()))
    result = read_case(write_case(tmp_path, blank, page, "htm"))
    assert result.report.edition == "2019" and result.report.values == {}
    assert findings_of(result) == {"structure.old_format", "structure.section_missing"}
    assert not [p for p in result.problems if p.kind in ("missing", "missing_table", "unplaced")]


def test_narrative_figures_of_a_page_are_compared(tmp_path: Path) -> None:
    narrative = {"overview": ["全年共收到政府信息公开申请14件，其中予以公开及部分公开9件，无法提供4件。"]}
    path = write_page(tmp_path / "report.htm", COUNTY_DEPT_2023, Page(narrative=narrative))
    mismatches = [f for f in run_checks(read_html(path).report) if f.rule == "text.table_mismatch"]
    assert {f.cells for f in mismatches} == {("requests.granted.total", "requests.partial.total")}
    assert "9" in mismatches[0].message and "10" in mismatches[0].message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"<html><body><p>\xe9\x80\x9a\xe7\x9f\xa5</p></body></html>", "不是政府信息公开工作年度报告"),
        (b"PK\x03\x04 not a page", "不是网页文件"),
        (b"", "文件是空的"),
    ],
)
def test_pages_that_are_no_report_are_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ReportFileError, match=words):
        read_html(path)


def test_archive_without_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello")
    with pytest.raises(ReportFileError, match="mht"):
        read_mht(path)


TRUNCATED_2021 = {"本年制发件数": "本年新", "本年废止件数": "废止", "现行有效件数": "现行有效"}
NOTES = {"规章": "规章(县级无此项)", "行政许可": "行政许可（本单位无此项）", "行政强制": "行政强制 （注：不涉及）"}
SPACED = {"行政规范性文件": "行 政 规 范 性 文 件", "（一）予以公开": "(一) 予以公开", "自然人": "自 然 人"}


@pytest.mark.parametrize(
    ("name", "profile", "overrides"),
    [
        ("notes-township", TOWNSHIP_2022, NOTES),
        ("notes-county-dept", COUNTY_DEPT_2023, NOTES),
        ("truncated-headers", COUNTY_DEPT_2023, TRUNCATED_2021),
        ("truncated-and-notes", DISTRICT_2024, {**TRUNCATED_2021, **NOTES}),
        ("spacing-and-width", DISTRICT_2024, SPACED),
    ],
)
def test_labels_as_people_type_them(tmp_path: Path, name: str, profile: Profile, overrides: dict[str, str]) -> None:
    path = write_page(tmp_path / f"{name}.htm", profile, Page(label_overrides=overrides))
    result = read_html(path)
    assert result.report.values == profile.inputs()
    assert result.report.declared == profile.totals()
    assert not [p for p in result.problems if p.kind == "unplaced"]


def test_equally_plausible_headers_are_reported_not_guessed(tmp_path: Path) -> None:
    """In the 2019 table 二 “本年新” could be 本年新制作数量 or 本年新公开数量: those cells are left out and named;
    the rest of the table is complete and consistent, so it is a warning."""
    overrides = {"本年新制作数量": "本年新", "本年新公开数量": "本年新"}
    path = write_page(tmp_path / "r.htm", PROVINCE_OFFICE_2019, Page(label_overrides=overrides))
    result = read_html(path)
    expected = {k: v for k, v in PROVINCE_OFFICE_2019.inputs().items() if not k.endswith((".made", ".published"))}
    assert result.report.values == expected
    unplaced = [f for f in import_findings(result) if f.rule == "import.unplaced"]
    assert len(unplaced) == 4 and {f.severity for f in unplaced} == {"warning"}
    assert all("第1个表格" in f.message and "列" in f.message for f in unplaced)


def test_unplaced_cell_in_an_inconsistent_table_stays_an_error(tmp_path: Path) -> None:
    narrative_free = Page(label_overrides={"（一）予以公开": "（一）经审核后同意"})
    result = read_html(write_page(tmp_path / "r.htm", COUNTY_DEPT_2023, narrative_free))
    unplaced = [f for f in import_findings(result) if f.rule == "import.unplaced"]
    assert unplaced and {f.severity for f in unplaced} == {"error"}
