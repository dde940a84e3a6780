"""Text pasted from Word/WPS into a section: paragraphs keep their bold lead phrases, first-line indents
become plain paragraphs, and “（一）…” lines become 小标题."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from gkdesk.model import Paragraph, Run
from gkdesk.ui.rich_text import block_format, char_format

_SUBHEADING = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")
MAX_SUBHEADING = 40  # a longer “（一）…” line is a body paragraph that starts with its number
_INDENT = re.compile(r"^[\s\u3000]+")


def paragraph_kind(text: str) -> str:
    text = text.strip()
    if _SUBHEADING.match(text) and len(text) <= MAX_SUBHEADING and "。" not in text[:-1]:
        return "subheading"
    return "body"


def _paragraph(runs: list[Run]) -> Paragraph | None:
    """Leading indent removed; runs of equal weight merged; None for an empty line."""
    merged: list[Run] = []
    for run in runs:
        text = run.text if merged else _INDENT.sub("", run.text)
        if not text:
            continue
        if merged and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + text, run.bold)
        else:
            merged.append(Run(text, run.bold))
    if not merged or not "".join(r.text for r in merged).strip():
        return None
    text = "".join(r.text for r in merged).strip()
    if paragraph_kind(text) == "subheading":
        return Paragraph.plain(text, "subheading")
    return Paragraph(tuple(merged), "body")


def paragraphs_from_html(html: str) -> list[Paragraph]:
    document = QTextDocument()
    document.setHtml(html)
    paragraphs: list[Paragraph] = []
    block = document.begin()
    while block.isValid():
        runs: list[Run] = []
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                bold = fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold
                runs.append(Run(fragment.text().replace("\u2028", ""), bold))
            iterator += 1
        paragraph = _paragraph(runs)
        if paragraph is not None:
            paragraphs.append(paragraph)
        block = block.next()
    return paragraphs


def paragraphs_from_text(text: str) -> list[Paragraph]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [p for p in (_paragraph([Run(line)]) for line in lines) if p is not None]


def pasted_paragraphs(source: QMimeData) -> list[Paragraph]:
    """What a paste brings: formatted paragraphs from HTML (Word, WPS, browsers), else plain lines."""
    if source.hasHtml():
        found = paragraphs_from_html(source.html())
        if found:
            return found
    return paragraphs_from_text(source.text()) if source.hasText() else []


def insert_paragraphs(cursor: QTextCursor, paragraphs: list[Paragraph], indent_px: float) -> None:
    """Insert at the cursor as one edit: the first paragraph joins the current line, the rest are new blocks."""
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    for number, paragraph in enumerate(paragraphs):
        fmt = block_format(paragraph.kind)
        if paragraph.kind != "subheading":
            fmt.setTextIndent(indent_px)
        if number > 0:
            cursor.insertBlock(fmt)
        elif not cursor.block().text().strip() and len(paragraphs) > 1:
            cursor.setBlockFormat(fmt)
        for run in paragraph.runs:
            cursor.insertText(run.text, char_format(run.bold or paragraph.kind == "subheading"))
    cursor.endEditBlock()
