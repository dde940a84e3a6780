"""The faces of the GB/T 9704 layout on this machine: the official face where it is installed, else the one
Windows ships (as Word's fall-backs), else the Noto CJK stand-ins of resources/fontconfig/gb-fonts.conf."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from gkdesk.io.gbt9704 import BODY_FONT, HEADING_FONT, PAGE_NUMBER_FONT, SUBHEADING_FONT, TITLE_FONT

# Installed faces tried in order, Chinese and English family names (Windows reports either).
CANDIDATES: dict[str, tuple[str, ...]] = {
    TITLE_FONT: (
        "方正小标宋简体",
        "FZXiaoBiaoSong-B05S",
        "方正小标宋_GBK",
        "华文中宋",
        "STZhongsong",
        "宋体",
        "SimSun",
    ),
    BODY_FONT: ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong"),
    SUBHEADING_FONT: ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"),
    HEADING_FONT: ("黑体", "SimHei", "STHeiti"),
    PAGE_NUMBER_FONT: ("宋体", "SimSun", "STSong"),
}
# Where none of them is installed (Linux): the free Noto CJK faces of the fonts-noto-cjk package.
STAND_INS: dict[str, str] = {
    TITLE_FONT: "Noto Serif CJK SC",
    BODY_FONT: "Noto Serif CJK SC",
    SUBHEADING_FONT: "Noto Serif CJK SC",
    HEADING_FONT: "Noto Sans CJK SC",
    PAGE_NUMBER_FONT: "Noto Serif CJK SC",
}


@cache
def family(face: str) -> str:
    """The installed family used for the layout's `face` (a name of gkdesk.io.gbt9704)."""
    installed = {name.casefold(): name for name in QFontDatabase.families()}
    for candidate in (*CANDIDATES[face], STAND_INS[face]):
        if candidate.casefold() in installed:
            return installed[candidate.casefold()]
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def font(face: str, size_pt: float, bold: bool = False) -> QFont:
    result = QFont(family(face))
    result.setPointSizeF(size_pt)
    result.setBold(bold)
    result.setKerning(False)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # CJK fonts' Latin 'locl' swaps digits for glyphs of no code point: copied text lost "2021" in an e-mail.
    result.setFeature(QFont.Tag("locl"), 0)
    return result


@cache
def radical_ideographs() -> dict[int, int]:
    """CJK radicals (U+2E80…U+2FDF) drawn with an ideograph's glyph in one of the faces used, mapped to that
    ideograph (⺠ → 民, ⼀ → 一): what a PDF's text should say where the font's own map names the radical."""
    radicals = "".join(chr(code) for code in range(0x2E80, 0x2FE0))
    ideographs = "".join(chr(code) for code in range(0x4E00, 0xA000))
    mapping: dict[int, int] = {}
    for name in sorted({family(face) for face in CANDIDATES}):
        raw = QRawFont.fromFont(QFont(name))
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
            if glyph and glyph in by_glyph:
                mapping.setdefault(ord(char), by_glyph[glyph])
    return mapping
