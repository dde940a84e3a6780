"""A gkdesk export edited by hand: the report states what the document prints, totals included, and a
comparison with the original lists only the cells that really changed."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from gkdesk.checks import run_checks
from gkdesk.checks.report_json import values_json
from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import load_gkr, save_gkr
from gkdesk.io.import_result import import_findings
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Resolved
from gkdesk.review.compare import compare_reports
from tests.helpers import sample_report
from tests.io.test_docx_export_render import convert, needs_soffice
from tests.io.web_corpus import COUNTY_DEPT_2023, Page, write_page

GRANTED = "requests.granted.natural"


def _edit_docx_cell(path: Path, label: str, column: int, text: str) -> None:
    document = docx.Document(str(path))
    table = document.tables[1]
    row = next(row for row in table.rows if any(cell.text == label for cell in row.cells))
    row.cells[column].paragraphs[0].runs[0].text = text
    document.save(str(path))


def test_docx_hand_edit_keeps_the_printed_totals(tmp_path: Path) -> None:
    original = sample_report()
    printed = Resolved(original)
    before = printed.number(GRANTED)
    path = tmp_path / "退回.docx"
    export_docx(original, path)
    _edit_docx_cell(path, "（一）予以公开", 3, str(before - 1))
    result = read_with_result(path)
    report = result.report
    stated = Resolved(report)
    assert report.values[GRANTED] == before - 1
    for total in ("requests.granted.total", "requests.total.natural", "requests.total.total"):
        assert stated.stated(total) == printed.number(total), total  # as the document prints it
    assert [d.key for d in result.differences] == [GRANTED]
    rules = {f.rule for f in run_checks(report)}
    assert {"T3.row_total", "T3.outcome_total"} <= rules  # the printed totals no longer add up
    changes = compare_reports(original, report)
    assert [change.key for change in changes if change.kind == "value"] == [GRANTED]


def test_xlsx_hand_edit_of_a_figure_and_its_total(tmp_path: Path) -> None:
    original = sample_report()
    path = tmp_path / "退回.xlsx"
    export_xlsx(original, path)
    workbook = openpyxl.load_workbook(path)
    workbook["表三"]["D6"] = 15  # 一、本年新收 自然人 (14)
    workbook["表三"]["J6"] = 99  # its total, overwritten by a number
    workbook.save(path)
    report = read_with_result(path).report
    stated = Resolved(report)
    assert report.values["requests.new.natural"] == 15
    assert stated.stated("requests.new.total") == 99
    assert stated.stated("requests.carried_over.total") == Resolved(original).number("requests.carried_over.total")
    changes = {change.key for change in compare_reports(original, report) if change.kind == "value"}
    assert changes == {"requests.new.natural", "requests.new.total"}


def _edit_granted_in_xlsx(path: Path, value: int) -> None:
    workbook = openpyxl.load_workbook(path)
    workbook["表三"]["D8"] = value  # （一）予以公开 自然人; its totals stay formulas, never calculated by openpyxl
    workbook.save(path)


def _assert_totals_follow_the_figures(path: Path, granted: int) -> None:
    report = read_with_result(path).report
    stated = Resolved(report)
    assert report.values[GRANTED] == granted
    for total in ("requests.granted.total", "requests.total.natural", "requests.total.total"):
        assert total not in report.declared, total  # shown by its formula: the sum of what the sheet shows
    assert stated.number("requests.granted.total") == granted
    rules = {f.rule for f in run_checks(report)}
    assert "T3.balance" in rules and not {"T3.row_total", "T3.outcome_total"} & rules


def test_xlsx_hand_edit_totals_shown_by_formulas_follow_the_figures(tmp_path: Path) -> None:
    """An edited figure whose totals are formulas: the sheet shows the new sums, so does the report."""
    path = tmp_path / "退回.xlsx"
    export_xlsx(sample_report(), path)
    granted = Resolved(sample_report()).number(GRANTED) + 1
    _edit_granted_in_xlsx(path, granted)
    _assert_totals_follow_the_figures(path, granted)


@needs_soffice
def test_xlsx_hand_edit_recalculated_by_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "edited" / "退回.xlsx"
    path.parent.mkdir()
    export_xlsx(sample_report(), path)
    granted = Resolved(sample_report()).number(GRANTED) + 1
    _edit_granted_in_xlsx(path, granted)
    _assert_totals_follow_the_figures(convert(path, "xlsx", tmp_path), granted)


def test_a_blank_total_is_blank_everywhere(tmp_path: Path) -> None:
    """A total left empty reads as blank (null in check --json) with value.blank, in a gkdesk export edited by
    hand and in a file typed by others; the arithmetic counts it as its sum, so it is reported once."""
    original = sample_report()
    path = tmp_path / "退回.xlsx"
    export_xlsx(original, path)
    workbook = openpyxl.load_workbook(path)
    workbook["表三"]["J6"] = None  # 一、本年新收 总计, emptied
    workbook.save(path)
    result = read_with_result(path)
    assert Resolved(result.report).stated("requests.new.total") is None
    assert values_json(result.report)["requests"]["new"]["total"] is None
    rules = [f.rule for f in import_findings(result) + run_checks(result.report)]
    assert "value.blank" in rules and "T3.row_total" not in rules and "T3.balance" not in rules
    reread = tmp_path / "退回.gkr"
    save_gkr(result.report, reread)
    assert Resolved(load_gkr(reread)).stated("requests.new.total") is None


def test_a_blank_total_in_a_page_is_null_in_check_json(tmp_path: Path) -> None:
    page = Page(blank_values={"requests.new.total", "requests.new.natural"})
    result = read_with_result(write_page(tmp_path / "p.htm", COUNTY_DEPT_2023, page))
    values = values_json(result.report)
    assert values["requests"]["new"]["total"] is None and values["requests"]["new"]["natural"] is None
    assert values["requests"]["carried_over"]["total"] == 1
    blank = [f for f in import_findings(result) + run_checks(result.report) if f.rule == "value.blank"]
    assert {f.severity for f in blank} == {"warning"} and len(blank) == 2
