"""Reading .docx reports typed by others: every cell on its key, the right findings, the 2019 format."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from gkdesk.checks import run_checks
from gkdesk.io.docx.read import read_docx
from gkdesk.io.errors import ReportFileError
from gkdesk.io.foreign.table_match import TableReading, _Entry
from gkdesk.io.gkr import load_gkr
from gkdesk.io.import_result import import_problems
from gkdesk.io.open import read_report, read_with_result
from gkdesk.model import Invalid
from gkdesk.spec import load_spec
from tests.conftest import FIXTURES, SAMPLE_GKR
from tests.io.docx_variants import Variant, build_docx

VARIANTS = {
    "plain": Variant(),
    "repeated_merges": Variant(merge="repeat"),
    "halfwidth": Variant(halfwidth=True),
    "spaces_in_labels": Variant(spaces=True),
    "altered_headers": Variant(altered_headers=True),
    "fullwidth_padded_digits": Variant(fullwidth_digits=True, padding=True),
    "split_table": Variant(split_requests_at=15),
    "split_table_header_repeated": Variant(split_requests_at=12, repeat_header_on_split=True),
    "extra_empty_rows_and_col": Variant(extra_empty_rows=True, extra_empty_col=True),
    "everything": Variant(
        merge="repeat",
        halfwidth=True,
        spaces=True,
        altered_headers=True,
        fullwidth_digits=True,
        padding=True,
        split_requests_at=20,
        extra_empty_rows=True,
        extra_empty_col=True,
    ),
    "2019": Variant(edition="2019", year=2020),
    "2019_repeated_halfwidth": Variant(edition="2019", year=2019, merge="repeat", halfwidth=True, spaces=True),
    "unmerged_no_corner": Variant(merge="none", corner_text=False),
    "unmerged_no_corner_split": Variant(merge="none", corner_text=False, split_requests_at=12),
    "2019_unmerged_no_corner": Variant(edition="2019", year=2020, merge="none", corner_text=False),
    "2019_tables_in_2021": Variant(edition="2019", year=2021, merge="none", corner_text=False),
}


def _split(values: dict, edition: str) -> tuple[dict, dict]:
    cells = load_spec(edition).cells
    return (
        {k: v for k, v in values.items() if not cells[k].derived},
        {k: v for k, v in values.items() if cells[k].derived},
    )


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_cell_lands_on_its_key(tmp_path: Path, name: str) -> None:
    variant = VARIANTS[name]
    path = tmp_path / f"{name}.docx"
    shown = build_docx(path, variant)
    result = read_docx(path)
    report = result.report
    assert result.kind == "foreign"
    assert report.edition == variant.edition
    assert (report.organ, report.year) == (variant.organ, variant.year)
    inputs, totals = _split(shown, variant.edition)
    assert report.values == inputs
    assert report.declared == totals
    assert [str(p) for p in result.problems] == []
    assert set(report.narratives) == {s.key for s in report.spec.narrative_sections}


def test_blank_slash_dash_and_text_are_kept_not_zero(tmp_path: Path) -> None:
    overrides = {
        "requests.new.natural": "",
        "requests.new.commercial": "/",
        "requests.new.research": "—",
        "requests.granted.natural": "无",
        "proactive.regulation.issued": "-3",
        "proactive.fee.amount_wan": "1.23456",
    }
    path = tmp_path / "odd.docx"
    build_docx(path, Variant(text_overrides=overrides))
    report = read_docx(path).report
    assert "requests.new.natural" not in report.values
    assert report.values["requests.new.commercial"] == Invalid("/")
    assert report.values["requests.new.research"] == Invalid("—")
    assert report.values["requests.granted.natural"] == Invalid("无")
    assert report.values["proactive.regulation.issued"] == Invalid("-3")
    assert report.values["proactive.fee.amount_wan"] == Invalid("1.23456")
    findings = run_checks(report)
    blank = {c for f in findings if f.rule == "value.blank" for c in f.cells}
    invalid = {f.anchor for f in findings if f.rule == "value.invalid"}
    assert "requests.new.natural" in blank
    assert {
        "requests.new.commercial",
        "requests.new.research",
        "requests.granted.natural",
        "proactive.regulation.issued",
        "proactive.fee.amount_wan",
    } <= invalid


def test_declared_totals_that_disagree_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "totals.docx"
    build_docx(path, Variant(text_overrides={"requests.new.total": "999"}))
    report = read_docx(path).report
    assert report.declared["requests.new.total"] == 999
    assert any(f.rule == "T3.row_total" and "requests.new.total" in f.cells for f in run_checks(report))


def test_unplaceable_cells_are_reported_with_position(tmp_path: Path) -> None:
    path = tmp_path / "extra.docx"
    build_docx(path)
    document = docx.Document(str(path))
    table = document.tables[1]  # table 三
    row = table.add_row()
    row.cells[0].text = "五、另加的一行"
    row.cells[4].text = "7"
    document.tables[2].add_column(docx.shared.Cm(1)).cells[3].text = "8"
    document.save(str(path))
    problems = [str(p) for p in read_docx(path).problems]
    assert any(p.startswith("第2个表格第29行第5列") and "“7”" in p for p in problems), problems
    assert any(p.startswith("第3个表格第4行第16列") and "“8”" in p for p in problems), problems


def test_missing_rows_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "missing.docx"
    build_docx(path)
    document = docx.Document(str(path))
    table = document.tables[1]
    table._tbl.remove(table.rows[27]._tr)  # 四、结转下年度继续办理
    document.save(str(path))
    result = read_docx(path)
    assert "requests.carried_forward.natural" not in result.report.values
    assert any("结转下年度继续办理" in str(p) for p in result.problems)


def test_tongxin_reads_completely_and_checks_like_the_sample() -> None:
    result = read_with_result(FIXTURES / "tongxin-2021-report.docx")
    report = result.report
    sample = load_gkr(SAMPLE_GKR)
    assert import_problems(result) == []
    assert report.values == sample.values
    assert (report.organ, report.year, report.contact, report.opening) == (
        sample.organ,
        sample.year,
        sample.contact,
        sample.opening,
    )
    for key, paragraphs in sample.narratives.items():
        assert [p.text for p in report.narratives[key]] == [p.text for p in paragraphs]
    assert report.declared["requests.new.total"] == 14
    assert report.values["proactive.fee.amount_wan"] == Decimal("1340.5117")
    assert sorted(f.key for f in run_checks(report)) == sorted(f.key for f in run_checks(sample))


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04broken", b"\x00" * 100])
def test_damaged_files_get_a_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ReportFileError, match=r"bad\.docx"):
        read_report(path)


def test_a_word_document_that_is_not_a_report_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("关于召开会议的通知")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "姓名"
    document.save(str(path))
    with pytest.raises(ReportFileError, match="不是政府信息公开工作年度报告"):
        read_report(path)


def test_the_year_in_the_title_decides_the_edition_unless_the_tables_clearly_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A slightly better score of the other edition does not override the year; a clear fit does."""
    from gkdesk.io.foreign import assemble as foreign
    from gkdesk.io.import_result import ImportProblem

    def fake(unplaced: dict[str, int], filled: dict[str, int]) -> None:
        def read_tables(grids: list, edition: str) -> TableReading:
            reading = TableReading(edition)
            reading.problems = [ImportProblem("unplaced", "x")] * unplaced[edition]
            reading.entries = {f"k{i}": [_entry("1")] for i in range(filled[edition])}
            return reading

        monkeypatch.setattr(foreign, "read_tables", read_tables)

    fake({"2019": 1, "2021": 2}, {"2019": 190, "2021": 190})
    assert foreign.best_reading([], 2021).edition == "2021"
    assert foreign.best_reading([], 2020).edition == "2019"
    assert foreign.best_reading([], None).edition == "2019"  # no year: the better fit
    fake({"2019": 0, "2021": 27}, {"2019": 198, "2021": 172})
    assert foreign.best_reading([], 2021).edition == "2019"


