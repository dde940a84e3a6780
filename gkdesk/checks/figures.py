"""Figures the narrative states about the tables, read with the phrases of the format definition.

Each `text.table_mismatch` figure in forms/*.toml names its cells and the phrases that state it:
`patterns` are regular expressions where `{n}` stands for the number (digits, full-width digits or
thousands separators), `zero_patterns` phrases that state zero without a digit (“未收到…申请”).
Reading and drafting agree by using this one reader: whatever a draft writes, `stated_figures`
parses back.

Where phrases overlap (“予以公开及部分公开258件” also contains “部分公开258件”), the longest phrase
stating a number wins, so a combined figure is never read as one of its parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gkdesk.spec.phrases import compile_phrase, required_literals

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class StatedFigure:
    """One figure found in a text: which figure, the number stated and the phrase stating it."""

    name: str
    cells: tuple[str, ...]
    value: int
    phrase: str
    start: int
    end: int
    claim: tuple[object, ...]  # what the phrase states: the number's position, or (figure, start) for zero phrases


def fold_digits(text: str) -> str:
    """Full-width digits as ASCII, one character for one (positions are kept)."""
    return text.translate(_FULL_WIDTH_DIGITS)


# The phrases are searched in at most this many characters of one paragraph: far beyond any real paragraph,
# and a pasted or hostile paragraph of megabytes cannot make each check take seconds.
MAX_SCANNED_CHARS = 200_000


def _candidates(text: str, figures: Sequence[Mapping[str, Any]]) -> Iterator[StatedFigure]:
    folded = fold_digits(text[:MAX_SCANNED_CHARS])
    for figure in figures:
        name, cells = figure["name"], tuple(figure["cells"])
        for zero, key in ((False, "patterns"), (True, "zero_patterns")):
            for pattern in figure.get(key, ()):
                literals = required_literals(pattern)
                if literals is not None and not all(literal in folded for literal in literals):
                    continue  # cannot match: not even compiled
                for match in compile_phrase(pattern).finditer(folded):
                    value = 0 if zero else int(match.group(1).replace(",", ""))
                    claim: tuple[object, ...] = (name, match.start()) if zero else match.span(1)
                    phrase = text[match.start() : match.end()].strip()
                    yield StatedFigure(name, cells, value, phrase, match.start(), match.end(), claim)


# The re-check after each keystroke in a table reads the same paragraphs again: what a paragraph states is
# remembered per (figures definition, text). The definitions are kept referenced so their ids stay theirs.
_READ: dict[tuple[int, str], tuple[StatedFigure, ...]] = {}
_DEFINITIONS: dict[int, Sequence[Mapping[str, Any]]] = {}
_MAX_REMEMBERED = 512  # a report has some tens of paragraphs; a roll-up reads each text once


def stated_figures(text: str, figures: Sequence[Mapping[str, Any]]) -> list[StatedFigure]:
    """Every figure `text` states, in text order.

    A number read by several phrases (“予以公开及部分公开258件” and its tail “部分公开258件”) belongs
    to the longest of them; the same for a zero phrase read twice for one figure.
    """
    key = (id(figures), text)
    known = _READ.get(key)
    if known is None or _DEFINITIONS.get(id(figures)) is not figures:
        if len(_READ) >= _MAX_REMEMBERED:
            _READ.clear()
            _DEFINITIONS.clear()
        _DEFINITIONS[id(figures)] = figures
        known = _READ[key] = tuple(_read(text, figures))
    return list(known)


def _read(text: str, figures: Sequence[Mapping[str, Any]]) -> list[StatedFigure]:
    found = sorted(_candidates(text, figures), key=lambda f: (-(f.end - f.start), f.start))
    kept: dict[tuple[object, ...], StatedFigure] = {}
    for figure in found:
        kept.setdefault(figure.claim, figure)
    return sorted(kept.values(), key=lambda f: (f.start, f.name))
