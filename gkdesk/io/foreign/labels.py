"""Label normalisation and fuzzy matching for reading reports typed by others.

Real documents differ from the official labels: full-width or half-width brackets, commas and quotes,
spaces and line breaks inside labels, dropped numbering, slightly altered words (本年发件 for 本年制发件数).
Labels are compared after folding all of that away; the labels themselves always come from the spec.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

MATCH_THRESHOLD = 0.65  # below this a text is not taken as the label
STRONG_MATCH = 0.75  # enough to recognise a table or a header row
AMBIGUITY_MARGIN = 0.04  # the best candidate must beat the second by this much
MAX_LABEL_CHARS = 200  # longer cell text is never a label (and fuzzy matching it would be slow)

_NUMBER_RE = re.compile(r"^[+\-−]?\d[\d,]*(?:\.\d+)?$")
# A note typed after a label: 规章(县级无此项), 行政许可（本单位无此项）, 行政强制（注：不涉及）
_NOTE_RE = re.compile(r"[(（][^()（）]*(?:此项|无此|不适用|不涉及|本单位|本机关|本部门|县级|乡镇|注)[^()（）]*[)）]")
SHORT_SUBSTRING_SCORE = 0.66  # a two-character text inside one label (废止 in 本年废止件数): enough alone, never strong


@lru_cache(maxsize=8192)
def normalise_label(text: str) -> str:
    """Fold width, drop whitespace, punctuation, quotes and brackets: only letters and digits remain."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def looks_numeric(text: str) -> bool:
    """True for text that is a number once padding and full-width digits are folded."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return bool(_NUMBER_RE.match(folded))


@lru_cache(maxsize=65536)
def _score_normalised(found: str, label: str) -> float:
    if not found or not label or len(found) > MAX_LABEL_CHARS:
        return 0.0
    if found == label:
        return 1.0
    short, long = (found, label) if len(found) <= len(label) else (label, found)
    if len(short) >= 3 and short in long:
        return 0.75 + 0.2 * len(short) / len(long)
    if len(found) == 2 and found in label:
        return SHORT_SUBSTRING_SCORE
    matcher = SequenceMatcher(None, found, label, autojunk=False)
    if matcher.quick_ratio() < MATCH_THRESHOLD:
        return 0.0
    return matcher.ratio()


def without_notes(text: str) -> str:
    """The label without notes typed into it (“规章(县级无此项)” → “规章”)."""
    return _NOTE_RE.sub("", text)


def label_score(found: str, label: str) -> float:
    """How well `found` (text from a file) matches the official `label`, 0 to 1; a typed note is no part of it."""
    score = _score_normalised(normalise_label(found), normalise_label(label))
    bare = without_notes(found)
    if bare != found and score < 1.0:
        score = max(score, _score_normalised(normalise_label(bare), normalise_label(label)))
    return score


def best_match(found: str, candidates: Iterable[tuple[str, str]], threshold: float = MATCH_THRESHOLD) -> str | None:
    """The key of the candidate (key, label) that `found` matches best, or None if none or ambiguous."""
    scored: dict[str, float] = {}
    for key, label in candidates:
        score = label_score(found, label)
        if score > scored.get(key, 0.0):
            scored[key] = score
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda item: item[1], reverse=True)
    best_key, best = ranked[0]
    if best < threshold:
        return None
    if len(ranked) > 1 and best < 1.0 and best - ranked[1][1] < AMBIGUITY_MARGIN:
        return None
    return best_key
