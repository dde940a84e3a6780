"""Paragraph kinds of the GB/T 9704 body as WordprocessingML: title, 一、 heading, （一） heading,
body text with bold lead phrases, and the empty line after a table."""

from __future__ import annotations

import re

from gkdesk.io.docx.fonts import (
    BODY_FONT,
    BODY_SIZE,
    HEADING_FONT,
    SUBHEADING_FONT,
    TITLE_FONT,
    TITLE_SIZE,
)
from gkdesk.io.docx.wml import pt_twips, rpr, run
from gkdesk.io.files.textsafe import clean_text
from gkdesk.model import Run

LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
TITLE_LINE_PITCH_PT = 35.0

# A run-in second-level heading opening a body paragraph: "（一）聚焦重点，全面推进主动公开。"
RUN_IN_HEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。]{1,40}?。")

_LINE = pt_twips(LINE_PITCH_PT)
_SPACING = f'<w:spacing w:lineRule="exact" w:line="{_LINE}" w:before="0" w:after="0"/>'
_INDENT = f'<w:ind w:firstLine="{pt_twips(2 * BODY_SIZE)}" w:firstLineChars="200"/>'  # two characters
_BODY_RPR = rpr(BODY_FONT, BODY_SIZE)
_BOLD_RPR = rpr(BODY_FONT, BODY_SIZE, bold=True)
_SUBHEADING_RPR = rpr(SUBHEADING_FONT, BODY_SIZE)


def title_xml(text: str) -> str:
    """2号 方正小标宋简体, centred, one body line of space below."""
    spacing = f'<w:spacing w:lineRule="exact" w:line="{pt_twips(TITLE_LINE_PITCH_PT)}" w:before="0" w:after="{_LINE}"/>'
    body = run(clean_text(text), rpr(TITLE_FONT, TITLE_SIZE))
    return f'<w:p><w:pPr>{spacing}<w:jc w:val="center"/></w:pPr>{body}</w:p>'


def heading_xml(text: str, level: int) -> str:
    """Level 1: 一、 in 黑体; level 2: （一） in 楷体_GB2312; indented like body text, kept with the next."""
    font = HEADING_FONT if level == 1 else SUBHEADING_FONT
    properties = (
        f'<w:pPr><w:keepNext/>{_SPACING}{_INDENT}<w:jc w:val="both"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
    )
    return f"<w:p>{properties}{run(clean_text(text), rpr(font, BODY_SIZE))}</w:p>"


def body_xml(runs: tuple[Run, ...]) -> str:
    """Body text; bold lead phrases stay bold, a run-in （一） heading is set in 楷体_GB2312."""
    parts = [f'<w:p><w:pPr>{_SPACING}{_INDENT}<w:jc w:val="both"/></w:pPr>']
    for index, item in enumerate(_split_run_in_heading(runs)):
        if index == 0 and RUN_IN_HEADING.fullmatch(item.text):
            properties = rpr(SUBHEADING_FONT, BODY_SIZE, bold=True) if item.bold else _SUBHEADING_RPR
        else:
            properties = _BOLD_RPR if item.bold else _BODY_RPR
        parts.append(run(clean_text(item.text), properties))
    parts.append("</w:p>")
    return "".join(parts)


def _split_run_in_heading(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if not runs or runs[0].bold:
        return runs
    match = RUN_IN_HEADING.match(runs[0].text)
    if match is None:
        return runs
    head, rest = runs[0].text[: match.end()], runs[0].text[match.end() :]
    return (Run(head), *((Run(rest),) if rest else ()), *runs[1:])


def gap_xml() -> str:
    """An empty line after a table."""
    return f"<w:p><w:pPr>{_SPACING}</w:pPr></w:p>"
