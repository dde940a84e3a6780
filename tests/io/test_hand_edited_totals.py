"""A gkdesk export edited by hand: the report states what the document prints, totals included, and a
comparison with the original lists only the cells that really changed."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from gkdesk.checks import run_checks
from gkdesk.io.docx.export import export_docx
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Resolved
from gkdesk.review.compare import compare_reports
from tests.helpers import sample_report

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
