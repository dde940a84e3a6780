"""The portal web page: self-contained, escaped, and its tables carry the official merges and the values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lxml.html  # type: ignore[import-untyped]
import pytest

from gkdesk.cli import main
from gkdesk.io.gkr import save_gkr
from gkdesk.io.html.export import UNCHECKED_MARK, export_html, html_text
from gkdesk.io.printed import printed_text
from gkdesk.model import Paragraph, Report, Resolved, Run
from gkdesk.spec import build_layout
from tests.helpers import filled_report, sample_report
from tests.io.test_export_2019 import report_2020


def _page(report: Report) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html_text(report))


def _grid(table: lxml.html.HtmlElement) -> dict[tuple[int, int], tuple[int, int, int, int, str]]:
    """Grid position → (top row, left column, rowspan, colspan, text) of the cell covering it."""
    grid: dict[tuple[int, int], tuple[int, int, int, int, str]] = {}
    for row, tr in enumerate(table.iter("tr")):
        col = 0
        for cell in tr:
            while (row, col) in grid:
                col += 1
            rowspan, colspan = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            placed = (row, col, rowspan, colspan, cell.text_content())
            for r in range(row, row + rowspan):
                for c in range(col, col + colspan):
                    assert (r, c) not in grid, f"overlapping cells at {(r, c)}"
                    grid[(r, c)] = placed
            col += colspan
    return grid


@pytest.mark.parametrize("make", [sample_report, report_2020], ids=["2021 sample", "2020 report, 2019 edition"])
def test_tables_have_the_official_grid_and_the_values(make: Callable[[], Report]) -> None:
    report = make()
    resolved = Resolved(report)
    tables = _page(report).findall(".//table")
    spec_tables = [report.spec.tables[s.table] for s in report.spec.sections if s.table is not None]
    assert len(tables) == len(spec_tables) == 3
    for element, table in zip(tables, spec_tables, strict=True):
        layout = build_layout(table)
        grid = _grid(element)
        assert len(grid) == layout.n_rows * layout.n_cols, table.key
        for cell in layout.cells:
            expected = (cell.row, cell.col, cell.rowspan, cell.colspan, printed_text(cell, resolved))
            assert grid[(cell.row, cell.col)] == expected, (table.key, cell)


def test_table_3_outcome_group_spans_22_rows() -> None:
    table = _page(sample_report()).findall(".//table")[1]
    outcome = [cell for cell in table.iter("td") if cell.text_content() == "三、本年度办理结果"]
    assert len(outcome) == 1 and outcome[0].get("rowspan") == "22"
    assert (
        len(table.find("thead").findall("tr"))
        == build_layout(sample_report().spec.tables["requests"]).leading_header_rows
    )


def test_sample_numbers_and_sections_in_order() -> None:
    page = _page(sample_report())
    text = page.text_content()
    for number in ("29102", "2967", "1980", "1340.5117"):
        assert number in text
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings == [section.heading for section in sample_report().spec.sections]
    assert page.find(".//h1").text_content() == "同心县2021年政府信息公开工作年度报告"
    assert page.find(".//title").text_content() == "同心县2021年政府信息公开工作年度报告"


def test_self_contained_inline_styles_only() -> None:
    markup = html_text(sample_report())
    page = lxml.html.document_fromstring(markup)
    assert markup.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in markup
    for tag in ("script", "style", "link", "img", "iframe", "object", "embed"):
        assert not page.findall(f".//{tag}"), tag
    for element in page.iter():
        assert not any(name.startswith("on") or name in ("src", "href", "class") for name in element.attrib), element
    assert all(cell.get("style") for cell in page.iter("td", "th"))


def test_every_text_is_escaped() -> None:
    report = filled_report()
    report.organ = '<script>alert("x")</script>&县'
    report.narratives["overview"] = [
        Paragraph((Run("<b>不是粗体</b> & 1<2 "), Run('"引号"', bold=True))),
        Paragraph.plain("控制\x01字符"),
    ]
    page = _page(report)
    assert not page.findall(".//script") and not page.findall(".//b")
    assert page.find(".//h1").text_content() == '<script>alert("x")</script>&县2021年政府信息公开工作年度报告'
    paragraphs = [p.text_content() for p in page.iter("p")]
    assert '<b>不是粗体</b> & 1<2 "引号"' in paragraphs and "控制字符" in paragraphs
    assert page.find(".//strong").text_content() == '"引号"'


def test_report_with_errors_is_marked() -> None:
    report = sample_report()
    assert UNCHECKED_MARK not in html_text(report)
    assert "未通过校验：本报告有 3 个错误" in lxml.html.document_fromstring(html_text(report, 3)).text_content()


def test_cli_refuses_errors_for_html_unless_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = sample_report()
    report.values["requests.new.natural"] = 20
    source, target = tmp_path / "broken.gkr", tmp_path / "out.html"
    save_gkr(report, source)
    assert main(["export", str(source), "--html", str(target)]) == 1
    assert "T3.balance" in capsys.readouterr().err and not target.exists()
    assert main(["export", str(source), "--html", str(target), "--allow-errors"]) == 0
    assert UNCHECKED_MARK in target.read_text(encoding="utf-8")


def test_cli_refuses_a_wrong_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.gkr"
    save_gkr(sample_report(), source)
    assert main(["export", str(source), "--html", str(tmp_path / "out.pdf")]) == 2
    assert "网页的文件名应以 .html 或 .htm 结尾" in capsys.readouterr().err


def test_page_reads_back_with_the_same_report(tmp_path: Path) -> None:
    from gkdesk.io.html.read import read_html

    report = sample_report()
    path = tmp_path / "portal.html"
    export_html(report, path)
    back = read_html(path).report
    assert (back.organ, back.year, back.edition) == (report.organ, report.year, report.edition)
    assert back.values == report.values
    for section in report.spec.narrative_sections:  # the page reader drops spaces between Chinese characters
        assert [_words(p.text) for p in back.paragraphs(section.key)] == [
            _words(p.text) for p in report.paragraphs(section.key)
        ]


def _words(text: str) -> str:
    return "".join(text.split())
