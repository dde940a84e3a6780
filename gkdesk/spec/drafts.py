"""Routine paragraphs drafted from the tables: their wording, read from `[[drafts]]` in forms/*.toml.

A topic is one paragraph made of sentences; a sentence is clauses joined by "，" and closed by "。".
A clause states one figure (`of`: the cells it sums) with `text` (holding `{n}`) or `zero` (when the figure is 0;
an empty `zero` drops the clause), or lists the non-zero `items` of a figure (`one`, `many`, `item`, and for
items with sub-items `sub_one`, `sub_many`, `sub_item`).

Every number a draft writes can be read back: the words right before `{n}` become a figure pattern for
text.table_mismatch (`FormatSpec.narrative_figures`), so the writer and the reader share one wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Punctuation that ends the words a figure's pattern is built from.
CLAUSE_BREAK = "，。；、（）：,;:()"
# A figure stated jointly (“予以公开及部分公开258件”) is not the second item alone.
JOINT_GUARD = "(?<![及和与])"
MIN_PATTERN_WORDS = 2

_CLAUSE_KEYS = {"of", "text", "zero", "items", "one", "many", "item", "sub_one", "sub_many", "sub_item", "context"} | {
    "single",
    "sub_single",
}
_ITEM_KEYS = {"label", "of", "items"}
_SENTENCE_KEYS = {"clauses", "if_any", "none"}
_TOPIC_KEYS = {"key", "name", "section", "after", "sentences", "note"}

# Which placeholders each template may use.
_ALLOWED_PLACEHOLDERS = {
    "text": {"year", "organ", "n"},
    "zero": {"year", "organ"},
    "none": {"year", "organ"},
    "one": {"year", "organ", "label", "n"},
    "many": {"year", "organ", "items", "n"},
    "item": {"label", "n"},
    "sub_one": {"label", "n"},
    "single": {"year", "organ", "label"},
    "sub_single": {"label"},
    "sub_many": {"items", "n"},
    "sub_item": {"label", "n"},
}


class DraftSpecError(ValueError):
    """A `[[drafts]]` entry is broken; the message names the place."""


@dataclass(frozen=True)
class DraftItem:
    label: str
    cells: tuple[str, ...]
    items: tuple[DraftItem, ...] = ()


@dataclass(frozen=True)
class DraftClause:
    cells: tuple[str, ...]
    text: str = ""
    zero: str = ""
    items: tuple[DraftItem, ...] = ()
    one: str = ""
    many: str = ""
    item: str = ""
    sub_one: str = ""
    sub_many: str = ""
    sub_item: str = ""
    single: str = ""  # instead of `one` when the only item is a single case (“为自然人申请”, not “均为”)
    sub_single: str = ""
    context: str = ""


@dataclass(frozen=True)
class DraftSentence:
    clauses: tuple[DraftClause, ...]
    if_any: tuple[str, ...] = ()
    none: str = ""


@dataclass(frozen=True)
class DraftTopic:
    key: str
    name: str
    section: str
    after: str  # the sub-part the paragraph belongs to, e.g. "（二）"; "" for the end of the section
    sentences: tuple[DraftSentence, ...]
    note: str = ""  # what the clerk should confirm: the tables do not fully support the wording


@dataclass(frozen=True)
class FigurePattern:
    """Words that state a table figure in the narrative: `cells` summed, the number in group 1 of a pattern."""

    name: str
    cells: tuple[str, ...]
    patterns: tuple[str, ...]


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace {name} placeholders (names validated when the definition loads)."""
    return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), template)


