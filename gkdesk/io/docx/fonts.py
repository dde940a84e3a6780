"""Fonts of the GB/T 9704 layout, set so that Word and WPS pick the East-Asian face (w:eastAsia)."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run
from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.gbt9704 import BODY_FONT, BODY_SIZE, HEADING_FONT, PAGE_NUMBER_FONT, SUBHEADING_FONT, TITLE_FONT

# Faces Word uses when the named one is missing (w:altName in the font table): degrade gracefully.
_ALTERNATES = {
    TITLE_FONT: "宋体",
    BODY_FONT: "仿宋",
    SUBHEADING_FONT: "楷体",
    HEADING_FONT: "SimHei",
    PAGE_NUMBER_FONT: "SimSun",
}


def set_rfonts(rpr: Any, name: str) -> None:
    """Name `name` for ASCII, high-ANSI, East-Asian and complex script text of a w:rPr."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)


def style_run(run: Run, font: str, size: float, bold: bool | None = None) -> None:
    run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    set_rfonts(run._r.get_or_add_rPr(), font)


def set_default_fonts(document: Document) -> None:
    """Normal style: 仿宋_GB2312 3号, Chinese language; fonts registered with fallbacks."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
    if default_rpr is not None:
        set_rfonts(default_rpr, BODY_FONT)
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    rpr = normal.element.get_or_add_rPr()
    set_rfonts(rpr, BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    _register_fonts(document)


def _register_fonts(document: Document) -> None:
    font_table = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")), None
    )
    if font_table is None:
        return
    root = etree.fromstring(font_table.blob)
    for name, alternate in _ALTERNATES.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternate)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "auto")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
