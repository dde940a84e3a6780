"""Text that can go into XML (docx) and Excel cells: characters XML 1.0 forbids are dropped."""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` without control characters, lone surrogates and non-characters (tab and newline kept)."""
    return _ILLEGAL.sub("", text)
