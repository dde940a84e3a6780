"""Hand-edited paragraphs of gkdesk's own .docx keep the bold lead phrases the Word paragraph shows.

Applying a hand edit puts the visible text in place of the exported paragraph; without this the
paragraph would come back plain. The visible paragraph's runs are read again and, where their text is
exactly the text applied, their bold is kept (the paragraph's kind stays the exported one).
"""

from __future__ import annotations

from gkdesk.io.docx.body import Block
from gkdesk.io.import_result import ImportResult
from gkdesk.model import Paragraph, Report, Run
from gkdesk.spec import ParagraphRef


def visible_paragraphs(blocks: list[Block], report: Report) -> dict[str, tuple[Run, ...]]:
    """Runs shown at each “section#n” (1-based over non-empty paragraphs, as hand edits are numbered)."""
    headings = {section.heading: section.key for section in report.spec.sections}
    found: dict[str, tuple[Run, ...]] = {}
    section: str | None = None
    count = 0
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if text in headings:
            section, count = headings[text], 0
        elif text and section is not None:
            count += 1
            found[str(ParagraphRef(section, count))] = _trimmed(block.runs)
    return found


def _trimmed(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Outer whitespace dropped (hand edits are compared stripped), empty runs removed."""
    items = list(runs)
    if items:
        items[0] = Run(items[0].text.lstrip(), items[0].bold)
        items[-1] = Run(items[-1].text.rstrip(), items[-1].bold)
    return tuple(run for run in items if run.text)


def keep_visible_bold(blocks: list[Block], result: ImportResult) -> None:
    """For each hand-edited paragraph now holding the visible text, take the visible runs' bold."""
    edited = [d.key for d in result.differences if ParagraphRef.parse(d.key)]
    if not edited:
        return
    shown = visible_paragraphs(blocks, result.report)
    report = result.report
    for key in edited:
        runs = shown.get(key)
        place = ParagraphRef.parse(key)
        if runs is None or place is None or not any(run.bold for run in runs):
            continue
        section, index = place.section, place.index
        paragraphs = list(report.paragraphs(section))
        if 0 <= index < len(paragraphs) and paragraphs[index].text == "".join(run.text for run in runs):
            paragraphs[index] = result.visible_paragraphs[key] = Paragraph(runs, paragraphs[index].kind)
            report.set_paragraphs(section, paragraphs)
