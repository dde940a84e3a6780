"""Drafting and the figure reader agree: over random consistent reports, a drafted narrative never
contradicts the tables, and every number a draft writes is read back as the figure it states."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gkdesk.checks import run_checks
from gkdesk.checks.figures import stated_figures
from gkdesk.draft import DraftParagraph, apply_drafts, draft_paragraphs
from gkdesk.model import Report
from gkdesk.spec import load_spec
from tests.helpers import filled_report

ORGANS = ["同心县人民政府", "某某镇人民政府", "某某县卫生健康局", "某某区人民政府办公室", ""]


def _counts(draw: st.DrawFn) -> int:
    """Mostly 0, sometimes a few, now and then many (thousands separators are not written by drafts)."""
    return draw(st.one_of(st.just(0), st.just(0), st.integers(1, 9), st.integers(10, 5000)))


@st.composite
def consistent_reports(draw: st.DrawFn, edition: str) -> Report:
    """Random figures in every input cell, with 一+二=三（七）+四 holding in each column of table 三."""
    spec = load_spec(edition)
    year = draw(st.sampled_from([2021, 2023, 2025] if edition == "2021" else [2019, 2020]))
    report = filled_report(year)
    report.organ = draw(st.sampled_from(ORGANS))
    report.narratives = {}
    table = spec.tables["requests"]
    columns = [c.key for c in table.rows[0].columns if c.key != "total"]
    outcomes = next(t for t in table.totals if t.axis == "row").parts
    for cell in spec.input_cells:
        if cell.table != "requests":
            value = _counts(draw)
            report.values[cell.key] = -value if cell.key.endswith(".delta") and draw(st.booleans()) else value
    for column in columns:
        handled = 0
        for row in (*outcomes, "carried_forward"):
            value = _counts(draw) if draw(st.integers(0, 3)) == 0 else 0
            report.values[f"requests.{row}.{column}"] = value
            handled += value
        carried_over = min(_counts(draw), handled)
        report.values[f"requests.carried_over.{column}"] = carried_over
        report.values[f"requests.new.{column}"] = handled - carried_over
    return report


def _read_back(draft: DraftParagraph, report: Report) -> None:
    """Each number written is read back by the figure reader at the same place, for the same cells."""
    read = {(f.claim, tuple(sorted(f.cells))) for f in stated_figures(draft.text, report.spec.narrative_figures)}
    for written in draft.figures:
        assert ((written.start, written.end), tuple(sorted(written.cells))) in read, (written, draft.text)
    digits = {m.span() for m in re.finditer(r"\d+", draft.text) if draft.text[m.end() : m.end() + 1] != "年"}
    assert digits == {(f.start, f.end) for f in draft.figures}, draft.text


def _agree(report: Report) -> None:
    drafts = draft_paragraphs(report)
    for draft in drafts:
        _read_back(draft, report)
    apply_drafts(report, drafts)
    mismatches = [f.message for f in run_checks(report) if f.rule == "text.table_mismatch"]
    assert mismatches == []


@settings(max_examples=200, deadline=None)
@given(report=consistent_reports("2021"))
def test_drafts_agree_with_the_tables_2021(report: Report) -> None:
    _agree(report)


@settings(max_examples=60, deadline=None)
@given(report=consistent_reports("2019"))
def test_drafts_agree_with_the_tables_2019(report: Report) -> None:
    _agree(report)
