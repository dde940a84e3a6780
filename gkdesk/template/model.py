"""A template (.gkt): what the county fixes for every unit's report. Data only, nothing executable. No Qt."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gkdesk.model import Contact


@dataclass(frozen=True)
class Unit:
    """A unit expected to report: its name, its organ level key (from the format definition) and a code."""

    name: str
    level: str = ""
    code: str = ""


@dataclass(frozen=True)
class Template:
    """The year and edition are fixed; the rest is shown to or pre-filled for the unit that fills it in."""

    year: int
    edition: str
    issuer: str = ""  # who prepared it, e.g. 某某县人民政府办公室
    contact: Contact = field(default_factory=Contact)  # the county's contact, shown to the filler
    deadline: str = ""  # ISO date "2026-01-20", or blank
    instructions: str = ""  # shown when the template is opened
    opening: str = ""  # pre-filled opening paragraph; may contain {organ}, {year}, …
    narratives: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (section key, paragraphs)
    units: tuple[Unit, ...] = ()

    def narrative(self, section: str) -> tuple[str, ...]:
        for key, paragraphs in self.narratives:
            if key == section:
                return paragraphs
        return ()

    def unit(self, name: str) -> Unit | None:
        """The listed unit called `name` (compared after normalising width and spaces)."""
        wanted = unit_key(name)
        for unit in self.units:
            if unit_key(unit.name) == wanted:
                return unit
        return None


def unit_key(name: str) -> str:
    """How unit names are compared: NFKC-folded (full-width letters and digits), white space, zero-width and
    control characters removed."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE)


_INVISIBLE = ("Cc", "Cf")  # control characters; format characters: zero-width spaces and joiners, BOM, marks


_PLACEHOLDER = re.compile(r"\{(organ|year|office|address|phone|email)\}")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace {organ}, {year}, {office}, {address}, {phone}, {email} with `values`.

    Plain substitution of a fixed list of names: never str.format, so nothing in a template file can reach
    attributes or run anything. Placeholders without a value are left as they are.
    """

    def substitute(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else match.group(0)

    return _PLACEHOLDER.sub(substitute, text)
