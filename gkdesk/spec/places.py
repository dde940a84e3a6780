"""A place in a report as a value: a cell, a row, a paragraph, a section or a 基本信息 field.

Each has the spelling files and code already use (`str(place)`: "requests.new.natural", "requests.new",
"overview#3", "overview", "contact.phone"); `FormatSpec.place(key)` parses one against the definition and
`FormatSpec.describe(place)` gives its one Chinese description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH_RE = re.compile(r"^([a-z_]+)#(\d+)$")


@dataclass(frozen=True)
class CellRef:
    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


@dataclass(frozen=True)
class RowRef:
    table: str
    row: str

    def __str__(self) -> str:
        return f"{self.table}.{self.row}"


@dataclass(frozen=True)
class ParagraphRef:
    """A section's paragraph, numbered from 1 as people count them."""

    section: str
    number: int

    @classmethod
    def parse(cls, key: str) -> ParagraphRef | None:
        """“overview#3” → ParagraphRef("overview", 3); None for any other key."""
        match = _PARAGRAPH_RE.match(key)
        return cls(match.group(1), int(match.group(2))) if match else None

    @property
    def index(self) -> int:
        """The position in the section's paragraph list (from 0)."""
        return self.number - 1

    def __str__(self) -> str:
        return f"{self.section}#{self.number}"


@dataclass(frozen=True)
class SectionRef:
    section: str

    def __str__(self) -> str:
        return self.section


@dataclass(frozen=True)
class FieldRef:
    """A 基本信息 field of the definition ("organ", "contact.phone" …) or the opening paragraph ("opening")."""

    key: str

    def __str__(self) -> str:
        return self.key


Place = CellRef | RowRef | ParagraphRef | SectionRef | FieldRef
OPENING = FieldRef("opening")
OPENING_NAME = "开头段落"
