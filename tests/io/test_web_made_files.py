"""Word and Excel files made from portal pages (LibreOffice opened the saved page and saved it as .docx/.xlsx;
old .doc/.xls saved from those): the same values as the page, no error a consistent report does not deserve.

The files in tests/fixtures/web were made from pages of tests/io/web_corpus.py (see README.md there).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gkdesk.checks import run_checks
from gkdesk.io.docx.export import export_docx
from gkdesk.io.errors import ReportFileError
from gkdesk.io.import_result import ImportResult, import_findings
from gkdesk.io.open import read_with_result
from gkdesk.model import Resolved
from tests.io.web_corpus import (
    COUNTY_DEPT_2023,
    DISTRICT_2024,
    TOWNSHIP_2022,
    TOWNSHIP_2022_OLD_LAYOUT,
    Page,
    Profile,
    write_mht,
    write_page,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
BASIC = "structure.basic_info"
BLANKS = {"requests.denied_3.research", "requests.unable_2.natural", "requests.carried_over.legal"}
TABLE3 = {key for key in TOWNSHIP_2022.shown() if key.startswith("requests.")}
EVERYTHING = set(TOWNSHIP_2022.shown())

CASES: dict[str, tuple[Profile, set[str], set[str]]] = {
    # file: (profile, cells left blank in the page, rules expected)
    "county-dept-2023.docx": (COUNTY_DEPT_2023, set(), {BASIC}),
    "county-dept-2023.xlsx": (COUNTY_DEPT_2023, set(), {BASIC}),
    "district-2024.docx": (DISTRICT_2024, set(), {BASIC}),
    "district-2024.xlsx": (DISTRICT_2024, set(), {BASIC}),
    "township-2022-blanks.xlsx": (TOWNSHIP_2022, BLANKS, {"value.blank"}),
    "township-2022-table3-blank.xlsx": (TOWNSHIP_2022, TABLE3, {"structure.section_missing"}),
    "township-2022-all-blank.xlsx": (TOWNSHIP_2022, EVERYTHING, {"structure.section_missing"}),
    "township-2022-old-layout.docx": (TOWNSHIP_2022_OLD_LAYOUT, set(), {"structure.old_format"}),
    "township-2022-old-layout.xlsx": (TOWNSHIP_2022_OLD_LAYOUT, set(), {"structure.old_format"}),
}


def rules_of(result: ImportResult) -> set[str]:
    return {finding.rule for finding in import_findings(result) + run_checks(result.report)}


def assert_reads_as(result: ImportResult, profile: Profile, blanks: set[str], rules: set[str]) -> None:
    report = result.report
    assert (report.organ, report.year, report.edition) == (profile.organ, profile.year, profile.edition)
    assert report.values == {key: value for key, value in profile.inputs().items() if key not in blanks}
    assert report.declared == {key: value for key, value in profile.totals().items() if key not in blanks}
    assert rules_of(result) == rules
    narrative = " ".join(p.text for s in report.spec.sections for p in report.paragraphs(s.key))
    assert "无障碍" not in narrative and "主办单位" not in narrative and "字号" not in narrative


@pytest.mark.parametrize("name", CASES)
def test_made_from_a_page(name: str) -> None:
    profile, blanks, rules = CASES[name]
    assert_reads_as(read_with_result(FIXTURES / name), profile, blanks, rules)


def test_page_mht_sheet_and_word_give_the_same_values(tmp_path: Path) -> None:
    page = write_page(tmp_path / "page.htm", COUNTY_DEPT_2023, Page(encoding="gbk", breadcrumb_before_title=True))
    archive = write_mht(tmp_path / "page.mht", COUNTY_DEPT_2023, Page(encoding="gbk"))
    own_docx = tmp_path / "gkdesk.docx"
    export_docx(COUNTY_DEPT_2023.report(), own_docx)  # the .docx gkdesk itself makes of the same report
    files = (page, archive, FIXTURES / "county-dept-2023.xlsx", FIXTURES / "county-dept-2023.docx", own_docx)
    for path in files:
        report = read_with_result(path).report
        assert report.values == COUNTY_DEPT_2023.inputs(), path.name
        stated = Resolved(report)
        assert {key: stated.stated(key) for key in COUNTY_DEPT_2023.totals()} == COUNTY_DEPT_2023.totals(), path.name


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("fixture", "suffix", "profile"),
    [
        ("county-dept-2023.doc", ".doc", COUNTY_DEPT_2023),
        ("county-dept-2023.doc", ".wps", COUNTY_DEPT_2023),
        ("district-2024.xls", ".xls", DISTRICT_2024),
        ("district-2024.xls", ".et", DISTRICT_2024),
    ],
)
def test_old_binary_files_through_libreoffice(tmp_path: Path, fixture: str, suffix: str, profile: Profile) -> None:
    path = tmp_path / f"报告{suffix}"
    shutil.copyfile(FIXTURES / fixture, path)
    assert_reads_as(read_with_result(path), profile, set(), {BASIC})


def test_old_binary_file_without_libreoffice_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gkdesk.io.files.convert.find_soffice", lambda: None)
    path = tmp_path / "报告.et"
    shutil.copyfile(FIXTURES / "district-2024.xls", path)
    with pytest.raises(ReportFileError, match=r"未安装 LibreOffice.*Excel 或 WPS 表格.*另存为.*\.xlsx"):
        read_with_result(path)


def test_a_hung_conversion_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    hang.chmod(0o755)
    monkeypatch.setattr("gkdesk.io.files.convert.find_soffice", lambda: str(hang))
    monkeypatch.setattr("gkdesk.io.files.convert.CONVERT_SECONDS", 1)
    path = tmp_path / "报告.doc"
    shutil.copyfile(FIXTURES / "county-dept-2023.doc", path)
    with pytest.raises(ReportFileError, match="1 秒内未能转换"):
        read_with_result(path)
