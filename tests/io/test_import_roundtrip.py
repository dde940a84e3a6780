"""Round trips through gkdesk's own .docx/.xlsx, and hand edits after export."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import load_gkr
from gkdesk.io.import_result import import_findings, import_problems
from gkdesk.io.open import read_report, read_with_result
from gkdesk.io.own.read import choose_embedded
from gkdesk.io.xlsx.export import export_xlsx
from tests.conftest import SAMPLE_GKR


def _sample_with_comment():  # type: ignore[no-untyped-def]
    report = load_gkr(SAMPLE_GKR)
    report.add_comment("requests.new.natural", "县政务公开办", "请核对本年新收申请数")
    return report


def test_gkr_docx_gkr_is_the_same_report(tmp_path: Path) -> None:
    report = _sample_with_comment()
    export_docx(report, tmp_path / "r.docx")
    result = read_with_result(tmp_path / "r.docx")
    assert result.kind == "own"
    assert result.report == report
    assert result.problems == []


def test_gkr_xlsx_gkr_is_the_same_report(tmp_path: Path) -> None:
    report = _sample_with_comment()
    export_xlsx(report, tmp_path / "r.xlsx")
    result = read_with_result(tmp_path / "r.xlsx")
    assert result.kind == "own"
    assert result.report == report


def _table_cell(document: docx.document.Document, row_label: str, column: int) -> docx.table._Cell:
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text.strip() == row_label:
                return row.cells[column]
    raise AssertionError(row_label)


def test_hand_edit_in_word_is_detected_and_the_visible_value_read(tmp_path: Path) -> None:
    report = load_gkr(SAMPLE_GKR)
    path = tmp_path / "r.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    _table_cell(document, "一、本年新收政府信息公开申请数量", 3).text = "15"
    document.save(str(path))
    result = read_with_result(path)
    assert result.kind == "own"
    assert [(d.key, d.embedded, d.visible) for d in result.differences] == [("requests.new.natural", "14", "15")]
    assert result.report.values["requests.new.natural"] == 15
    assert any(p.cell == "requests.new.natural" and p.kind == "hand_edit" for p in result.problems)
    choose_embedded(result, "requests.new.natural")
    assert result.report.values["requests.new.natural"] == 14


def test_check_sees_hand_edits_through_the_hook(tmp_path: Path) -> None:
    report = load_gkr(SAMPLE_GKR)
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["表二"]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == 2967:
                cell.value = 3000
    workbook.save(path)
    opened = read_with_result(path)
    assert opened.report.values["proactive.penalty.decisions"] == 3000
    assert any("2967" in line and "3000" in line for line in import_problems(opened))
    assert [f.rule for f in import_findings(opened)] == ["import.hand_edit"]
    assert read_report(path).values == opened.report.values
