"""The roll-up workbook as people read and print it: order, colours, the official layout of the totals,
by-unit sheets with two-level headers and live totals, print set-up, native charts, last year compared."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.cli import main
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import save_gkr
from gkdesk.io.xlsx.tables import table_sheet
from gkdesk.model import Resolved
from gkdesk.rollup import RollupResult, roll_up, write_rollup_xlsx
from gkdesk.rollup.book.cells import ERROR_FILL
from gkdesk.rollup.figures import main_figures
from gkdesk.rollup.previous import load_previous
from gkdesk.spec import load_spec
from tests.io.test_docx_export_render import convert, needs_soffice, pdf_pages
from tests.rollup.county_set import DEPARTMENTS, TOWNSHIPS, county_template, make_county_stick
from tests.rollup.returns import filled_report, varied_values


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_county_stick(tmp_path_factory.mktemp("county") / "stick")


@pytest.fixture(scope="module")
def rolled(stick: Path) -> Iterator[RollupResult]:
    result = roll_up([stick], template=county_template())
    yield result
    result.close()


@pytest.fixture(scope="module")
def book_path(rolled: RollupResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "汇总.xlsx"
    write_rollup_xlsx(rolled, path)
    return path


def _merged_range_of(sheet: Worksheet, text: str) -> tuple[int, int]:
    """(rows, columns) spanned by the merged range whose top-left cell holds `text`."""
    for merged in sheet.merged_cells.ranges:
        if sheet.cell(merged.min_row, merged.min_col).value == text:
            return merged.max_row - merged.min_row + 1, merged.max_col - merged.min_col + 1
    raise AssertionError(f"no merged cell holds {text}")


def test_units_follow_the_template_then_the_unlisted(book_path: Path) -> None:
    sheet = load_workbook(book_path)["完整性"]
    names = [row[1] for row in sheet.iter_rows(min_row=4, values_only=True) if row[1]]
    listed = [*TOWNSHIPS[:5], TOWNSHIPS[4], *TOWNSHIPS[5:], *DEPARTMENTS]  # 第5镇 returned twice
    assert names == [*listed, "县自然资源局"]


def test_without_a_template_units_are_in_natural_order(stick: Path) -> None:
    result = roll_up([stick])
    try:
        townships = [row.organ for row in result.rows if row.organ.startswith("第")]
        assert townships[:3] == ["第1镇人民政府", "第2镇人民政府", "第3镇人民政府"]
        assert townships.index("第2镇人民政府") < townships.index("第10镇人民政府")
    finally:
        result.close()


def test_completeness_sheet(book_path: Path, rolled: RollupResult) -> None:
    sheet = load_workbook(book_path)["完整性"]
    header = [cell.value for cell in sheet[3]]
    assert header[:4] == ["序号", "单位", "单位代码", "状态"]
    assert sheet.freeze_panes == "C4"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A3:")
    path_column = header.index("文件位置") + 1
    assert sheet.column_dimensions[sheet.cell(3, path_column).column_letter].hidden
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=4) if row[1].value}
    first = rows["第1镇人民政府"]
    assert first[header.index("文件")].value == "2025-第1镇人民政府.xlsx"
    assert Path(str(first[path_column - 1].value)).is_absolute()
    colours = {sheet.cell(row[0].row, 4).value: sheet.cell(row[0].row, 4).fill.fgColor.rgb for row in sheet.iter_rows(min_row=4)}
    assert len({colours["已报送"], colours["未报送"], colours["重复报送"], colours["未受理"]}) == 4
    refused = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[3] == "未受理"]
    assert sorted(row[header.index("文件")] for row in refused) == sorted(Path(r.file).name for r in rolled.refused)
    assert all(row[header.index("备注")] for row in refused)  # the reason


def test_county_total_in_the_official_layout(book_path: Path, rolled: RollupResult) -> None:
    book = load_workbook(book_path)
    sheet = book["全县合计表三"]
    assert _merged_range_of(sheet, "三、本年度办理结果") == (22, 1)
    assert _merged_range_of(sheet, "申请人情况") == (1, 7)
    assert rolled.totals is not None
    totals = rolled.totals.report(rolled.year)
    spec = totals.spec
    for section in spec.sections:
        if section.table is None:
            continue
        placed = table_sheet(section, spec.tables[section.table])
        target = book[f"全县合计{placed.title}"]
        for key, ref in placed.refs.items():
            value = target[ref].value
            if spec.cells[key].derived:
                assert str(value).startswith("=SUM("), key
            else:
                assert value == pytest.approx(float(totals.values[key])), key


def test_by_unit_table_three(book_path: Path, rolled: RollupResult) -> None:
    sheet = load_workbook(book_path)["表三"]
    assert sheet.freeze_panes == "B4"
    assert _merged_range_of(sheet, "（三）不予公开 · 4.保护第三方合法权益") == (1, 7)
    labels = [cell.value for cell in sheet[3]][1:8]
    assert labels == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    counted = len(rolled.counted_rows)
    units = [row[0].value for row in sheet.iter_rows(min_row=4, max_row=3 + counted)]
    assert units == [row.organ for row in rolled.counted_rows]
    total_row = 4 + counted
    assert str(sheet.cell(total_row, 1).value).startswith("合计")
    assert sheet.cell(total_row, 2).value == f"=SUM(B4:B{total_row - 1})"
    # The applicant columns fold into the row's 总计; 总计 stays visible.
    assert sheet.column_dimensions["B"].hidden and sheet.column_dimensions["B"].outlineLevel == 1
    assert not sheet.column_dimensions["H"].hidden
    # 第3镇's unbalanced figures: its name and the cells its errors name are marked.
    third = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == TOWNSHIPS[2])
    assert third[0].fill.fgColor.rgb == ERROR_FILL.fgColor.rgb
    assert third[1].fill.fgColor.rgb == ERROR_FILL.fgColor.rgb  # 一、本年新收 · 自然人
    first = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == TOWNSHIPS[0])
    assert first[1].fill.fgColor.rgb != ERROR_FILL.fgColor.rgb


def test_every_sheet_prints_one_page_wide_with_page_numbers(book_path: Path) -> None:
    book = load_workbook(book_path)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.paperSize == 9, sheet.title
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.title
    for title in ("表二", "表三", "表四"):
        assert book[title].print_title_rows == "$2:$3"
    assert book["完整性"].page_setup.orientation == "landscape"
    assert book["各单位问题"].print_title_rows == "$3:$3"


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return sorted(name for name in package.namelist() if name.startswith("xl/charts/chart"))


def test_two_native_charts_without_last_year(book_path: Path) -> None:
    assert len(_charts(book_path)) == 2
    data = load_workbook(book_path)["图表数据"]
    assert data.sheet_state == "hidden"
    applications = [row for row in data.iter_rows(min_row=2, values_only=True)][:3]
    assert all(str(row[1]).startswith("='表三'!") for row in applications)  # live: follows edits of the units' rows


def test_last_year_from_its_roll_up_or_its_folder(tmp_path: Path, rolled: RollupResult, stick: Path) -> None:
    last = tmp_path / "2024"
    last.mkdir()
    for index, name in enumerate(TOWNSHIPS):
        save_gkr(filled_report(name, year=2024, values=varied_values(index + 7)), last / f"{index}.gkr")
    last_book = tmp_path / "2024汇总.xlsx"
    assert main(["rollup", str(last), "-o", str(last_book)]) == 0
    from_book, from_folder = load_previous(last_book), load_previous(last)
    assert from_book.year == from_folder.year == 2024
    assert from_book.figures == from_folder.figures
    earlier = roll_up([last])
    try:
        assert earlier.totals is not None
        resolved = Resolved(earlier.totals.report(2024))
        assert from_book.figures["新收申请"] == resolved.number("requests.new.total") > 0
    finally:
        earlier.close()
    out = tmp_path / "汇总.xlsx"
    assert main(["rollup", str(stick), "--template", str(stick / "模板.gkt"), "-o", str(out), "--previous", str(last_book)]) == 0
    assert len(_charts(out)) == 3
    data = list(load_workbook(out)["图表数据"].iter_rows(values_only=True))
    compared = [row for row in data if row[0] in {figure.label for figure in main_figures(load_spec("2021"))}]
    assert [row[1] for row in compared] == [from_book.figures[row[0]] for row in compared]


def test_last_year_that_cannot_be_read_is_refused(tmp_path: Path, stick: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ReportFileError, match="找不到上年数据"):
        load_previous(tmp_path / "nowhere")
    fake = tmp_path / "假的.xlsx"
    fake.write_bytes(b"not a workbook")
    out = tmp_path / "汇总.xlsx"
    assert main(["rollup", str(stick), "-o", str(out), "--previous", str(fake)]) == 2
    assert "假的.xlsx" in capsys.readouterr().err and not out.exists()


def test_last_year_of_the_same_year_is_refused(
    tmp_path: Path, stick: Path, book_path: Path, rolled: RollupResult, capsys: pytest.CaptureFixture[str]
) -> None:
    """This year's roll-up (or this year's returns) given as last year's: refused, naming both years, nothing written."""
    out, county = tmp_path / "汇总.xlsx", tmp_path / "本级.gkr"
    for same in (book_path, stick):
        code = main(["rollup", str(stick), "-o", str(out), "--county", str(county), "--previous", str(same)])
        error = capsys.readouterr().err
        assert code == 2 and "2025 年度" in error and "2024 年度" in error and "相同" in error
        assert not out.exists() and not county.exists()
    with pytest.raises(ReportFileError, match="2025 年度"):
        write_rollup_xlsx(rolled, out, load_previous(book_path))
    assert not out.exists()


