"""Narrative paragraphs ⇄ QTextDocument: sub-headings are heading blocks, bold lead phrases bold runs."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from gkdesk.model import Paragraph, Run

SUBHEADING_LEVEL = 3
BODY_INDENT_CHARS = 2


def is_subheading(block_format: QTextBlockFormat) -> bool:
    return block_format.headingLevel() == SUBHEADING_LEVEL


def block_format(kind: str) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(4)
    fmt.setBottomMargin(4)
    if kind == "subheading":
        fmt.setHeadingLevel(SUBHEADING_LEVEL)
        fmt.setTextIndent(0)
    else:
        fmt.setHeadingLevel(0)
    return fmt


def char_format(bold: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return fmt


def fill_document(document: QTextDocument, paragraphs: list[Paragraph], indent_px: float) -> None:
    """Replace the document's content with `paragraphs` (one block each)."""
    document.clear()
    cursor = QTextCursor(document)
    for i, paragraph in enumerate(paragraphs):
        fmt = block_format(paragraph.kind)
        if paragraph.kind != "subheading":
            fmt.setTextIndent(indent_px)
        if i == 0:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        for run in paragraph.runs:
            cursor.insertText(run.text, char_format(run.bold or paragraph.kind == "subheading"))


def read_document(document: QTextDocument) -> list[Paragraph]:
    """The document's non-empty blocks as paragraphs (adjacent runs of equal weight merged)."""
    paragraphs: list[Paragraph] = []
    block = document.begin()
    while block.isValid():
        text = block.text()
        if text.strip():
            if is_subheading(block.blockFormat()):
                paragraphs.append(Paragraph.plain(text, "subheading"))
            else:
                paragraphs.append(Paragraph(_runs(block), "body"))
        block = block.next()
    return paragraphs


def _runs(block: object) -> tuple[Run, ...]:
    runs: list[Run] = []
    iterator = block.begin()  # type: ignore[attr-defined]
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.text():
            bold = fragment.charFormat().fontWeight() >= QFont.Weight.Bold
            if runs and runs[-1].bold == bold:
                runs[-1] = Run(runs[-1].text + fragment.text(), bold)
            else:
                runs.append(Run(fragment.text(), bold))
        iterator += 1
    return tuple(runs)


def block_of_paragraph(document: QTextDocument, paragraph_index: int) -> int:
    """Block number of the paragraph_index-th non-empty block (what read_document numbers)."""
    count = -1
    block = document.begin()
    while block.isValid():
        if block.text().strip():
            count += 1
            if count == paragraph_index:
                return block.blockNumber()
        block = block.next()
    return max(0, document.blockCount() - 1)
