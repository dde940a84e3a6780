"""The pages are laid out once, in pixels of a 1200 dpi device, and painted on any device scaled to it:
the PDF, the printer and the preview get the same line breaks and page breaks."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QImage

DPI = 1200
_INCH_MM = 25.4


def mm(value: float) -> float:
    return value / _INCH_MM * DPI


def pt(value: float) -> float:
    return value / 72 * DPI


@cache
def layout_device() -> QImage:
    """A paint device of DPI dots per inch for measuring text (needs the QGuiApplication)."""
    image = QImage(1, 1, QImage.Format.Format_Mono)
    dots_per_metre = round(DPI / _INCH_MM * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image
