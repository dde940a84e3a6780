"""A cell nobody filled prints blank on every printed form of a report (Word, PDF, web page), never 0; a total
prints blank while nothing under it is filled; the web page read back gives blanks again."""

from __future__ import annotations

from pathlib import Path

import docx

from gkdesk.io.docx.export import export_docx
from gkdesk.io.html.export import export_html
from gkdesk.io.open import read_with_result
from gkdesk.io.printed import printed_text
from gkdesk.model import Report, Resolved
from gkdesk.spec import build_layout

NEW = "requests.new.natural"


def _never_filled() -> Report:
    report = Report.new(2025, organ="某某镇人民政府")
    report.values[NEW] = 3  # one figure filled: it and its row total print, the rest stays blank
    return report


def _printed(report: Report) -> dict[str, str]:
    resolved = Resolved(report)
    return {
        cell.cell_key: printed_text(cell, resolved)
        for table in report.spec.tables.values()
        for cell in build_layout(table).cells
        if cell.kind == "value" and cell.cell_key is not None
    }


def test_blank_cells_and_unfilled_totals_print_blank() -> None:
    printed = _printed(_never_filled())
    filled = {NEW, "requests.new.total"}  # the figure and its row total; 三（七）总计 sums the outcomes only
    assert {key: printed[key] for key in filled} == {key: "3" for key in filled}
    assert all(text == "" for key, text in printed.items() if key not in filled), printed
    assert "0" not in printed.values()


def test_word_and_web_page_print_the_same_blanks_and_read_back_blank(tmp_path: Path) -> None:
    report = _never_filled()
    export_docx(report, tmp_path / "r.docx")
    export_html(report, tmp_path / "r.html")
    word_cells = [cell.text for table in docx.Document(str(tmp_path / "r.docx")).tables for cell in table._cells]
    assert "0" not in word_cells and "3" in word_cells
    back = read_with_result(tmp_path / "r.html").report
    assert back.values.get(NEW) == 3
    inputs = [cell.key for cell in report.spec.input_cells if cell.key != NEW]
    assert all(back.values.get(key) is None for key in inputs)
