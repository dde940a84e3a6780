"""Long reports: paragraph and column numbers in messages are said in words however far they go."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkdesk.checks import run_checks
from gkdesk.checks.context import chinese_number
from gkdesk.model import Paragraph
from tests.helpers import sample_report


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (19, "十九"),
        (25, "二十五"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (215, "二百一十五"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (20_000, "二万"),
        (10_010, "一万零一十"),
        (123_456, "十二万三千四百五十六"),
    ],
)
def test_numbers_in_words(number: int, words: str) -> None:
    assert chinese_number(number) == words


@given(st.integers(min_value=0, max_value=10**9))
def test_every_count_has_words(number: int) -> None:
    words = chinese_number(number)
    assert words and all(ch in "零一二三四五六七八九十百千万" for ch in words)


def test_mismatch_in_the_hundred_and_twenty_first_paragraph_is_reported() -> None:
    report = sample_report()
    section, paragraphs = next(
        (key, list(items)) for key, items in report.narratives.items() if any("规范性文件 27 个" in p.text for p in items)
    )
    filler = [Paragraph.plain(f"第{n}项工作情况。") for n in range(120)]
    mismatch = [p for p in paragraphs if "规范性文件 27 个" in p.text]
    report.narratives[section] = filler + mismatch
    (finding,) = [f for f in run_checks(report) if f.rule == "text.table_mismatch"]
    assert "第一百二十一段" in finding.message
