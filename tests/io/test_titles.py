"""Organ and year from titles in every usual order, from the opening, never from navigation."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkdesk.io.findings import report_findings
from gkdesk.io.foreign.furniture import is_footer, is_furniture, is_navigation
from gkdesk.io.foreign.titles import from_opening, parse_title
from gkdesk.io.html.read import read_html
from tests.io.web_corpus import COUNTY_DEPT_2023, Page, page_html


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("某某县卫生健康委员会2023年政府信息公开工作年度报告", "某某县卫生健康委员会", 2023),
        ("某某县交通运输局关于2023年度政府信息公开工作的报告", "某某县交通运输局", 2023),
        ("2023年度某某镇人民政府政府信息公开工作年度报告", "某某镇人民政府", 2023),
        ("某某县 2022 年度 政府信息公开 工作年度报告", "某某县", 2022),
        ("《某某县2021年政府信息公开工作年度报告》", "某某县", 2021),
        ("某某街道办事处2020年信息公开工作年度报告", "某某街道办事处", 2020),
        ("政府信息公开工作年度报告（2023年）", "", 2023),
        ("2023年政务公开暨政府信息公开工作年度报告", "", 2023),
        ("关怀版无障碍…您当前所在位置:首页>部门公开信息>…信丰县卫生健康委", "", None),
        ("首页 > 政府信息公开 > 年度报告", "", None),
        ("政府信息公开指南", "", None),
    ],
)
def test_titles(title: str, organ: str, year: int | None) -> None:
    assert parse_title(title) == (organ, year)


@pytest.mark.parametrize(
    ("opening", "organ", "year"),
    [
        ("根据《条例》要求，现发布《某某区2021年政府信息公开工作年度报告》。", "某某区", 2021),
        (
            "本报告由某某县交通运输局编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
            "某某县交通运输局",
            2022,
        ),
        ("本年度报告中所列数据统计期限从2020年1月1日到12月31日止。", "", 2020),
        ("根据条例要求编制本报告。", "", None),
    ],
)
def test_openings(opening: str, organ: str, year: int | None) -> None:
    assert from_opening(opening) == (organ, year)


@pytest.mark.parametrize(
    "line",
    [
        "您当前所在位置：首页 > 政务公开 > 年度报告",
        "【字号：大 中 小】【打印】【关闭】",
        "关怀版 无障碍 繁体版",
        "信息来源：办公室 发布时间：2023-01-20 09:30 浏览次数：125",
        "分享到：微信 微博",
        "首页 政务公开 互动交流",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line) and is_navigation(line)


def test_report_lines_are_not_furniture() -> None:
    for line in ("一、总体情况", "2022年，我镇主动公开政府信息32条。", "某某县2022年政府信息公开工作年度报告"):
        assert not is_furniture(line) and not is_navigation(line) and not is_footer(line)
    assert is_footer("主办单位：某某县人民政府办公室　网站标识码：0000000000")


def test_organ_and_year_from_the_file_name_when_the_page_gives_none(tmp_path: Path) -> None:
    page = Page(title_in="paragraph", furniture=False)
    text = page_html(COUNTY_DEPT_2023, page).replace(
        "某某县卫生健康委员会2023年政府信息公开工作年度报告", "政府信息公开工作年度报告"
    )
    text = text.replace("统计时限为2023年1月1日", "统计时限为本年1月1日").replace(
        "与某某县卫生健康委员会办公室", "与办公室"
    )
    path = tmp_path / "某某县卫生健康委员会2023年政府信息公开工作年度报告.htm"
    path.write_text(text, encoding="utf-8")
    report = read_html(path).report
    assert (report.organ, report.year) == ("某某县卫生健康委员会", 2023)
    path_without = tmp_path / "年报.htm"
    path_without.write_text(text, encoding="utf-8")
    result = read_html(path_without)
    assert (result.report.organ, result.report.year) == ("", None)
    (finding,) = [f for f in report_findings(result.report) if f.rule == "structure.basic_info"]
    assert "机关名称" in finding.message and "报告年度" in finding.message


def test_organ_on_the_line_under_the_title() -> None:
    from gkdesk.io.foreign.narrative_split import split_text
    from gkdesk.model import Paragraph
    from gkdesk.spec import load_spec

    lines = [
        "2022年政府信息公开工作年度报告",
        "某某县松林镇人民政府",
        "根据条例要求编制本报告。",
        "一、总体情况",
        "正文。",
    ]
    text = split_text([Paragraph.plain(line) for line in lines], load_spec("2021"))
    assert (text.organ, text.year, text.opening) == ("某某县松林镇人民政府", 2022, "根据条例要求编制本报告。")
