"""Reading spreadsheets in the official layout typed by others, by labels, not fixed addresses."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gkdesk.checks import run_checks
from gkdesk.io.errors import ReportFileError
from gkdesk.io.import_result import import_findings
from gkdesk.io.open import read_report, read_with_result
from gkdesk.io.xlsx.read import read_xlsx
from gkdesk.model import Invalid
from gkdesk.spec import load_spec
from tests.io.xlsx_variants import SheetVariant, build_xlsx

VARIANTS = {
    "one_sheet": SheetVariant(),
    "sheet_per_table": SheetVariant(one_sheet=False, offset=(0, 0)),
    "repeated_merges_halfwidth": SheetVariant(merge="repeat", halfwidth=True, offset=(3, 2)),
    "numbers_as_text": SheetVariant(numbers_as_text=True),
    "2019": SheetVariant(edition="2019", year=2020),
    "unmerged_no_corner": SheetVariant(organ="某某县", merge="none", corner_text=False, offset=(0, 0)),
    "2019_unmerged_no_corner": SheetVariant(edition="2019", year=2020, merge="none", corner_text=False),
    "2021_tables_in_2020": SheetVariant(edition="2021", year=2020),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_cell_lands_on_its_key(tmp_path: Path, name: str) -> None:
    variant = VARIANTS[name]
    path = tmp_path / f"{name}.xlsx"
    shown = build_xlsx(path, variant)
    result = read_xlsx(path)
    report = result.report
    cells = load_spec(variant.edition).cells
    assert report.edition == variant.edition
    assert (report.organ, report.year) == (variant.organ, variant.year)
    assert report.values == {k: v for k, v in shown.items() if not cells[k].derived}
    assert report.declared == {k: v for k, v in shown.items() if cells[k].derived}
    assert [str(p) for p in result.problems if p.kind != "missing"] == []


def test_non_numbers_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    build_xlsx(path, SheetVariant(text_overrides={"requests.new.natural": "", "appeals.reconsideration.upheld": "/"}))
    report = read_report(path)
    assert "requests.new.natural" not in report.values
    assert report.values["appeals.reconsideration.upheld"] == Invalid("/")
    rules = {(f.rule, f.anchor) for f in run_checks(report)}
    (blank,) = [f for f in run_checks(report) if f.rule == "value.blank"]
    assert blank.cells == ("requests.new.natural",)
    assert ("value.invalid", "appeals.reconsideration.upheld") in rules


def test_stray_number_is_reported_with_sheet_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "stray.xlsx"
    build_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    workbook.active.cell(200, 3, 42)  # type: ignore[union-attr]
    workbook.save(path)
    problems = [str(p) for p in read_xlsx(path).problems]
    assert any(p.startswith("工作表“年度报告”第200行第3列") and "42" in p for p in problems), problems


def test_a_spreadsheet_that_is_not_a_report_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["项目", "金额"])  # type: ignore[union-attr]
    workbook.save(path)
    with pytest.raises(ReportFileError, match="不是政府信息公开工作年度报告"):
        read_report(path)


def test_unmerged_headers_are_read_as_the_year_says_and_check_clean(tmp_path: Path) -> None:
    """A hand-typed sheet without merged headers or corner text: every cell placed, the 2021 format."""
    path = tmp_path / "typed.xlsx"
    build_xlsx(path, SheetVariant(organ="某某县", merge="none", corner_text=False, offset=(0, 0)))
    result = read_with_result(path)
    assert result.report.edition == "2021"
    findings = import_findings(result)
    assert [f.message for f in findings if f.rule == "import.unplaced"] == []
    assert not any(f.rule == "structure.old_format" for f in run_checks(result.report))


def test_2019_tables_in_a_2021_report_are_read_as_2019_and_warned(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    shown = build_xlsx(path, SheetVariant(edition="2019", year=2021, merge="none", corner_text=False))
    result = read_xlsx(path)
    assert result.report.edition == "2019"
    assert result.report.year == 2021
    assert result.report.values == {k: v for k, v in shown.items() if not load_spec("2019").cells[k].derived}
    assert any(f.rule == "structure.old_format" for f in run_checks(result.report))


def test_a_total_computed_by_an_uncalculated_formula_is_not_blank(tmp_path: Path) -> None:
    """A program-written formula has no stored value but shows its figure when opened; a blank cell does not."""
    path = tmp_path / "formula.xlsx"
    build_xlsx(path, SheetVariant(text_overrides={"requests.new.total": "=1+1", "requests.carried_over.total": ""}))
    blank = [f.anchor for f in import_findings(read_with_result(path)) if f.rule == "value.blank"]
    assert blank == ["requests.carried_over.total"]
