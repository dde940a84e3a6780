"""Text as the report holds it: no control characters, whatever a person typed or pasted or a file held.

Exporters write XML (Word, Excel) and XML 1.0 cannot carry most control characters; removing them here,
where text enters the report, means no exporter can meet one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# C0 controls other than tab, line feed and carriage return; DEL and the C1 controls; lone surrogates;
# the two non-characters XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\t\n\r\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """`text` without control characters (tab and line breaks kept): paragraphs, comments, explanations."""
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """One-line text (names, contact fields): control characters, tabs and line breaks removed."""
    return _LINE_BREAK.sub("", _CONTROL.sub("", text))


def clean_mapping(values: Mapping[str, str]) -> dict[str, str]:
    """A copy of `values` with every value cleaned as text."""
    return {key: clean_text(value) if isinstance(value, str) else value for key, value in values.items()}
