"""Compare two versions of a report (sent out vs returned, or last year's): every changed value,
declared total, paragraph and 基本信息 field, in reading order."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from gkdesk.model import Report, Resolved, format_value
from gkdesk.spec import ParagraphRef

# Fields not compared as text: the edition is compared by definition, the title follows organ and year.
_NOT_COMPARED = frozenset({"edition", "title"})


@dataclass(frozen=True)
class ReportChange:
    """One difference: kind "field", "value" or "paragraph"; `key` a field, cell key or "section#n"."""

    kind: str
    key: str
    where: str
    before: str
    after: str


def _cells(old: Report, new: Report) -> list[ReportChange]:
    changes = []
    stated_old, stated_new = Resolved(old), Resolved(new)
    keys = list(new.spec.cells) + [k for k in old.spec.cells if k not in new.spec.cells]
    for key in keys:
        spec = new.spec if key in new.spec.cells else old.spec
        if not spec.cells[key].derived and key not in old.values and key not in new.values:
            continue
        # Totals: what each version states (a total typed in a file, else the sum), not whether it was typed.
        before = format_value(stated_old.stated(key)) if key in old.spec.cells else ""
        after = format_value(stated_new.stated(key)) if key in new.spec.cells else ""
        if before != after:
            changes.append(ReportChange("value", key, spec.describe_key(key), before, after))
    return changes


def _paragraphs(old: Report, new: Report) -> list[ReportChange]:
    changes = []
    for section in new.spec.sections:
        a = [p.text for p in old.paragraphs(section.key)]
        b = [p.text for p in new.paragraphs(section.key)]
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            for offset in range(max(i2 - i1, j2 - j1)):
                i, j = i1 + offset, j1 + offset
                before = a[i] if i < i2 else ""
                after = b[j] if j < j2 else ""
                number = j + 1 if j < j2 else i + 1
                place = ParagraphRef(section.key, number)
                changes.append(ReportChange("paragraph", str(place), new.spec.describe(place), before, after))
    return changes


def compare_reports(old: Report, new: Report) -> list[ReportChange]:
    """Every difference from `old` to `new`: fields, then table cells, then paragraphs."""
    changes = []
    if old.edition != new.edition:
        changes.append(ReportChange("field", "edition", new.spec.field("edition").label, old.spec.name, new.spec.name))
    for field in new.spec.fields:
        if field.key in _NOT_COMPARED:
            continue
        before, after = old.field_text(field.key), new.field_text(field.key)
        if before != after:
            changes.append(ReportChange("field", field.key, field.label, before, after))
    if old.opening != new.opening:
        changes.append(ReportChange("field", "opening", new.spec.describe_key("opening"), old.opening, new.opening))
    return changes + _cells(old, new) + _paragraphs(old, new)
