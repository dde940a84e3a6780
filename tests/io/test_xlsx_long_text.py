"""Excel cells hold at most 32,767 characters: longer paragraphs continue on the next rows and are joined
again on reading (never cut, never a false hand edit); text starting with = + - @ is never a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.info import CONTINUED_LABEL, TEXT_SHEET, paragraph_pieces
from gkdesk.model import Paragraph, Report, Run
from tests.helpers import sample_report
from tests.io.hostile import xlsx_with_wrong_checksum

LONG = "开头 " + "本年度公开政府信息，  " * 7000 + " 结尾"  # 84,000 characters, white space at odd places


def _long_report() -> tuple[Report, Paragraph]:
    report = sample_report()
    paragraph = Paragraph((Run("一是加强组织领导。", bold=True), Run(LONG)))
    report.narratives["overview"] = [paragraph, *report.narratives["overview"][1:]]
    return report, paragraph


def test_pieces_join_back_exactly() -> None:
    paragraph = Paragraph((Run("加粗", bold=True), Run(LONG), Run("尾", bold=True)))
    pieces = paragraph_pieces(paragraph)
    assert len(pieces) == 3 and all(len(p.text) <= 32_000 for p in pieces)
    assert "".join(p.text for p in pieces) == paragraph.text
    assert pieces[0].runs[0] == Run("加粗", bold=True) and pieces[-1].runs[-1] == Run("尾", bold=True)


def test_long_paragraph_goes_through_excel_whole(tmp_path: Path) -> None:
    report, paragraph = _long_report()
    target = tmp_path / "long.xlsx"
    export_xlsx(report, target)
    sheet = openpyxl.load_workbook(target)[TEXT_SHEET]
    contents = [str(sheet.cell(row, 3).value or "") for row in range(2, sheet.max_row + 1)]
    assert max(len(text) for text in contents) <= 32_767
    assert sum(1 for row in range(2, sheet.max_row + 1) if sheet.cell(row, 2).value == CONTINUED_LABEL) == 2
    result = read_with_result(target)
    assert result.kind == "own" and result.differences == []
    assert result.report.narratives["overview"][0] == paragraph


def test_long_paragraph_read_by_labels_is_whole(tmp_path: Path) -> None:
    report, paragraph = _long_report()
    exported = tmp_path / "long.xlsx"
    export_xlsx(report, exported)
    damaged = xlsx_with_wrong_checksum(exported, tmp_path / "damaged.xlsx")
    result = read_with_result(damaged)
    texts = [p.text for p in result.report.narratives["overview"]]
    assert paragraph.text in texts


def test_bold_paragraph_starting_like_a_formula_is_text(tmp_path: Path) -> None:
    report = sample_report()
    report.narratives["overview"] = [Paragraph((Run("=1+1", bold=True), Run("是文字，不是公式。")))]
    target = tmp_path / "formula.xlsx"
    export_xlsx(report, target)
    sheet = openpyxl.load_workbook(target, rich_text=True)[TEXT_SHEET]
    cell = next(sheet.cell(r, 3) for r in range(2, sheet.max_row + 1) if "是文字" in str(sheet.cell(r, 3).value))
    assert cell.data_type == "s" and cell.quotePrefix
