"""A phrase is compiled only for a text holding its plain runs (gkdesk.spec.phrases.required_literals): every
match of every phrase of both definitions holds those runs, so skipping a text without them changes nothing."""

from __future__ import annotations

import re

import pytest

from gkdesk.checks.figures import fold_digits, stated_figures
from gkdesk.draft import draft_paragraphs
from gkdesk.io.gkr import load_gkr
from gkdesk.spec import EDITIONS, load_spec, phrases
from gkdesk.spec.phrases import compile_phrase, required_literals
from tests.conftest import SAMPLE_GKR
from tests.helpers import filled_report


def all_phrases(edition: str) -> list[str]:
    return [p for figure in load_spec(edition).narrative_figures for key in ("patterns", "zero_patterns")
            for p in figure.get(key, ())]


def corpus() -> list[str]:
    """The sample's paragraphs, every drafted paragraph of a filled report of each edition, and phrases from
    published reports."""
    sample = load_gkr(SAMPLE_GKR)
    texts = [p.text for section in sample.spec.sections for p in sample.paragraphs(section.key)]
    for year in (2020, 2023):
        report = filled_report(year)
        for number, cell in enumerate(report.spec.input_cells):
            report.set_value(cell.key, number % 7 + 1)
        texts += [draft.text for draft in draft_paragraphs(report)]
    texts += ["予以公开及部分公开258件", "全年共受理政府信息公开申请30件，其中予以公开20件，部分公开5件，不予公开1件。",
              "未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。", "收到政府信息公开申请１２件", "不予以公开3件"]
    return [fold_digits(text) for text in texts]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_match_holds_the_phrases_required_runs(edition: str) -> None:
    texts = corpus()
    matched = 0
    for pattern in all_phrases(edition):
        literals = required_literals(pattern)
        assert literals is not None, pattern  # the definitions' phrases are all simple enough to be filtered
        for text in texts:
            for match in compile_phrase(pattern).finditer(text):
                matched += 1
                assert all(literal in match.group(0) for literal in literals), (pattern, literals, match.group(0))
    assert matched > 50  # the corpus exercises the phrases


def test_reading_with_and_without_the_filter_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    figures = next(c for c in load_spec("2021").checks if c.id == "text.table_mismatch").params["figures"]
    texts = corpus()
    filtered = [stated_figures(text, figures) for text in texts]
    monkeypatch.setattr("gkdesk.checks.figures.required_literals", lambda _pattern: None)
    unfiltered = [stated_figures(text + " ", figures) for text in texts]  # another text: not read from memory
    assert [[(f.name, f.value, f.start) for f in found] for found in filtered] == [
        [(f.name, f.value, f.start) for f in found] for found in unfiltered
    ]
    assert sum(map(len, filtered)) > 20


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:受理|收到)[^，。\d]{0,12}?申请[^，。]{0,8}?{n}\s*件", ("申请", "件")),
        (r"上年(?:度)?结转{n}件", ("上年", "结转", "件")),
        (r"部分公开(?:答复|的)?\s*{n}\s*(?:件|(?=[，,]))", ("部分公开",)),
        (r"a+bc*d", ("a", "b", "d")),
        (r"ab?c", ("a", "c")),
        (r"x\.y[)(]z", ("x", "y", "z")),
        (r"ab{2,3}c", ("a", "c")),
        (r"(?<!被)申请(?!人)", ("申请",)),
    ],
)
def test_required_runs(pattern: str, expected: tuple[str, ...]) -> None:
    assert required_literals(pattern) == expected
    assert all(literal in text for text in _matching_examples(pattern) for literal in expected)


@pytest.mark.parametrize("pattern", [r"申请|件", r"(?i)abc", r"a{2", r"a[bc", r"共\u3000{n}件", r"\x41", r"\101",
                                     r"(a)\10", r"\N{DIGIT ONE}件"])
def test_nothing_is_required_of_what_is_not_read_simply(pattern: str) -> None:
    assert required_literals(pattern) is None


def _matching_examples(pattern: str) -> list[str]:
    candidates = ["受理了申请3件", "上年度结转4件", "上年结转5件", "部分公开的6件", "部分公开7，", "aaabd", "abccd",
                  "ac", "abc", "x.y)z", "abbc", "abbbc", "申请", "收到申请人申请表8件"]
    return [text for text in candidates if re.search(phrases.compile_phrase(pattern).pattern, text)]
