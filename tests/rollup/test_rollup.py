"""Roll-up over a stick of mixed returns: completeness, duplicates, refusals, exact totals, workbook, JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gkdesk.checks import run_checks
from gkdesk.checks.report_json import values_json
from gkdesk.cli import main
from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import save_gkr
from gkdesk.io.import_result import import_findings
from gkdesk.io.open import READERS, read_report, read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Report, as_number
from gkdesk.rollup import (
    DUPLICATE,
    MISSING,
    RETURNED,
    UNLISTED,
    RollupCancelled,
    RollupResult,
    UnitRow,
    county_report,
    roll_up,
    rollup_json,
    write_rollup_xlsx,
)
from gkdesk.rollup.collect import collect
from gkdesk.template import Template, Unit, save_template
from tests.rollup.returns import balanced_values, filled_report

UNITS = (
    Unit("甲镇人民政府", "township", "001"),
    Unit("乙镇人民政府", "township", "002"),
    Unit("丙镇人民政府", "township", "003"),
    Unit("县教育局", "county_dept", "101"),
    Unit("丁镇人民政府", "township", "004"),
)
TEMPLATE = Template(2025, "2021", issuer="某某县人民政府办公室", units=UNITS)


def _save(report: Report, path: Path, mtime: float) -> Path:
    """Save as the suffix says (.gkr, or .docx / .xlsx through the exporters)."""
    if path.suffix == ".docx":
        export_docx(report, path)
    elif path.suffix == ".xlsx":
        export_xlsx(report, path)
    else:
        save_gkr(report, path)
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mixed kinds: 甲 clean (.docx); 乙 with an unbalanced table 三 (.xlsx, in a sub-folder); 丙 returned twice
    (.gkr); 教育局 sent last year's; 丁 missing; an unlisted unit; a report without an organ; a report in the
    2019 format; damaged .gkr, .docx and .xlsx files; a lock file, a text file and the template."""
    root = tmp_path_factory.mktemp("rollup") / "stick"
    (root / "乙镇").mkdir(parents=True)
    _save(filled_report("甲镇人民政府", values=balanced_values(1)), root / "2025-甲镇人民政府-政府信息公开年报.docx", 1000)
    broken = balanced_values(2) | {"requests.new.natural": 40}
    _save(filled_report("乙镇人民政府", values=broken), root / "乙镇" / "乙镇年报.xlsx", 1000)
    old = filled_report("丙镇人民政府", values=balanced_values(3))
    _save(old, root / "丙镇-旧.gkr", 1000)
    newer = filled_report("丙镇 人民政府", values=balanced_values(4))
    newer.acknowledge("value.blank@proactive", "无")
    newer.add_comment("requests.new.natural", "县政务公开办", "请核实")
    _save(newer, root / "丙镇-新.gkr", 2000)
    _save(filled_report("县教育局", year=2024, level="county_dept"), root / "教育局2024.gkr", 1000)
    _save(filled_report("=HYPERLINK(\"http://x\")镇", values=balanced_values(5)), root / "外来.gkr", 1000)
    _save(filled_report("", values=balanced_values(6)), root / "无名.gkr", 1000)
    _save(Report(edition="2019", year=2025, organ="戊镇人民政府"), root / "旧格式.gkr", 1000)
    (root / "损坏.gkr").write_bytes(b'{"format": "gkdesk-report", "file_version": 1, "values": [')
    (root / "损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "空表.xlsx").write_bytes(b"")
    (root / "~$锁定.gkr").write_bytes(b"lock")
    (root / "备注.txt").write_text("不是报告", encoding="utf-8")
    save_template(TEMPLATE, root / "模板.gkt")
    return root


@pytest.fixture(scope="module")
def result(stick: Path) -> Iterator[RollupResult]:
    """The stick rolled up against the template (read once: .docx import is slow)."""
    rolled = roll_up([stick], template=TEMPLATE)
    yield rolled
    rolled.close()


def _by_organ(rows: list[UnitRow]) -> dict[str, list[UnitRow]]:
    found: dict[str, list[UnitRow]] = {}
    for row in rows:
        found.setdefault(row.organ, []).append(row)
    return found


def test_completeness_table(result: RollupResult) -> None:
    assert (result.year, result.edition) == (2025, "2021")
    assert [row.organ for row in result.rows[:6]] == [
        "甲镇人民政府", "乙镇人民政府", "丙镇人民政府", "丙镇人民政府", "县教育局", "丁镇人民政府",
    ]
    rows = _by_organ(result.rows)
    jia, = rows["甲镇人民政府"]
    assert (jia.status, jia.errors, jia.warnings, jia.unit) == (RETURNED, 0, 0, UNITS[0])
    yi, = rows["乙镇人民政府"]
    assert yi.status == RETURNED and yi.errors >= 1
    counted, duplicate = rows["丙镇人民政府"]
    assert counted.status == RETURNED and Path(counted.file or "").name == "丙镇-新.gkr"
    assert counted.open_comments == 1 and "丙镇-旧.gkr" in counted.note
    assert duplicate.status == DUPLICATE and "丙镇-新.gkr" in duplicate.note
    assert [row.status for row in rows["县教育局"]] == [MISSING]
    assert [row.status for row in rows["丁镇人民政府"]] == [MISSING]
    outsider, = rows['=HYPERLINK("http://x")镇']
    assert outsider.status == UNLISTED
    assert len(result.rows) == 7


def test_refusals_have_reasons(result: RollupResult) -> None:
    reasons = {Path(r.file).name: r.reason for r in result.refused}
    assert set(reasons) == {"教育局2024.gkr", "无名.gkr", "旧格式.gkr", "损坏.gkr", "损坏.docx", "空表.xlsx"}
    assert "损坏" in reasons["损坏.docx"] or "不是" in reasons["损坏.docx"]
    assert "年度不符" in reasons["教育局2024.gkr"] and "2024" in reasons["教育局2024.gkr"]
    assert "机关名称" in reasons["无名.gkr"]
    assert "格式版本不符" in reasons["旧格式.gkr"]
    assert "损坏" in reasons["损坏.gkr"]
    assert [Path(p).name for p in result.template_files] == ["模板.gkt"]


def test_counts_match_the_checks_engine(result: RollupResult) -> None:
    for row in result.rows:
        if row.file is None:
            continue
        read = read_with_result(row.file)
        report = read.report
        findings = import_findings(read) + run_checks(report)
        errors = sum(1 for f in findings if f.is_error)
        unacknowledged = sum(1 for f in findings if not f.is_error and f.key not in report.acknowledgements)
        assert (row.errors, row.warnings) == (errors, unacknowledged), row.file


def test_totals_are_exact_sums_of_the_counted_returns(result: RollupResult) -> None:
    counted = [read_report(row.file) for row in result.counted_rows if row.file]
    assert len(counted) == 4  # 甲, 乙, 丙 (newer), the unlisted unit
    assert result.totals is not None
    for key in ("requests.new.natural", "proactive.license.decisions", "appeals.reconsideration.upheld"):
        assert result.totals.sums[key] == sum(as_number(r.values[key]) for r in counted)
    fee = result.totals.sums["proactive.fee.amount_wan"]
    assert isinstance(fee, Decimal)
    assert fee == sum((as_number(r.values["proactive.fee.amount_wan"]) for r in counted), Decimal(0))
    assert fee == Decimal("0.4") + Decimal("0.0001") + Decimal("0.0002") + Decimal("0.0004") + Decimal("0.0005")
    county = county_report(result, "某某县人民政府", template=TEMPLATE)
    assert county.values == result.totals.sums and county.narratives == {} and county.year == 2025
    table_rules = {f.rule for f in run_checks(county) if f.rule.split(".")[0] in ("T2", "T3", "T4", "value")}
    assert {f.rule for f in result.total_findings} == table_rules
    assert "T3.balance" in table_rules  # 乙's imbalance carries into the totals


def test_totals_are_checked_by_the_table_rules_only(result: RollupResult, tmp_path: Path) -> None:
    """The totals have no text: no section_missing / fee_statement findings in JSON or the 合计校验 sheet."""
    assert result.total_findings
    assert all(f.rule.split(".")[0] in ("T2", "T3", "T4", "value") for f in result.total_findings)
    totals = [f["rule"] for f in rollup_json(result)["findings"] if f["file"] is None]
    assert totals and not any(rule.startswith(("structure.", "text.")) for rule in totals)
    out = tmp_path / "汇总.xlsx"
    write_rollup_xlsx(result, out)
    rows = load_workbook(out)["各单位问题"].iter_rows(min_row=4, values_only=True)
    assert [row[2] for row in rows if row[0] == "全县合计"] == [f.rule for f in result.total_findings]


def test_fee_sum_has_no_float_drift(tmp_path: Path) -> None:
    for i in range(10):
        save_gkr(filled_report(f"单位{i}", values={"proactive.fee.amount_wan": Decimal("0.1")}), tmp_path / f"{i}.gkr")
    result = roll_up([tmp_path])
    assert result.totals is not None and result.totals.sums["proactive.fee.amount_wan"] == Decimal("1.0")
    assert rollup_json(result)["totals"]["proactive"]["fee"]["amount_wan"] == 1.0
    result.close()


def test_without_a_template_the_majority_year_is_rolled_up(stick: Path) -> None:
    result = roll_up([stick])
    assert result.year == 2025
    assert all(row.status != MISSING for row in result.rows)
    assert {"教育局2024.gkr", "损坏.gkr"} <= {Path(r.file).name for r in result.refused}
    result.close()


def test_cancel(stick: Path) -> None:
    seen: list[int] = []

    def progress(done: int, total: int, current: Path | None) -> bool:
        seen.append(done)
        return done < 3

    with pytest.raises(RollupCancelled):
        roll_up([stick], template=TEMPLATE, progress=progress)
    assert seen == [0, 1, 2, 3]


def test_explicit_files_and_unsupported_ones(stick: Path, tmp_path: Path) -> None:
    files = [stick / "2025-甲镇人民政府-政府信息公开年报.docx", stick / "备注.txt", tmp_path / "nowhere.gkr"]
    result = roll_up(files, template=TEMPLATE)
    assert [row.status for row in result.rows].count(RETURNED) == 1
    reasons = {Path(r.file).name: r.reason for r in result.refused}
    assert "不支持的文件类型" in reasons["备注.txt"] and "找不到文件" in reasons["nowhere.gkr"]
    result.close()


def test_workbook(result: RollupResult, tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    write_rollup_xlsx(result, out)
    book = load_workbook(out)
    assert book.sheetnames == [
        "完整性", "全县合计表二", "全县合计表三", "全县合计表四", "表二", "表三", "表四", "各单位问题", "图表数据",
    ]
    complete = list(book["完整性"].iter_rows(min_row=4, values_only=True))
    assert [(r[1], r[3]) for r in complete][:3] == [("甲镇人民政府", "已报送"), ("乙镇人民政府", "已报送"), ("丙镇人民政府", "已报送")]
    assert book["完整性"]["B10"].value == '=HYPERLINK("http://x")镇' and book["完整性"]["B10"].data_type == "s"
    refused = [r for r in complete if r[3] == "未受理"]
    assert {r[8] for r in refused} == {Path(r.file).name for r in result.refused}
    table3 = list(book["表三"].iter_rows(values_only=True))
    column = next(cell.column - 1 for cell in book["表三"][3] if cell.value == "自然人")  # the first: 一、本年新收
    units = table3[3:-3]
    assert len(units) == 4 and str(table3[-3][0]).startswith("合计")
    assert table3[-3][column] == f"=SUM({book['表三'].cell(4, column + 1).column_letter}4:{book['表三'].cell(4, column + 1).column_letter}7)"
    fee_column = next(cell.column for cell in book["表二"][3] if cell.value == "本年收费金额（单位：万元）")
    table2_units = list(book["表二"].iter_rows(min_row=4, max_row=7, values_only=True))
    assert sum(float(str(row[fee_column - 1])) for row in table2_units) == pytest.approx(0.4012)
    problems = list(book["各单位问题"].iter_rows(min_row=4, values_only=True))
    assert any(r[0] == "乙镇人民政府" and r[2] == "T3.balance" for r in problems)
    # A later roll-up over a folder holding this workbook says what it is instead of misreading it.
    again = roll_up([out])
    assert list(again.rows) == [] and "汇总表" in again.refused[0].reason
    again.close()


def test_the_output_workbook_is_never_taken_for_a_return(tmp_path: Path) -> None:
    save_gkr(filled_report("甲镇人民政府"), tmp_path / "甲.gkr")
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"previous roll-up")
    found = collect([tmp_path], [".gkr", ".xlsx"], exclude=[out])
    try:
        assert [Path(p).name for p in found.paths()] == ["甲.gkr"]
    finally:
        found.close()


def test_cli_json_shape(stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = stick / "模板.gkt"
    out = tmp_path / "out.xlsx"
    county = tmp_path / "县.gkr"
    code = main(["rollup", str(stick), "-o", str(out), "--template", str(template), "--json", "--county", str(county), "--organ", "某某县人民政府"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"units", "refused", "totals", "findings"}
    assert all(set(u) >= {"file", "organ", "status", "errors", "warnings"} for u in data["units"])
    assert {u["status"] for u in data["units"]} == {RETURNED, MISSING, DUPLICATE, UNLISTED}
    assert all(set(r) == {"file", "reason"} for r in data["refused"])
    shape = values_json(Report.new(2025))
    assert {t: {r: set(c) for r, c in rows.items()} for t, rows in data["totals"].items()} == {
        t: {r: set(c) for r, c in rows.items()} for t, rows in shape.items()
    }
    assert any(f["file"] and f["rule"] == "T3.balance" for f in data["findings"])
    assert out.exists()
    made = read_report(county)
    assert made.organ == "某某县人民政府" and made.value("requests.new.natural") == data["totals"]["requests"]["new"]["natural"]


def test_cli_text_and_nothing_to_roll_up(stick: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rollup", str(stick), "--template", str(stick / "模板.gkt")]) == 0
    text = capsys.readouterr().out
    assert "丁镇人民政府：未报送" in text and "年度不符" in text
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["rollup", str(empty)]) == 2


def test_worker_processes_give_the_same_roll_up(tmp_path: Path) -> None:
    for i in range(8):
        save_gkr(filled_report(f"单位{i}", values=balanced_values(i)), tmp_path / f"{i}.gkr")
    (tmp_path / "损坏.gkr").write_text("{", encoding="utf-8")
    serial, parallel = roll_up([tmp_path]), roll_up([tmp_path], workers=2)
    try:
        assert [(r.organ, r.status, r.errors, r.warnings, r.file) for r in serial.rows] == [
            (r.organ, r.status, r.errors, r.warnings, r.file) for r in parallel.rows
        ]
        assert serial.refused == parallel.refused
        assert serial.totals is not None and parallel.totals is not None
        assert serial.totals.sums == parallel.totals.sums
        assert rollup_json(serial) == rollup_json(parallel)
    finally:
        serial.close()
        parallel.close()


def test_a_hand_edited_export_counts_as_shown_and_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "甲.xlsx"
    export_xlsx(filled_report("甲镇人民政府", values=balanced_values(1) | {"proactive.license.decisions": 4321}), path)
    book = load_workbook(path)
    edited = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == 4321:
                    cell.value = 4322
                    edited += 1
    assert edited >= 1
    book.save(path)
    result = roll_up([path])
    try:
        assert result.totals is not None and result.totals.sums["proactive.license.decisions"] == 4322
        findings = rollup_json(result)["findings"]
        assert any(f["rule"] == "import.hand_edit" and "4321" in f["message"] for f in findings)
        assert result.rows[0].warnings >= 1
    finally:
        result.close()


def test_an_empty_folder_says_why_nothing_was_rolled_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "说明.txt").write_text("不是报告", encoding="utf-8")
    result = roll_up([empty])
    assert result.totals is None and result.files_found == 0
    reason = f"文件夹中没有可汇总的报告文件（{'/'.join(READERS)}）"
    assert result.nothing_reason == reason and list(READERS)[:3] == [".gkr", ".docx", ".xlsx"]
    result.close()
    assert main(["rollup", str(empty)]) == 2
    out, err = capsys.readouterr()
    assert "年度汇总" not in out
    assert f"无法汇总：{reason}" in err
    (empty / "损坏.gkr").write_text("{", encoding="utf-8")
    assert main(["rollup", str(empty)]) == 2
    out, err = capsys.readouterr()
    assert "损坏.gkr" in out and "1 个报告文件均未受理" in err


def test_a_tie_between_years_is_explained_not_called_a_majority(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_gkr(filled_report("甲镇人民政府", year=2020), tmp_path / "甲2020.gkr")
    save_gkr(filled_report("乙镇人民政府", year=2021), tmp_path / "乙2021.gkr")
    result = roll_up([tmp_path])
    try:
        assert result.year == 2021
        (refusal,) = result.refused
        assert Path(refusal.file).name == "甲2020.gkr"
        assert "多数" not in refusal.reason
        assert "各年度的报告数相同，汇总的是较新的 2021 年度" in refusal.reason
        assert result.choice_note == "报告年度不一致（2020 年度 1 个、2021 年度 1 个），汇总的是 2021 年度（各年度的报告数相同，取较新的年度）；其他年度的报告未受理"
    finally:
        result.close()
    assert main(["rollup", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "注意：报告年度不一致" in out and "--year" in out
    assert main(["rollup", str(tmp_path), "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2020 年度汇总：") and "注意" not in out and "甲镇人民政府：已报送" in out
    save_gkr(filled_report("丙镇人民政府", year=2020), tmp_path / "丙2020.gkr")
    result = roll_up([tmp_path])
    try:
        assert result.year == 2020
        assert [r.reason for r in result.refused] == ["年度不符：本文件为 2021 年度，多数报告为 2020 年度"]
        assert "2020 年度 2 个、2021 年度 1 个" in result.choice_note and "该年度的报告最多" in result.choice_note
    finally:
        result.close()


def test_rollup_output_must_be_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gkdesk.cli import main

    assert main(["rollup", str(tmp_path), "-o", str(tmp_path / "sum.txt")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "sum.txt").exists()


def test_the_json_text_is_written_in_pieces_and_reads_as_the_whole_object(tmp_path: Path) -> None:
    """rollup --json streams its units and findings; the text is exactly json.dumps of rollup_json."""
    from gkdesk.rollup.report_json import rollup_json_text

    for index, organ in enumerate(("甲镇人民政府", "乙镇人民政府")):
        save_gkr(filled_report(organ, values={"requests.new.natural": 99} if index else None), tmp_path / f"{index}.gkr")
    (tmp_path / "空.docx").write_bytes(b"not a report")
    result = roll_up([tmp_path])
    try:
        assert result.refused and rollup_json(result)["findings"]
        pieces = list(rollup_json_text(result))
        assert len(pieces) > 6
        assert "".join(pieces) == json.dumps(rollup_json(result), ensure_ascii=False, indent=2)
    finally:
        result.close()
