"""Paragraph kinds of the GB/T 9704 body: title, 一、 heading, （一） heading, body text with bold lead phrases."""

from __future__ import annotations

import re

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from gkdesk.io.textsafe import clean_text
from gkdesk.io.word.fonts import (
    BODY_FONT,
    BODY_SIZE,
    HEADING_FONT,
    SUBHEADING_FONT,
    TITLE_FONT,
    TITLE_SIZE,
    style_run,
)
from gkdesk.model import Run

# 22 lines in the 225 mm text block.
LINE_PITCH = Pt(28.95)
TITLE_LINE_PITCH = Pt(35)


def _fixed_spacing(paragraph: Paragraph, pitch: Pt) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _indent_two_characters(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "200")


def _outline_level(paragraph: Paragraph, level: int) -> None:
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(element)


def add_title(document: Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fixed_spacing(paragraph, TITLE_LINE_PITCH)
    paragraph.paragraph_format.space_after = LINE_PITCH
    style_run(paragraph.add_run(clean_text(text)), TITLE_FONT, TITLE_SIZE)
    return paragraph


def add_heading(document: Document, text: str, level: int) -> Paragraph:
    """Level 1: 一、 in 黑体; level 2: （一） in 楷体_GB2312; both indented like body text."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _fixed_spacing(paragraph, LINE_PITCH)
    _indent_two_characters(paragraph)
    _outline_level(paragraph, level - 1)
    paragraph.paragraph_format.keep_with_next = True
    style_run(paragraph.add_run(clean_text(text)), HEADING_FONT if level == 1 else SUBHEADING_FONT, BODY_SIZE)
    return paragraph


# A run-in second-level heading opening a body paragraph: "（一）聚焦重点，全面推进主动公开。"
RUN_IN_HEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。]{1,40}?。")


def add_body(document: Document, runs: tuple[Run, ...]) -> Paragraph:
    """Body text; bold lead phrases stay bold, a run-in （一） heading is set in 楷体_GB2312."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _fixed_spacing(paragraph, LINE_PITCH)
    _indent_two_characters(paragraph)
    runs = _split_run_in_heading(runs)
    for index, run in enumerate(runs):
        font = SUBHEADING_FONT if index == 0 and RUN_IN_HEADING.fullmatch(run.text) else BODY_FONT
        style_run(paragraph.add_run(clean_text(run.text)), font, BODY_SIZE, bold=run.bold or None)
    return paragraph


def _split_run_in_heading(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if not runs or runs[0].bold:
        return runs
    match = RUN_IN_HEADING.match(runs[0].text)
    if match is None:
        return runs
    head, rest = runs[0].text[: match.end()], runs[0].text[match.end() :]
    return (Run(head), *((Run(rest),) if rest else ()), *runs[1:])


def add_gap(document: Document) -> Paragraph:
    """An empty line after a table."""
    paragraph = document.add_paragraph()
    _fixed_spacing(paragraph, LINE_PITCH)
    return paragraph
