"""Correct the text a PDF reader copies out of Qt's PDF files.

Qt writes each embedded font's ToUnicode map from the font's own character map, taking for a glyph the
lowest code point that uses it. CJK fonts draw the radicals (U+2E80…U+2FDF) with the glyphs of ideographs
(⼀ and 一, ⺠ and 民), so copied text, searches and screen readers got radicals instead of 一、民、心. The
map is rewritten in place with the ideographs and with a space for the tab Qt names the space glyph by;
each code keeps its four hex digits, so no byte offset of the file moves.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_REFERENCE = re.compile(rb"/ToUnicode (\d+) 0 R")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]{4})>|(\[)|(\])|(beginbfrange|endbfrange|beginbfchar|endbfchar)")


def fix_to_unicode(pdf: bytes, ideographs: Mapping[int, int]) -> bytes:
    """`pdf` with the radicals of `ideographs` (radical → ideograph code point) replaced in its ToUnicode maps."""
    data = bytearray(pdf)
    for number in sorted({int(match[1]) for match in _REFERENCE.finditer(pdf)}):
        start = pdf.find(b"\n%d 0 obj" % number)
        begin = pdf.find(b"stream\n", start) if start >= 0 else -1
        end = pdf.find(b"endstream", begin) if begin >= 0 else -1
        if end < 0 or b"/Filter" in pdf[start:begin]:
            continue  # not found, or compressed: leave the map as Qt wrote it
        _fix_map(data, begin, end, ideographs)
    return bytes(data)


def _fix_map(data: bytearray, begin: int, end: int, ideographs: Mapping[int, int]) -> None:
    """Rewrite the destination codes of the bfrange/bfchar entries between `begin` and `end`."""
    sources_per_entry = 0  # 2 in a bfrange section, 1 in a bfchar section, 0 outside
    sources = 0
    in_array = False
    for match in _TOKEN.finditer(bytes(data[begin:end])):
        if match[4]:
            sources_per_entry = {b"beginbfrange": 2, b"beginbfchar": 1}.get(match[4], 0)
            sources, in_array = 0, False
        elif match[2]:
            in_array = True
        elif match[3]:
            sources, in_array = 0, False
        elif not sources_per_entry:
            continue
        elif not in_array and sources < sources_per_entry:
            sources += 1
        else:
            code = int(match[1], 16)
            fixed = 0x20 if 0 < code < 0x20 else ideographs.get(code, code)
            if fixed != code:
                offset = begin + match.start(1)
                data[offset : offset + 4] = b"%04X" % fixed
            if not in_array:
                sources = 0
