"""Quick fix for text.table_mismatch: write the table's figure into the sentence that states another. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.figures import stated_figures
from gkdesk.model import Paragraph, Report, Resolved, Run, format_value


@dataclass(frozen=True)
class FigureFix:
    """In a paragraph, text[start:end] states `stated` where the tables give `table`."""

    start: int
    end: int
    stated: str
    table: str
    name: str


def figure_fixes(report: Report, text: str) -> list[FigureFix]:
    """Every number in `text` that states a table figure differently, in reading order."""
    resolved = Resolved(report)
    fixes = []
    for stated in stated_figures(text, report.spec.narrative_figures):
        start, end = stated.claim
        if not isinstance(start, int) or not isinstance(end, int):
            continue  # a phrase stating zero in words (“未收到…申请”) has no number to replace
        table_value = sum((resolved.number(cell) for cell in stated.cells), start=0)
        if stated.value != table_value:
            fixes.append(FigureFix(start, end, text[start:end], format_value(table_value), stated.name))
    return fixes


def rewrite_paragraph(paragraph: Paragraph, fixes: list[FigureFix]) -> Paragraph:
    """The paragraph with each fixed figure replaced, keeping bold runs and the paragraph kind."""
    runs: list[Run] = []
    position = 0
    pending = list(fixes)
    for run in paragraph.runs:
        start, end = position, position + len(run.text)
        text = run.text
        for fix in reversed([f for f in pending if start <= f.start and f.end <= end]):
            text = text[: fix.start - start] + fix.table + text[fix.end - start :]
        runs.append(Run(text, run.bold))
        position = end
    return Paragraph(tuple(runs), paragraph.kind)


def fix_figures(report: Report, section: str, index: int) -> Paragraph | None:
    """The section's paragraph `index` (from 0) with the table's figures written in; None when nothing differs."""
    paragraphs = report.paragraphs(section)
    if not 0 <= index < len(paragraphs):
        return None
    fixes = figure_fixes(report, paragraphs[index].text)
    return rewrite_paragraph(paragraphs[index], fixes) if fixes else None