@needs_soffice
def test_twelve_returns_print_in_at_most_eight_pages(book_path: Path, tmp_path: Path) -> None:
    pdf = convert(book_path, "pdf", tmp_path)
    assert pdf_pages(pdf) <= 8


def rolled_up_workbook(folder: Path) -> Path:
    """The roll-up of `folder` written to 汇总.xlsx in it."""
    result = roll_up([folder])
    out = folder / "汇总.xlsx"
    try:
        write_rollup_xlsx(result, out)
    finally:
        result.close()
    return out


def test_what_a_unit_typed_instead_of_a_number_stays_text(tmp_path: Path) -> None:
    from gkdesk.model import Invalid

    report = filled_report("第1镇人民政府", values=varied_values(3))
    report.values["requests.new.commercial"] = Invalid('=HYPERLINK("http://x","点我")')
    save_gkr(report, tmp_path / "甲.gkr")
    out = rolled_up_workbook(tmp_path)
    sheet = load_workbook(out)["表三"]
    cell = next(cell for cell in sheet[4] if cell.value == '=HYPERLINK("http://x","点我")')
    assert cell.data_type == "s" and cell.fill.fgColor.rgb == ERROR_FILL.fgColor.rgb


def test_a_roll_up_with_nothing_counted_still_writes_a_readable_workbook(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("不是报告", encoding="utf-8")
    out = rolled_up_workbook(tmp_path)
    book = load_workbook(out)
    assert book.sheetnames == ["完整性", "表二", "表三", "表四", "各单位问题"]
    assert "没有可汇总的报告文件" in str(book["完整性"]["A2"].value)
    assert book["表三"]["B4"].value == 0  # no SUM of nothing (it would refer to itself)
    assert len(_charts(out)) == 0


def test_by_unit_sheets_add_up_to_the_county_totals(tmp_path: Path) -> None:
    """A unit whose printed total disagrees with its items counts with the total of its items everywhere (by-unit
    sheets, their 合计 rows, the charts' data, 全县合计, --json); the printed total is that unit's error."""
    from gkdesk.rollup import rollup_json
    from gkdesk.rollup.book.unit_tables import FIRST_UNIT_ROW, _columns

    edited = filled_report("第1镇人民政府", values=varied_values(1))
    printed = Resolved(edited).number("requests.granted.total")
    edited.values["requests.granted.natural"] = Resolved(edited).number("requests.granted.natural") + 4
    edited.set_declared("requests.granted.total", printed)
    save_gkr(edited, tmp_path / "甲.gkr")
    save_gkr(filled_report("第2镇人民政府", values=varied_values(2)), tmp_path / "乙.gkr")
    result = roll_up([tmp_path])
    out = tmp_path / "汇总.xlsx"
    try:
        write_rollup_xlsx(result, out)
        assert result.totals is not None
        county = Resolved(result.totals.report(result.year))
        stated = rollup_json(result)["totals"]["requests"]["granted"]["total"]
    finally:
        result.close()
    assert county.number("requests.granted.total") == stated == printed + 4 + Resolved(
        filled_report("第2镇人民政府", values=varied_values(2))
    ).number("requests.granted.total")
    book = load_workbook(out)
    spec = load_spec("2021")
    for section in spec.sections:
        if section.table is None:
            continue
        sheet = book[f"表{section.number}"]
        for col, column in enumerate(_columns(spec, spec.tables[section.table]), start=2):
            units = [Decimal(str(sheet.cell(row, col).value or 0)) for row in (FIRST_UNIT_ROW, FIRST_UNIT_ROW + 1)]
            assert sum(units) == county.number(column.key), column.key
    sheet = book["表三"]
    col = 2 + next(i for i, c in enumerate(_columns(spec, spec.tables["requests"])) if c.key == "requests.granted.total")
    unit_row = next(row for row in range(FIRST_UNIT_ROW, FIRST_UNIT_ROW + 2) if sheet.cell(row, 1).value == "第1镇人民政府")
    assert sheet.cell(unit_row, col).fill.fgColor.rgb == ERROR_FILL.fgColor.rgb


def _fee_book(tmp_path: Path) -> tuple[Path, Decimal]:
    fees = (Decimal("300.1234"), Decimal("295.3421"))
    for index, fee in enumerate(fees):
        report = filled_report(TOWNSHIPS[index], values=varied_values(index) | {"proactive.fee.amount_wan": fee})
        save_gkr(report, tmp_path / f"{index}.gkr")
    out = rolled_up_workbook(tmp_path)
    return out, sum(fees, Decimal(0))


def test_number_columns_fit_their_largest_figure(tmp_path: Path) -> None:
    """The 合计 row's bold fee (595.4655) fits its column; count columns keep their width."""
    from gkdesk.rollup.book.cells import text_width
    from gkdesk.rollup.book.unit_tables import VALUE_WIDTH, _columns

    out, total = _fee_book(tmp_path)
    spec = load_spec("2021")
    columns = _columns(spec, spec.tables["proactive"])
    fee = 2 + next(i for i, column in enumerate(columns) if column.key == "proactive.fee.amount_wan")
    sheet = load_workbook(out)["表二"]
    assert sheet.column_dimensions[get_column_letter(fee)].width >= round(text_width(f"{total:.4f}", bold=True), 1)
    assert sheet.column_dimensions["B"].width == VALUE_WIDTH