def parse_drafts(raw: Any, source: str, known_cells: Mapping[str, Any], sections: set[str]) -> tuple[DraftTopic, ...]:
    """The `[[drafts]]` entries of a definition, validated against its cells and sections."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DraftSpecError(f"{source}.drafts：应为数组")
    topics = tuple(_topic(entry, f"{source}.drafts[{i}]", known_cells, sections) for i, entry in enumerate(raw))
    keys = [topic.key for topic in topics]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise DraftSpecError(f"{source}.drafts：重复的键 {', '.join(duplicates)}")
    return topics


def _mapping(data: Any, allowed: set[str], where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise DraftSpecError(f"{where}：应为表（键值对）")
    unknown = set(data) - allowed
    if unknown:
        raise DraftSpecError(f"{where}：未知的键 {', '.join(sorted(unknown))}")
    return data


def _text(data: Mapping[str, Any], key: str, where: str, required: bool = False) -> str:
    if key not in data:
        if required:
            raise DraftSpecError(f"{where}：缺少 {key}")
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise DraftSpecError(f"{where}.{key}：应为文字")
    allowed = _ALLOWED_PLACEHOLDERS.get(key)
    if allowed is not None:
        for name in PLACEHOLDER.findall(value):
            if name not in allowed:
                raise DraftSpecError(f"{where}.{key}：不能使用占位符 {{{name}}}")
    return value


def _cells(data: Mapping[str, Any], key: str, where: str, known: Mapping[str, Any]) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(cell, str) for cell in value):
        raise DraftSpecError(f"{where}.{key}：应为单元格键名的数组")
    for cell in value:
        if cell not in known:
            raise DraftSpecError(f"{where}.{key}：未知的单元格 {cell}")
    return tuple(value)


def _item(data: Any, where: str, known: Mapping[str, Any], nested: bool) -> DraftItem:
    data = _mapping(data, _ITEM_KEYS if not nested else _ITEM_KEYS - {"items"}, where)
    subs = tuple(_item(sub, f"{where}.items[{i}]", known, True) for i, sub in enumerate(data.get("items", [])))
    cells = _cells(data, "of", where, known) or tuple(cell for sub in subs for cell in sub.cells)
    if not cells:
        raise DraftSpecError(f"{where}：缺少 of（或带 of 的 items）")
    return DraftItem(_text(data, "label", where, required=True), cells, subs)


def _clause(data: Any, where: str, known: Mapping[str, Any]) -> DraftClause:
    data = _mapping(data, _CLAUSE_KEYS, where)
    items = tuple(_item(item, f"{where}.items[{i}]", known, False) for i, item in enumerate(data.get("items", [])))
    cells = _cells(data, "of", where, known) or tuple(cell for item in items for cell in item.cells)
    if not cells:
        raise DraftSpecError(f"{where}：缺少 of")
    clause = DraftClause(cells, **{key: _text(data, key, where) for key in _CLAUSE_KEYS - {"of", "items"}}, items=items)
    if items and not (clause.many and clause.item):
        raise DraftSpecError(f"{where}：列举各项时需要 many 和 item")
    if not items and "{n}" not in clause.text:
        raise DraftSpecError(f"{where}.text：应含 {{n}}")
    if any(item.items for item in items) and not (clause.sub_many and clause.sub_item):
        raise DraftSpecError(f"{where}：有细项时需要 sub_many 和 sub_item")
    return clause


def _sentence(data: Any, where: str, known: Mapping[str, Any]) -> DraftSentence:
    data = _mapping(data, _SENTENCE_KEYS, where)
    raw_clauses = data.get("clauses")
    if not isinstance(raw_clauses, list) or not raw_clauses:
        raise DraftSpecError(f"{where}.clauses：应为非空数组")
    clauses = tuple(_clause(c, f"{where}.clauses[{i}]", known) for i, c in enumerate(raw_clauses))
    return DraftSentence(clauses, _cells(data, "if_any", where, known), _text(data, "none", where))


def _topic(data: Any, where: str, known: Mapping[str, Any], sections: set[str]) -> DraftTopic:
    data = _mapping(data, _TOPIC_KEYS, where)
    section = _text(data, "section", where, required=True)
    if section not in sections:
        raise DraftSpecError(f"{where}.section：未知的部分 {section}")
    raw_sentences = data.get("sentences")
    if not isinstance(raw_sentences, list) or not raw_sentences:
        raise DraftSpecError(f"{where}.sentences：应为非空数组")
    sentences = tuple(_sentence(s, f"{where}.sentences[{i}]", known) for i, s in enumerate(raw_sentences))
    topic = DraftTopic(
        _text(data, "key", where, required=True),
        _text(data, "name", where, required=True),
        section,
        _text(data, "after", where),
        sentences,
        _text(data, "note", where),
    )
    figure_patterns(topic, where)  # a wording whose figures cannot be read back is refused here
    return topic


# ---------------------------------------------------------------- reading the figures back


def words_before_number(template: str, where: str = "") -> tuple[str, str]:
    """The words a figure pattern is built from: the text right before {n} and the unit right after it."""
    head, _, tail = template.partition("{n}")
    head = PLACEHOLDER.split(head)[-1]  # split keeps names at odd places; the last piece is literal text
    for mark in CLAUSE_BREAK:
        head = head.rsplit(mark, 1)[-1]
    unit = tail[:1] if tail[:1] and tail[:1] not in CLAUSE_BREAK and tail[:1] != "{" else ""
    if len(head) < MIN_PATTERN_WORDS or not unit:
        raise DraftSpecError(f"{where}：“{template}”中数字前后的文字太少，正文核对时无法认出这个数字")
    return head, unit


def _pattern(words: str, unit: str, context: str = "") -> str:
    """A phrase in the syntax of the narrative figures (`{n}` stands for the number)."""
    number = f"{JOINT_GUARD}{re.escape(words)}\\s*{{n}}\\s*{re.escape(unit)}"
    return f"{re.escape(context)}[^。；]*?{number}" if context else number


def figure_patterns(topic: DraftTopic, where: str = "") -> tuple[FigurePattern, ...]:
    """One pattern for every number the topic can write."""
    figures: list[FigurePattern] = []

    def add(name: str, cells: tuple[str, ...], template: str, context: str = "", label: str = "") -> None:
        words, unit = words_before_number(template.replace("{label}", label), where)
        figures.append(FigurePattern(f"{topic.name}：{name}", cells, (_pattern(words, unit, context),)))

    for s, sentence in enumerate(topic.sentences):
        for c, clause in enumerate(sentence.clauses):
            place = f"{where}.sentences[{s}].clauses[{c}]"
            if "{n}" in clause.text:
                add(words_before_number(clause.text, place)[0], clause.cells, clause.text)
            for item in clause.items:
                add(clause.context + item.label, item.cells, clause.item, clause.context, item.label)
                for sub in item.items:
                    add(clause.context + sub.label, sub.cells, clause.sub_item, clause.context, sub.label)
    return tuple(figures)


def all_figure_patterns(topics: tuple[DraftTopic, ...]) -> tuple[FigurePattern, ...]:
    return tuple(figure for topic in topics for figure in figure_patterns(topic))

