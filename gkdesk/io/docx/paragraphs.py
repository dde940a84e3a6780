"""Paragraph kinds of the GB/T 9704 body as WordprocessingML: title, 一、 heading, （一） heading,
body text with bold lead phrases, and the empty line after a table."""

from __future__ import annotations

from gkdesk.io.docx.wml import pt_twips, rpr, run
from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.gbt9704 import (
    BODY_FONT,
    BODY_SIZE,
    HEADING_FONT,
    LINE_PITCH_PT,
    SUBHEADING_FONT,
    TITLE_FONT,
    TITLE_LINE_PITCH_PT,
    TITLE_SIZE,
)
from gkdesk.io.printed import RUN_IN_HEADING, split_run_in_heading
from gkdesk.model import Run

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
    for index, item in enumerate(split_run_in_heading(runs)):
        if index == 0 and RUN_IN_HEADING.fullmatch(item.text):
            properties = rpr(SUBHEADING_FONT, BODY_SIZE, bold=True) if item.bold else _SUBHEADING_RPR
        else:
            properties = _BOLD_RPR if item.bold else _BODY_RPR
        parts.append(run(clean_text(item.text), properties))
    parts.append("</w:p>")
    return "".join(parts)


def gap_xml() -> str:
    """An empty line after a table."""
    return f"<w:p><w:pPr>{_SPACING}</w:pPr></w:p>"
