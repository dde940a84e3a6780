"""WordprocessingML written as text and parsed once (python-docx's object API is slow per paragraph/cell).

The fragments are parsed with python-docx's parser, so python-docx (document.tables, .paragraphs, the
comments hook) sees its own element classes in the finished tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.document import Document
from docx.oxml.parser import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def esc(text: str) -> str:
    """Escaped for XML text and double-quoted attribute values."""
    return text.translate(_ESCAPES)


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def pt_twips(points: float) -> int:
    return round(points * 20)


def rpr(font: str, size_pt: float, bold: bool = False) -> str:
    """Run properties naming `font` for every script (Word/WPS pick w:eastAsia for Chinese)."""
    name = esc(font)
    fonts = f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
    return f'<w:rPr>{fonts}{"<w:b/>" if bold else ""}<w:sz w:val="{round(size_pt * 2)}"/></w:rPr>'


# XML parsers (lxml included) refuse a text node over 10 MB: a longer text is written as several w:t of at most
# this many characters (6 bytes each at worst once escaped), which Word and every reader join into one run.
TEXT_NODE_CHARS = 1_000_000


def run(text: str, run_properties: str) -> str:
    if not text:
        return f"<w:r>{run_properties}</w:r>"
    pieces = (text[start : start + TEXT_NODE_CHARS] for start in range(0, len(text), TEXT_NODE_CHARS))
    return f"<w:r>{run_properties}{''.join(_text_node(piece) for piece in pieces)}</w:r>"


def _text_node(text: str) -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:t{space}>{esc(text)}</w:t>"


def append_body(document: Document, fragments: Iterable[str]) -> list[Any]:
    """Parse the w:p / w:tbl fragments and append them to the body, before its w:sectPr."""
    container = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(fragments)}</w:body>')
    body = document.element.body
    section = body.sectPr
    children = list(container)
    for child in children:
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)
    return children
