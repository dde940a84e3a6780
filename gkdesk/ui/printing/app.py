"""The Qt application the PDF export needs when it runs from the command line, without a window."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

from gkdesk.ui.display import unreachable_display


def gui_application() -> QGuiApplication:
    """The running QGuiApplication (or QApplication), else a new one; offscreen on Linux without a display, or
    when the X server DISPLAY names does not answer (Qt would abort)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if sys.platform.startswith("linux") and (
        (not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")) or unreachable_display() is not None
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])
