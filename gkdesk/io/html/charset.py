"""The text of a saved web page: its encoding from the byte order mark, the <meta> tag, or detection.

Government portals publish in UTF-8 or in GB2312/GBK; pages saved by a browser keep the declared
encoding. GB2312 and GBK are decoded as GB18030, their superset, so a character outside the declared
set (a rare name in an organ's title) still reads.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_SCAN_BYTES = 8192
_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CHINESE_LEGACY = {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"}


def _python_codec(name: str) -> str | None:
    lowered = name.strip().lower()
    if lowered in _CHINESE_LEGACY:
        return "gb18030"
    try:
        return codecs.lookup(lowered).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The encoding the page declares (BOM first, then an XML declaration or a <meta> tag), as a codec name."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:_META_SCAN_BYTES]
    match = _XML_DECL_RE.search(head) or _META_RE.search(head)
    return _python_codec(match.group(1).decode("ascii")) if match else None


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The page's text: `declared` (e.g. from a MIME header) or the page's own declaration, else UTF-8 if the
    bytes are valid UTF-8, else GB18030. Undecodable bytes become U+FFFD rather than failing the file."""
    codec = (_python_codec(declared) if declared else None) or declared_charset(data)
    if codec is not None:
        text = data.decode(codec, errors="replace")
        if codec.startswith("utf-16") or "\ufffd" not in text or codec == "gb18030":
            return text.lstrip("\ufeff")
        # A page declaring UTF-8 but saved in GBK (or the reverse) is common: trust the bytes.
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")
