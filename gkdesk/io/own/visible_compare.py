"""Comparing what a gkdesk-made document visibly shows with the data embedded in it."""

from __future__ import annotations

from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.own.embedded import Difference
from gkdesk.model import CellValue, Invalid, as_number, format_value, parse_lenient
from gkdesk.spec import ValueType


def same_value(embedded: CellValue, visible_text: str, value_type: ValueType) -> bool:
    """Equal as numbers (blank = 0, 1340.5117 = 1340.51170); invalid text must match verbatim."""
    visible = parse_lenient(visible_text, value_type)
    if isinstance(embedded, Invalid) or isinstance(visible, Invalid):
        return clean_text(format_value(embedded)).strip() == visible_text.strip()
    return as_number(embedded) == as_number(visible)


def value_difference(key: str, embedded: CellValue, visible_text: str, value_type: ValueType) -> list[Difference]:
    if same_value(embedded, visible_text, value_type):
        return []
    return [Difference(key, format_value(embedded), visible_text.strip())]


def text_difference(key: str, embedded: str, visible: str) -> list[Difference]:
    """Texts compared after dropping characters a document cannot hold and outer whitespace."""
    expected = clean_text(embedded).strip()
    if expected == visible.strip():
        return []
    return [Difference(key, expected, visible.strip())]


def paragraph_differences(section: str, embedded: list[str], visible: list[str]) -> list[Difference]:
    """Paragraph by paragraph ("overview#3", 1-based); empty paragraphs ignored on both sides."""
    expected = [clean_text(text).strip() for text in embedded if clean_text(text).strip()]
    shown = [text.strip() for text in visible if text.strip()]
    differences = []
    for index in range(max(len(expected), len(shown))):
        old = expected[index] if index < len(expected) else ""
        new = shown[index] if index < len(shown) else ""
        if old != new:
            differences.append(Difference(f"{section}#{index + 1}", old, new))
    return differences
