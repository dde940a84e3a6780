"""Put drafted paragraphs where reports usually carry them: at the end of their sub-part, replacing an earlier
draft of the same topic (never adding a second one). No Qt."""

from __future__ import annotations

import re
from collections.abc import Iterable

from gkdesk.draft.compose import DraftParagraph, fill_names
from gkdesk.model import Paragraph, Report
from gkdesk.spec.drafts import DraftTopic

SUBPART_NUMBER = re.compile(r"\s*[（(][一二三四五六七八九十]+[）)]")


def draft_openings(topic: DraftTopic, report: Report) -> tuple[str, ...]:
    """How a drafted paragraph of the topic begins, whatever its figures: its first words up to the first number."""
    sentence = topic.sentences[0]
    clause = sentence.clauses[0]
    candidates = [clause.text.partition("{n}")[0], clause.zero, sentence.none, clause.one.partition("{")[0]]
    candidates += [clause.many.partition("{")[0]]
    openings = {fill_names(text, report).strip() for text in candidates}
    return tuple(sorted(opening for opening in openings if len(opening) >= 4))


def find_earlier_draft(paragraphs: list[Paragraph], topic: DraftTopic, report: Report) -> int | None:
    openings = draft_openings(topic, report)
    for index, paragraph in enumerate(paragraphs):
        if paragraph.text.strip().startswith(openings):
            return index
    return None


def insertion_index(paragraphs: list[Paragraph], after: str) -> int:
    """After the last paragraph of the sub-part numbered `after` (“（二）”); the section's end without one."""
    if not after:
        return len(paragraphs)
    start = next((i for i, p in enumerate(paragraphs) if p.text.strip().startswith(after)), None)
    if start is None:
        return len(paragraphs)
    for index in range(start + 1, len(paragraphs)):
        if SUBPART_NUMBER.match(paragraphs[index].text):
            return index
    return len(paragraphs)


def with_drafts(report: Report, drafts: Iterable[DraftParagraph]) -> dict[str, list[Paragraph]]:
    """The new paragraphs of every section a draft goes into (the report itself is not changed)."""
    sections: dict[str, list[Paragraph]] = {}
    for draft in drafts:
        if not draft.text:
            continue
        topic = draft.topic
        paragraphs = sections.setdefault(topic.section, list(report.paragraphs(topic.section)))
        new = Paragraph.plain(draft.text)
        earlier = find_earlier_draft(paragraphs, topic, report)
        if earlier is not None:
            paragraphs[earlier] = new
        else:
            paragraphs.insert(insertion_index(paragraphs, topic.after), new)
    return sections


def apply_drafts(report: Report, drafts: Iterable[DraftParagraph]) -> list[str]:
    """Write the drafts into the report; returns the sections changed."""
    changed = with_drafts(report, drafts)
    for section, paragraphs in changed.items():
        report.set_paragraphs(section, paragraphs)
    return list(changed)
