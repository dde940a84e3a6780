"""Narrative figures in the phrases of published reports (combined, reversed, zero), against the tables."""

from __future__ import annotations

import pytest

from gkdesk.checks import run_checks
from gkdesk.checks.figures import stated_figures
from gkdesk.model import Paragraph
from gkdesk.spec import load_spec
from tests.helpers import filled_report


def _figures(edition: str = "2021") -> list[dict]:
    check = next(c for c in load_spec(edition).checks if c.id == "text.table_mismatch")
    return list(check.params["figures"])


def _read(text: str, edition: str = "2021") -> list[tuple[str, int]]:
    return [(f.name, f.value) for f in stated_figures(text, _figures(edition))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("予以公开及部分公开258件", [("予以公开及部分公开", 258)]),
        ("予以公开和部分公开的12件", [("予以公开及部分公开", 12)]),
        ("无法提供265件", [("无法提供", 265)]),
        ("行政复议0起", [("政府信息公开行政复议", 0)]),
        (
            "全年共受理政府信息公开申请30件，其中予以公开20件，部分公开5件，不予公开1件。",
            [("本年新收政府信息公开申请", 30), ("予以公开", 20), ("部分公开", 5), ("不予公开", 1)],
        ),
        ("共收到政府信息依申请公开1499件", [("本年新收政府信息公开申请", 1499)]),
        (
            "全年共收到依申请公开0件，公开0件，不予公开0件，因政府信息依申请公开引起行政复议0件，行政诉讼0件",
            [
                ("本年新收政府信息公开申请", 0),
                ("不予公开", 0),
                ("政府信息公开行政复议", 0),
                ("政府信息公开行政诉讼", 0),
            ],
        ),
        (
            "共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。其中，予以公开答复966件，部分公开67，占4.61%",
            [("办结政府信息公开申请", 1453), ("上年结转政府信息公开申请", 30), ("予以公开", 966), ("部分公开", 67)],
        ),
        ("不予处理的61件，其他处理96件", [("不予处理", 61), ("其他处理", 96)]),
        ("结转下年度继续办理2件", [("结转下年度继续办理", 2)]),
        ("收到政府信息公开申请１２件", [("本年新收政府信息公开申请", 12)]),
        ("2022年未收到依申请公开政府信息申请。", [("本年新收政府信息公开申请", 0)]),
        ("未收到申请人投诉。", []),
        (
            "未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。",
            [("政府信息公开行政复议", 0), ("政府信息公开行政诉讼", 0)],
        ),
        ("不予以公开3件", [("不予公开", 3)]),
    ],
)
def test_phrases_read(text: str, expected: list[tuple[str, int]]) -> None:
    assert sorted(_read(text)) == sorted(expected)


def test_2019_edition_reads_the_same_request_phrases() -> None:
    assert _read("予以公开及部分公开8件，其他处理1件", "2019") == [("予以公开及部分公开", 8), ("其他处理", 1)]


def test_combined_figure_against_the_tables() -> None:
    report = filled_report()
    report.values["requests.new.natural"] = 300
    report.values["requests.granted.natural"] = 258
    report.values["requests.partial.natural"] = 17
    report.values["requests.unable_1.natural"] = 25
    report.narratives["overview"] = [Paragraph.plain("其中予以公开及部分公开258件，无法提供25件。")]
    (finding,) = [f for f in run_checks(report) if f.rule == "text.table_mismatch"]
    assert finding.cells == ("requests.granted.total", "requests.partial.total")
    assert "258" in finding.message and "275" in finding.message
    report.narratives["overview"] = [Paragraph.plain("其中予以公开及部分公开275件，无法提供25件。")]
    assert not [f for f in run_checks(report) if f.rule == "text.table_mismatch"]


def test_zero_phrase_against_the_tables() -> None:
    report = filled_report()
    report.values["appeals.reconsideration.upheld"] = 2
    report.narratives["other"] = [Paragraph.plain("本年度未发生政府信息公开行政复议案件，未收取信息处理费。")]
    (finding,) = [f for f in run_checks(report) if f.rule == "text.table_mismatch"]
    assert finding.cells == ("appeals.reconsideration.total",) and "为0" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "转办诉求件 6447 件，办结 6424 件，群众满意度 92.11%",
        "2021 年度收到网民来信 154 件，现已全部办结答复。",
        "主动公开政府信息 382 条，其中政策文件 12 件。",
        "依法依规予以公开的原则",
    ],
)
def test_phrases_not_about_the_tables(text: str) -> None:
    assert _read(text) == []


def test_applications_handled() -> None:
    assert _read("办结政府信息公开申请15件") == [("办结政府信息公开申请", 15)]
