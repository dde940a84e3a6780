"""Excel export read back with openpyxl: sheets, merges, labels, formulas, validation, protection, safety."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.xlsx.cells import coordinate
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.tables import TOP
from gkdesk.model import Paragraph
from gkdesk.spec import build_layout, load_spec
from tests.helpers import sample_report
from tests.io.layout_asserts import assert_xlsx_sheets_follow_layout

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(scope="module")
def exported_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = sample_report()
    report.narratives["other"] = [
        Paragraph.plain('=HYPERLINK("http://x")'),
        Paragraph.plain("-1 件"),
        Paragraph.plain("@x"),
    ]
    path = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    export_xlsx(report, path)
    return path


@pytest.fixture(scope="module")
def workbook(exported_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(exported_path)


def test_sheets(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["基本信息", "表二", "表三", "表四", "文字部分", "校验", "gkdesk_data"]
    info = workbook["基本信息"]
    assert (info["A1"].value, info["B1"].value) == (load_spec("2021").field("organ").label, "同心县")
    assert info["B3"].value == "2021"


def test_tables_have_every_label_and_merge(workbook: openpyxl.Workbook) -> None:
    assert_xlsx_sheets_follow_layout(workbook, sample_report().spec)


def test_inputs_unlocked_totals_formulas_protected(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表三"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet["D6"].value == 14 and sheet["D6"].protection.locked is False
    assert sheet["J6"].value == "=SUM(D6,E6,F6,G6,H6,I6)" and sheet["J6"].protection.locked
    assert sheet["D29"].value == "=SUM(D8:D28)"  # （七）总计 over （一）…（六）
    assert sheet["A6"].protection.locked


def test_validation(workbook: openpyxl.Workbook) -> None:
    counts = workbook["表三"].data_validations.dataValidation
    whole = next(v for v in counts if v.type == "whole")
    assert whole.operator == "greaterThanOrEqual" and whole.formula1 == "0" and "D6" in str(whole.sqref)
    fee = [v for v in workbook["表二"].data_validations.dataValidation if v.type == "custom"]
    assert len(fee) == 1 and "ROUND(B16,4)=B16" in fee[0].formula1 and "B16>=0" in fee[0].formula1
    assert workbook["表二"]["B16"].value == pytest.approx(1340.5117)


def test_print_setup(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["表三"]
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    setup = sheet.sheet_properties.pageSetUpPr
    assert setup is not None and setup.fitToPage
    assert sheet.print_title_rows == "$3:$5"


def test_text_never_becomes_a_formula(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["文字部分"]
    texts = {row[2].value: row[2] for row in sheet.iter_rows(min_row=2)}
    for text in ('=HYPERLINK("http://x")', "-1 件", "@x"):
        assert texts[text].data_type == "s" and texts[text].quotePrefix


def test_check_sheet_formulas_come_from_the_spec(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["校验"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    rules = {row[0] for row in rows}
    assert {check.id for check in sample_report().spec.checks} == rules
    balance = [row for row in rows if row[0] == "T3.balance"]
    assert len(balance) == 7
    assert balance[0][4] == "=SUM('表三'!D6,'表三'!D7)" and balance[0][5] == "=SUM('表三'!D29,'表三'!D30)"
    assert balance[0][6] == '=IF(E2=F2,"通过","不通过")'
    mismatch = next(row for row in rows if row[0] == "text.table_mismatch")
    assert mismatch[6] == "不通过（静态）" and "静态" in str(mismatch[7])
    # severities in the words of the window and the command line
    severity = {check.id: check.severity for check in sample_report().spec.checks}
    assert mismatch[1] == "警告" and balance[0][1] == "错误"
    assert all(row[1] == ("错误" if severity[str(row[0])] == "error" else "警告") for row in rows)
    rules_cf = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert any('="不通过"' in rule.formula[0] for rule in rules_cf)


def _raw_styles(path: Path, sheet_index: int) -> tuple[dict[str, int], list[etree._Element], list[etree._Element]]:
    """(cell ref → xf index) of one sheet as written, the cellXfs and the borders of styles.xml."""
    with zipfile.ZipFile(path) as archive:
        sheet = etree.fromstring(archive.read(f"xl/worksheets/sheet{sheet_index + 1}.xml"))
        styles = etree.fromstring(archive.read("xl/styles.xml"))
    refs = {c.get("r"): int(c.get("s", "0")) for c in sheet.iter(f"{{{MAIN}}}c")}
    xfs = list(styles.find(f"{{{MAIN}}}cellXfs"))
    borders = list(styles.find(f"{{{MAIN}}}borders"))
    return refs, xfs, borders


def test_every_cell_of_a_merged_range_is_written_with_borders_and_its_style(exported_path: Path) -> None:
    """Excel and LibreOffice draw a merged range's outline from its edge cells: each cell needs the border
    (openpyxl's reader rebuilds merged cells, so the written XML is checked)."""
    report = sample_report()
    spec = report.spec
    names = openpyxl.load_workbook(exported_path, read_only=True).sheetnames
    merged_inputs = 0
    for section in (s for s in spec.sections if s.table):
        refs, xfs, borders = _raw_styles(exported_path, names.index(f"表{section.number}"))
        for cell in build_layout(spec.tables[section.table or ""]).cells:
            top = coordinate(TOP + cell.row, cell.col)
            for r in range(cell.rowspan):
                for c in range(cell.colspan):
                    ref = coordinate(TOP + cell.row + r, cell.col + c)
                    assert refs.get(ref) == refs[top], f"表{section.number}!{ref} styled unlike {top}"
            xf = xfs[refs[top]]
            border = borders[int(xf.get("borderId"))]
            for side in ("left", "right", "top", "bottom"):
                assert border.find(f"{{{MAIN}}}{side}").get("style") == "thin", f"表{section.number}!{top} {side}"
            if cell.kind == "value" and cell.colspan > 1 and not spec.cells[cell.cell_key or ""].derived:
                merged_inputs += 1
                assert xf.get("fillId") != "0" and xf.find(f"{{{MAIN}}}protection").get("locked") == "0"
    assert merged_inputs >= 4  # table 二's 本年处理决定数量 / 收费金额 span three columns
