"""Reading .xlsx by labels skips sheets that are no report tables (gkdesk's 校验, 基本信息, 文字部分, notes)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.hidden import DATA_SHEET, FIRST_CHUNK_ROW
from gkdesk.io.xlsx.read import read_xlsx
from gkdesk.spec import load_spec
from tests.helpers import sample_report
from tests.io.xlsx_variants import build_xlsx


def _damage_embedded_data(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    chunk = sheet.cell(FIRST_CHUNK_ROW, 2)
    chunk.value = str(chunk.value)[:-8] + "00000000"
    workbook.save(path)


def test_damaged_own_xlsx_reads_like_the_sample_with_only_the_damage_noted(tmp_path: Path) -> None:
    sample = sample_report()
    path = tmp_path / "damaged.xlsx"
    export_xlsx(sample, path)
    _damage_embedded_data(path)
    result = read_xlsx(path)
    assert result.kind == "foreign"
    assert [p.kind for p in result.problems] == ["note"], [str(p) for p in result.problems]
    assert "内嵌数据不可用" in result.problems[0].message
    report = result.report
    assert report.values == sample.values
    assert report.declared == sample.declared == {}
    assert (report.edition, report.organ, report.year, report.organ_level) == (
        sample.edition,
        sample.organ,
        sample.year,
        sample.organ_level,
    )
    assert report.contact == sample.contact
    assert report.opening == sample.opening
    for section in sample.spec.sections:
        assert [p.text for p in report.paragraphs(section.key)] == [p.text for p in sample.paragraphs(section.key)]


def test_damaged_own_xlsx_with_a_renamed_check_sheet_is_still_recognised(tmp_path: Path) -> None:
    path = tmp_path / "renamed.xlsx"
    export_xlsx(sample_report(), path)
    workbook = openpyxl.load_workbook(path)
    workbook["校验"].title = "核对"
    workbook.save(path)
    _damage_embedded_data(path)
    assert [p.kind for p in read_xlsx(path).problems] == ["note"]


def test_a_damaged_own_xlsx_whose_info_sheet_uses_older_labels_is_still_read(tmp_path: Path) -> None:
    """基本信息 labels the definition lists as aliases (an earlier export's wording) still mark gkdesk's sheet."""
    sample = sample_report()
    path = tmp_path / "older_labels.xlsx"
    export_xlsx(sample, path)
    workbook = openpyxl.load_workbook(path)
    info = workbook["基本信息"]
    fields = load_spec(sample.edition).fields
    for row, field in enumerate(fields, start=1):
        info.cell(row, 1).value = field.aliases[0] if field.aliases else field.label
    assert info.cell(1, 1).value != fields[0].label  # at least one row really says an alias
    workbook.save(path)
    _damage_embedded_data(path)
    result = read_xlsx(path)
    assert [p.kind for p in result.problems] == ["note"], [str(p) for p in result.problems]
    assert (result.report.organ_level, result.report.contact) == (sample.organ_level, sample.contact)


def test_a_foreign_notes_sheet_is_skipped_with_one_note(tmp_path: Path) -> None:
    path = tmp_path / "with_notes.xlsx"
    shown = build_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    notes = workbook.create_sheet("填报说明")  # quotes row labels next to figures, without column headers
    for number, row in enumerate(load_spec("2021").tables["requests"].rows, start=1):
        notes.append([row.label, "填写说明", number * 3, number * 7])
    workbook.save(path)
    result = read_xlsx(path)
    unplaced = [str(p) for p in result.problems if p.kind == "unplaced"]
    assert unplaced == []
    skipped = [str(p) for p in result.problems if "填报说明" in str(p)]
    assert len(skipped) == 1 and "已跳过" in skipped[0]
    assert result.report.values == {k: v for k, v in shown.items() if not result.report.spec.cells[k].derived}


def test_stray_figures_on_a_table_sheet_are_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "stray.xlsx"
    build_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    workbook["年度报告"].cell(200, 3, 42)
    workbook.save(path)
    assert any("42" in str(p) for p in read_xlsx(path).problems if p.kind == "unplaced")
