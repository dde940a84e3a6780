"""Paragraphs of the printed report broken into lines on the GB/T 9704 grid: exact line pitch, two
characters of first-line indent, justified; bold lead phrases and run-in （一） headings in their faces."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QTextCharFormat, QTextLayout, QTextOption

from gkdesk.io import gbt9704 as page
from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.printed import Block
from gkdesk.ui.printing.fonts import font
from gkdesk.ui.printing.units import layout_device, mm, pt

TEXT_WIDTH = mm(page.TEXT_WIDTH_MM)
AUTOSPACE_EM = 0.25


@dataclass
class TextLines:
    """A laid-out paragraph: `count` lines `pitch` apart; `keep_with_next` for headings."""

    layout: QTextLayout
    count: int
    pitch: float
    space_after: float = 0.0
    keep_with_next: bool = False

    def draw(self, painter: QPainter, first: int, last: int, x: float, top: float) -> None:
        """Lines first..last-1 with the top of line `first` at `top`."""
        origin = QPointF(x, top - first * self.pitch)
        for index in range(first, last):
            self.layout.lineAt(index).draw(painter, origin)


def lay_out(
    text: str,
    base: QFont,
    pitch: float,
    width: float,
    indent: float,
    align: Qt.AlignmentFlag,
    formats: list[QTextLayout.FormatRange] | None = None,
) -> TextLines:
    """Break `text` into lines of `width` (the first indented by `indent`), each centred in its `pitch`."""
    shown = clean_text(text).replace("\n", "\u2028")
    layout = QTextLayout(shown, base, layout_device())
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans = [*(formats or []), *_autospace(shown, base)]
    if spans:
        layout.setFormats(spans)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        shift = indent if count == 0 else 0.0
        line.setLineWidth(width - shift)
        line.setPosition(QPointF(shift, count * pitch + (pitch - line.height()) / 2))
        count += 1
    layout.endLayout()
    return TextLines(layout, max(count, 1), pitch)


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _autospace(text: str, base: QFont) -> list[QTextLayout.FormatRange]:
    """A quarter of a character after a Chinese character followed by a Latin letter or digit and after one
    before a Chinese character, as Word and WPS space 同心县 2021 年 (their "autospace" default)."""
    spacing = _letter_spacing(AUTOSPACE_EM * pt(base.pointSizeF()) / _letter_spacing_unit(base))
    spans = []
    for index in range(len(text) - 1):
        here, after = text[index], text[index + 1]
        if (_is_han(here) and after.isascii() and after.isalnum()) or (
            here.isascii() and here.isalnum() and _is_han(after)
        ):
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = index, 1, spacing
            spans.append(span)
    return spans


def _letter_spacing(value: float) -> QTextCharFormat:
    spacing = QTextCharFormat()
    spacing.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    spacing.setFontLetterSpacing(value)
    return spacing


def _letter_spacing_unit(base: QFont) -> float:
    """Layout pixels one unit of absolute letter spacing adds (Qt scales it by the device's resolution)."""
    key = (base.family(), base.pointSizeF())
    if key not in _SPACING_UNITS:
        widths = []
        for value in (0.0, 100.0):
            layout = QTextLayout("一", base, layout_device())
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = 0, 1, _letter_spacing(value)
            layout.setFormats([span])
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(TEXT_WIDTH)
            layout.endLayout()
            widths.append(line.naturalTextWidth())
        _SPACING_UNITS[key] = (widths[1] - widths[0]) / 100.0 or 1.0
    return _SPACING_UNITS[key]


_SPACING_UNITS: dict[tuple[str, float], float] = {}


def _format(start: int, length: int, face_font: QFont) -> QTextLayout.FormatRange:
    char_format = QTextCharFormat()
    char_format.setFont(face_font)
    span = QTextLayout.FormatRange()
    span.start, span.length, span.format = start, length, char_format
    return span


def block_lines(block: Block) -> TextLines:
    """A title, opening, heading, sub-heading or body paragraph of the report, laid out."""
    body_pitch = pt(page.LINE_PITCH_PT)
    indent = page.INDENT_CHARS * pt(page.BODY_SIZE)
    justify = Qt.AlignmentFlag.AlignJustify
    if block.kind == "title":
        lines = lay_out(
            block.text,
            font(page.TITLE_FONT, page.TITLE_SIZE),
            pt(page.TITLE_LINE_PITCH_PT),
            TEXT_WIDTH,
            0.0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        lines.space_after = body_pitch
        return lines
    if block.kind in ("heading", "subheading"):
        face = page.HEADING_FONT if block.kind == "heading" else page.SUBHEADING_FONT
        lines = lay_out(block.text, font(face, page.BODY_SIZE), body_pitch, TEXT_WIDTH, indent, justify)
        lines.keep_with_next = True
        return lines
    formats = []
    start = 0
    for index, run in enumerate(block.runs):
        length = len(clean_text(run.text))
        if index == 0 and block.run_in_heading:
            formats.append(_format(start, length, font(page.SUBHEADING_FONT, page.BODY_SIZE, run.bold)))
        elif run.bold:
            formats.append(_format(start, length, font(page.BODY_FONT, page.BODY_SIZE, bold=True)))
        start += length
    return lay_out(block.text, font(page.BODY_FONT, page.BODY_SIZE), body_pitch, TEXT_WIDTH, indent, justify, formats)
