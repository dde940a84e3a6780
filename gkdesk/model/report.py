"""The report document: everything one organ's annual report holds. No Qt.

Changes go through the setters, which notify listeners (the UI, autosave).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from gkdesk.model.text import clean_line, clean_mapping, clean_text
from gkdesk.model.values import CellValue
from gkdesk.spec import CURRENT_EDITION, FormatSpec, edition_for_year, load_spec


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


@dataclass(frozen=True)
class Paragraph:
    """A narrative paragraph: body text (possibly with bold lead phrases) or a （一）-style sub-heading."""

    runs: tuple[Run, ...]
    kind: str = "body"  # "body" or "subheading"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(cls, text: str, kind: str = "body") -> Paragraph:
        return cls((Run(text),), kind)


@dataclass(frozen=True)
class Contact:
    office: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        for name in ("office", "address", "phone", "email"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_line(value))


COMMENT_STATUSES = ("待修改", "已修改", "已确认")


@dataclass(frozen=True)
class ReviewComment:
    """A reviewer's 批注 on a cell ("requests.new.natural"), a row ("requests.new") or a paragraph ("overview#3",
    the section's third paragraph: paragraph anchors count from 1 everywhere)."""

    id: str
    anchor: str
    author: str
    text: str
    created: str  # ISO 8601
    status: str = "待修改"
    replies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "author", clean_line(self.author))
        object.__setattr__(self, "text", clean_text(self.text))
        object.__setattr__(self, "replies", tuple(clean_text(reply) for reply in self.replies))


@dataclass(frozen=True)
class Change:
    """What changed: kind is "value", "declared", "narrative", "field", "acknowledgement", "comment" or "all"."""

    kind: str
    key: str = ""


Listener = Callable[[Change], None]

# Report fields holding one line of text, and those holding free text: cleaned whenever they are set.
_LINE_FIELDS = frozenset({"organ", "organ_level"})
_TEXT_FIELDS = frozenset({"opening"})


@dataclass
class Report:
    edition: str = CURRENT_EDITION
    organ: str = ""
    organ_level: str = ""
    year: int | None = None
    contact: Contact = field(default_factory=Contact)
    opening: str = ""
    narratives: dict[str, list[Paragraph]] = field(default_factory=dict)
    values: dict[str, CellValue] = field(default_factory=dict)  # input cells, by cell key
    declared: dict[str, CellValue] = field(default_factory=dict)  # totals stated by an imported file
    acknowledgements: dict[str, str] = field(default_factory=dict)  # finding key → explanation
    comments: list[ReviewComment] = field(default_factory=list)
    previous: Report | None = field(default=None, repr=False, compare=False)  # last year's, for cross-year checks
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        """Text fields are cleaned of control characters however they are set (constructor, loader, setter)."""
        if isinstance(value, str) and name in _LINE_FIELDS:
            value = clean_line(value)
        elif isinstance(value, str) and name in _TEXT_FIELDS:
            value = clean_text(value)
        elif name == "acknowledgements" and isinstance(value, dict):
            value = clean_mapping(value)
        object.__setattr__(self, name, value)

    @classmethod
    def new(cls, year: int | None = None, organ: str = "", edition: str | None = None) -> Report:
        """A blank report for `year` (the current edition's first year if not given) in that year's edition."""
        year = load_spec(CURRENT_EDITION).first_year if year is None else year
        return cls(edition=edition or edition_for_year(year), year=year, organ=organ)

    @property
    def spec(self) -> FormatSpec:
        return load_spec(self.edition)

    @property
    def title(self) -> str:
        return self.spec.title_for(self.organ, self.year)

    def field_text(self, key: str) -> str:
        """A 基本信息 field (a key of the definition's fields) as a person reads it: the level by its label,
        the edition by its name, a missing year as ""."""
        if key.startswith("contact."):
            return str(getattr(self.contact, key.split(".", 1)[1]))
        if key == "organ_level":
            level = self.spec.organ_level(self.organ_level)
            return level.label if level else self.organ_level
        if key == "edition":
            return self.spec.name
        value = getattr(self, key)
        return "" if value is None else str(value)

    # ------------------------------------------------------------ listeners

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # ------------------------------------------------------------ setters

    def value(self, key: str) -> CellValue:
        return self.values.get(key)

    def set_value(self, key: str, value: CellValue) -> None:
        if key not in self.spec.cells:
            raise KeyError(f"未知的单元格 {key}")
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = value
        self.notify(Change("value", key))

    def set_values(self, changes: Iterable[tuple[str, CellValue]]) -> None:
        """Several cells at once (a paste), with a single notification per cell."""
        for key, value in changes:
            self.set_value(key, value)

    def set_declared(self, key: str, value: CellValue, blank: bool = False) -> None:
        """A total as a file states it; None drops it (the sum is stated), unless `blank`: the file left it empty."""
        if value is None and not blank:
            self.declared.pop(key, None)
        else:
            self.declared[key] = value
        self.notify(Change("declared", key))

    def paragraphs(self, section: str) -> list[Paragraph]:
        return self.narratives.get(section, [])

    def set_paragraphs(self, section: str, paragraphs: list[Paragraph]) -> None:
        self.narratives[section] = list(paragraphs)
        self.notify(Change("narrative", section))

    def set_field(self, name: str, value: object) -> None:
        """Set organ, organ_level, year, edition, opening or contact; the year may switch the edition."""
        if name not in ("organ", "organ_level", "year", "edition", "opening", "contact"):
            raise KeyError(name)
        setattr(self, name, value)
        self.notify(Change("field", name))

    def acknowledge(self, finding_key: str, explanation: str | None) -> None:
        if explanation:
            self.acknowledgements[finding_key] = clean_text(explanation)
        else:
            self.acknowledgements.pop(finding_key, None)
        self.notify(Change("acknowledgement", finding_key))

    def add_comment(self, anchor: str, author: str, text: str, when: datetime | None = None) -> ReviewComment:
        stamp = (when or datetime.now()).isoformat(timespec="seconds")
        comment = ReviewComment(f"c{len(self.comments) + 1}-{stamp}", anchor, author, text, stamp)
        self.comments.append(comment)
        self.notify(Change("comment", comment.id))
        return comment

    def set_comment_status(self, comment_id: str, status: str) -> None:
        if status not in COMMENT_STATUSES:
            raise ValueError(status)
        self.comments = [replace(c, status=status) if c.id == comment_id else c for c in self.comments]
        self.notify(Change("comment", comment_id))

    def replace_content(self, other: Report) -> None:
        """Take all of `other`'s content (keeping listeners), e.g. after opening a file."""
        for name in ("edition", "organ", "organ_level", "year", "contact", "opening", "previous"):
            setattr(self, name, getattr(other, name))
        self.narratives = {k: list(v) for k, v in other.narratives.items()}
        self.values = dict(other.values)
        self.declared = dict(other.declared)
        self.acknowledgements = dict(other.acknowledgements)
        self.comments = list(other.comments)
        self.notify(Change("all"))

    def copy(self) -> Report:
        clone = Report()
        clone.replace_content(self)
        return clone
