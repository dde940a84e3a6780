"""Fonts and the style sheet: a plain, tidy office look with CJK fonts by family fallback."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Tried in order; Qt falls back per glyph, so a missing family costs nothing.
CJK_FAMILIES = ["Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "WenQuanYi Micro Hei", "SimSun"]

ERROR_COLOR = QColor("#f8d0d0")
WARNING_COLOR = QColor("#fde7b0")
ACKNOWLEDGED_COLOR = QColor("#e6eef8")
HEADER_COLOR = QColor("#eef1f5")
LABEL_COLOR = QColor("#fafbfc")
DERIVED_COLOR = QColor("#f0f0f0")
MISMATCH_COLOR = QColor("#f3b8b8")
BLANK_COLOR = QColor("#fbf8ee")  # a cell still to fill in: a light mark, not the warning colour

STYLE_SHEET = """
QMainWindow, QDialog { background: #f5f6f8; }
QListWidget#navigator { background: #ffffff; border: none; border-right: 1px solid #d5d9e0; }
QListWidget#navigator::item { padding: 7px 10px; }
QListWidget#navigator::item:selected { background: #dbe7f7; color: #10233f; }
QLabel#pageHeading { font-size: 15pt; font-weight: bold; color: #1c2b44; padding: 4px 0; }
QLabel#reportTitle { font-size: 13pt; color: #8a1c1c; font-weight: bold; }
QLabel#hint { color: #5b6472; }
QLabel#rejectMessage { color: #b00020; font-weight: bold; }
QTableView { gridline-color: #8c96a5; background: #ffffff; selection-background-color: #bcd4f6;
             selection-color: #000000; }
QTextEdit, QPlainTextEdit, QLineEdit, QComboBox, QSpinBox { background: #ffffff; }
QTreeWidget#findings { background: #ffffff; }
"""


def installed(families: list[str]) -> list[str]:
    """The families of `families` present on this machine (looking up missing ones costs time at every paint)."""
    available = set(QFontDatabase.families())
    present = [family for family in families if family in available]
    return present or families


def cjk_font(point_size: float = 10.5) -> QFont:
    """The UI font: a CJK sans-serif chosen by family fallback, never a font file path."""
    font = QFont()
    font.setFamilies(installed(CJK_FAMILIES))
    font.setPointSizeF(point_size)
    return font


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(cjk_font())
    app.setStyleSheet(STYLE_SHEET)
