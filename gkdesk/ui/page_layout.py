"""The frame every page shares: its heading and the scroll area that keeps a small screen's window short."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("pageHeading")
    return label


def scroll_page(page: QWidget, content: QWidget) -> QScrollArea:
    """Fill `page` with a frameless scroll area over `content`: on a small screen (1366×768) the page
    scrolls instead of making the window taller."""
    scroll = QScrollArea(page)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
