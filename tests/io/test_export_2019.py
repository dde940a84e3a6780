"""A 2020 report (edition 2019, 国办公开办函〔2019〕60号) exported to .docx and .xlsx: the 2019 tables'
labels and merges, validation allowing negative 本年增/减, and a lossless round trip via the embedded data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.docx.export import export_docx
from gkdesk.io.own.embedded import read_own_docx, read_own_xlsx
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.tables import TOP, table_sheet
from gkdesk.model import Report
from gkdesk.spec import build_layout
from tests.helpers import filled_report
from tests.io.layout_asserts import assert_docx_tables_follow_layout, assert_xlsx_sheets_follow_layout


def report_2020() -> Report:
    report = filled_report(2020)
    assert report.edition == "2019"
    report.values["proactive.license.prev_items"] = 120
    report.values["proactive.license.delta"] = -7  # 本年增/减 may be negative
    report.values["proactive.fee.delta"] = 3
    report.values["proactive.procurement.items"] = 12
    report.values["proactive.procurement.amount"] = Decimal("356.25")
    report.values["requests.new.natural"] = 5
    report.values["requests.other.natural"] = 5  # （六）其他处理: one row in 2019
    return report


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("ed2019")
    report = report_2020()
    docx_path, xlsx_path = folder / "r2020.docx", folder / "r2020.xlsx"
    export_docx(report, docx_path)
    export_xlsx(report, xlsx_path)
    return docx_path, xlsx_path


def test_2019_tables_have_their_own_rows_and_columns() -> None:
    spec = report_2020().spec
    proactive = spec.tables["proactive"]
    labels = {c.label for row in proactive.rows for c in row.columns}
    assert {"上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额"} <= labels
    assert "政府集中采购" in {row.label for row in proactive.rows}
    requests = [row.key for row in spec.tables["requests"].rows]
    assert "other" in requests and "other_1" not in requests


def test_docx_reproduces_every_2019_label_and_merge(files: tuple[Path, Path]) -> None:
    document = docx.Document(str(files[0]))
    assert_docx_tables_follow_layout(document, report_2020().spec)
    texts = [cell.text for cell in document.tables[0]._cells]
    assert "-7" in texts and "356.25" in texts and "（六）其他处理" in [c.text for c in document.tables[1]._cells]


def test_xlsx_reproduces_every_2019_label_and_merge(files: tuple[Path, Path]) -> None:
    workbook = openpyxl.load_workbook(files[1])
    assert_xlsx_sheets_follow_layout(workbook, report_2020().spec)


def _validations_of(sheet: Worksheet, ref: str) -> list[object]:
    return [v for v in sheet.data_validations.dataValidation if ref in v.sqref]


def test_xlsx_validation_allows_negative_delta_only(files: tuple[Path, Path]) -> None:
    workbook = openpyxl.load_workbook(files[1])
    sheet = workbook["表二"]
    spec = report_2020().spec
    refs = {}
    for cell in build_layout(spec.tables["proactive"]).value_cells():
        assert cell.cell_key is not None
        refs[cell.cell_key] = sheet.cell(TOP + cell.row + 1, cell.col + 1).coordinate
    delta = _validations_of(sheet, refs["proactive.license.delta"])
    assert len(delta) == 1 and delta[0].type == "whole" and delta[0].operator == "between"  # type: ignore[attr-defined]
    assert int(delta[0].formula1) < 0  # type: ignore[attr-defined]
    prev = _validations_of(sheet, refs["proactive.license.prev_items"])
    assert len(prev) == 1 and prev[0].operator == "greaterThanOrEqual" and prev[0].formula1 == "0"  # type: ignore[attr-defined]
    amount = _validations_of(sheet, refs["proactive.procurement.amount"])
    assert len(amount) == 1 and amount[0].type == "custom"  # type: ignore[attr-defined]
    for key, ref in refs.items():  # every input cell has exactly one rule
        if not spec.cells[key].derived:
            assert len(_validations_of(sheet, ref)) == 1, key
    assert sheet[refs["proactive.license.delta"]].value == -7


def test_check_sheet_does_not_flag_a_negative_delta(files: tuple[Path, Path]) -> None:
    sheet = openpyxl.load_workbook(files[1])["校验"]
    invalid = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "value.invalid")
    spec = report_2020().spec
    section = next(s for s in spec.sections if s.table == "proactive")
    refs = table_sheet(section, spec.tables["proactive"]).refs
    formula = str(invalid[4])
    assert f"COUNTIF('表二'!{refs['proactive.license.prev_items']},\"<0\")" in formula  # must not be negative
    assert f"COUNTIF('表二'!{refs['proactive.license.delta']},\"<0\")" not in formula  # 本年增/减 may be


@pytest.mark.parametrize("reader", [read_own_docx, read_own_xlsx], ids=["docx", "xlsx"])
def test_round_trip_through_embedded_data(files: tuple[Path, Path], reader: object) -> None:
    path = files[0] if reader is read_own_docx else files[1]
    own = reader(path)  # type: ignore[operator]
    original = report_2020()
    assert own.report.edition == "2019" and own.report.year == 2020
    assert own.report.values == original.values
    assert own.differences == []
