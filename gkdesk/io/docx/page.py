"""Page set-up of GB/T 9704: A4, margins 37/35/28/26 mm, page numbers "— N —" odd right, even left."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from gkdesk.io import gbt9704 as gb
from gkdesk.io.docx.fonts import style_run
from gkdesk.io.gbt9704 import PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE


def set_up_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(gb.PAGE_WIDTH_MM), Mm(gb.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(gb.TOP_MM), Mm(gb.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(gb.LEFT_MM), Mm(gb.RIGHT_MM)
    section.header_distance = Mm(15)
    # The number's top sits 7 mm below the text block; a 4号 line is about 5 mm high.
    section.footer_distance = Mm(gb.BOTTOM_MM - gb.PAGE_NUMBER_GAP_MM - 5)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph: Paragraph, alignment: WD_ALIGN_PARAGRAPH) -> None:
    paragraph.alignment = alignment
    one_character = Pt(PAGE_NUMBER_SIZE)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = one_character
    else:
        paragraph.paragraph_format.left_indent = one_character
    style_run(paragraph.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    _field(paragraph, "PAGE")
    style_run(paragraph.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A complex field (begin / instruction / separate / "1" / end), as Word writes it."""
    for kind, text in (
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        style_run(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