def _entry(text: str) -> _Entry:
    return _Entry(text, "")


@pytest.mark.parametrize("builder", ["docx", "xlsx"])
def test_a_blank_total_cell_is_reported(tmp_path: Path, builder: str) -> None:
    """Totals are derived, so only the reader can tell the published table shows an empty cell."""
    from gkdesk.io.import_result import import_findings
    from tests.io.xlsx_variants import SheetVariant, build_xlsx

    blank = {"requests.new.total": "", "appeals.reconsideration.total": ""}
    path = tmp_path / f"blank.{builder}"
    if builder == "docx":
        build_docx(path, Variant(text_overrides=blank))
    else:
        build_xlsx(path, SheetVariant(text_overrides=blank))
    result = read_with_result(path)
    found = {f.anchor: f for f in import_findings(result) if f.rule == "value.blank"}
    assert set(found) == set(blank)
    assert all(f.severity == "warning" and f.cells == (f.anchor,) for f in found.values())
    assert "表三「一、本年新收政府信息公开申请数量」行「总计」列为空白" in found["requests.new.total"].message
    assert "表四「行政复议」行「总计」列为空白" in found["appeals.reconsideration.total"].message
    assert found["requests.new.total"].section == "requests"


@pytest.mark.parametrize(("builder", "table"), [("docx", "requests"), ("xlsx", "requests"), ("docx", "proactive")])
def test_a_missing_table_is_an_error_and_check_exits_1(tmp_path: Path, builder: str, table: str) -> None:
    from gkdesk.io.import_result import import_findings
    from tests.cli.test_check_cli import run_cli
    from tests.io.xlsx_variants import SheetVariant, build_xlsx

    path = tmp_path / f"no-table.{builder}"
    if builder == "docx":
        build_docx(path)
        document = docx.Document(str(path))
        tbl = document.tables[list(load_spec("2021").tables).index(table)]._tbl
        tbl.getparent().remove(tbl)
        document.save(str(path))
    else:
        build_xlsx(path, SheetVariant(omit=(table,)))
    section = next(s for s in load_spec("2021").sections if s.table == table)
    name = f"表{section.number}（{load_spec('2021').tables[table].title}）"
    errors = [f for f in import_findings(read_with_result(path)) if f.is_error]
    assert [(f.rule, f.section) for f in errors] == [("import.missing_table", section.key)]
    assert f"未找到{name}" in errors[0].message
    result = run_cli("check", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"[错误] import.missing_table：未找到{name}" in result.stdout
