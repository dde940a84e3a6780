"""The ToUnicode maps of Qt's PDF files: destinations rewritten, glyph codes and byte offsets untouched."""

from __future__ import annotations

from gkdesk.ui.printing.tounicode import fix_to_unicode

CMAP = (
    b"3 0 obj\n<< /Type /Font /ToUnicode 7 0 R>>\nendobj\n"
    b"7 0 obj\n<< /Length 200 >>\nstream\n"
    b"2 beginbfrange\n<0000> <0000> <0000>\n<2F00> <2F02> [<2F00> <0009> <4E8C>]\nendbfrange\n"
    b"1 beginbfchar\n<2EA0> <2EA0>\nendbfchar\n"
    b"1 beginbfrange\n<0010> <0012> <2F00>\nendbfrange\n"
    b"endstream\nendobj\n"
)


def test_radicals_become_ideographs_and_tab_a_space() -> None:
    fixed = fix_to_unicode(CMAP, {0x2F00: 0x4E00, 0x2EA0: 0x6C11})
    assert len(fixed) == len(CMAP)
    assert b"<2F00> <2F02> [<4E00> <0020> <4E8C>]" in fixed  # sources kept, destinations fixed
    assert b"<2EA0> <6C11>" in fixed
    assert b"<0010> <0012> <4E00>" in fixed
    assert b"<0000> <0000> <0000>" in fixed


def test_compressed_or_missing_maps_are_left_alone() -> None:
    compressed = CMAP.replace(b"<< /Length 200 >>", b"<< /Length 200 /Filter /FlateDecode >>")
    assert fix_to_unicode(compressed, {0x2F00: 0x4E00}) == compressed
    missing = CMAP.replace(b"7 0 obj", b"8 0 obj")
    assert fix_to_unicode(missing, {0x2F00: 0x4E00}) == missing
