"""Which format's tables a file holds, told by the labels only one format has.

The 2019 trial format's table 二 has columns such as 本年新制作数量 and 对外公开总数量 and rows such as
政府集中采购; the 2021 format has 本年制发件数, 现行有效件数 and the three rows of 三（六）. Every such
label is taken from the two definitions (labels of one edition that the other lacks), so a report typed in
the withdrawn layout is recognised by its headers even when all its figures are blank.
"""

from __future__ import annotations

from functools import cache

from gkdesk.io.foreign.filegrid import FileGrid
from gkdesk.io.foreign.labels import label_score, looks_numeric, normalise_label
from gkdesk.io.foreign.table_labels import table_labels
from gkdesk.spec import EDITIONS, load_spec

SURE_MATCH = 0.9  # a header counts as a format's own label only when it is (nearly) that label
MIN_OWN_LABELS = 2  # at least this many of one format's own labels, and none of the other's
_MAX_LABEL_CHARS = 60


def _labels(edition: str) -> set[str]:
    return {
        normalise_label(label)
        for key in load_spec(edition).tables
        for label in table_labels(edition, key).all_labels()
        if normalise_label(label)
    }


@cache
def own_labels(edition: str) -> tuple[str, ...]:
    """Labels of `edition`'s tables that no other edition has (normalised)."""
    others = set().union(*(_labels(other) for other in EDITIONS if other != edition))
    return tuple(sorted(label for label in _labels(edition) if label not in others))


def _texts(grids: list[FileGrid]) -> set[str]:
    found = set()
    for grid in grids:
        for row in range(len(grid.rows)):
            for _, cell in grid.distinct(row):
                text = cell.text.strip()
                if text and len(text) <= _MAX_LABEL_CHARS and not looks_numeric(text):
                    found.add(normalise_label(text))
    return found


@cache
def _all_labels() -> tuple[tuple[str, str | None], ...]:
    """(label, the edition owning it alone, or None for a label both editions have)."""
    owner = {label: edition for edition in EDITIONS for label in own_labels(edition)}
    every = set().union(*(_labels(edition) for edition in EDITIONS))
    return tuple((label, owner.get(label)) for label in sorted(every))


def _owner_of(text: str) -> str | None:
    """The edition whose own label `text` is: its closest label, nearly equal, belongs to that edition alone."""
    scored = [(label_score(text, label), owner) for label, owner in _all_labels()]
    score, owner = max(scored, key=lambda item: item[0])
    return owner if score >= SURE_MATCH else None


def layout_edition(grids: list[FileGrid]) -> str | None:
    """The edition whose own labels the tables carry (and no other's), or None when they do not tell."""
    hits = dict.fromkeys(EDITIONS, 0)
    for text in _texts(grids):
        owner = _owner_of(text)
        if owner is not None:
            hits[owner] += 1
    telling = [edition for edition, count in hits.items() if count >= MIN_OWN_LABELS]
    if len(telling) == 1 and all(count == 0 for edition, count in hits.items() if edition != telling[0]):
        return telling[0]
    return None
