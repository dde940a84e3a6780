"""Start the window: `python main.py [FILE] [--screenshot DIR]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gkdesk.ui.style import apply_style


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("gkdesk")
    app.setApplicationName("gkdesk")
    app.setApplicationDisplayName("政府信息公开工作年度报告")
    apply_style(app)
    return app


def run_window(path: str | None, screenshot_dir: str | None) -> int:
    """Open the editor window (with FILE if given); with screenshot_dir, save every page as PNG and exit."""
    if screenshot_dir and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    from gkdesk.ui.main_window import MainWindow  # after QApplication: widgets need it

    window = MainWindow()
    if screenshot_dir:
        from gkdesk.ui.screenshot import render_pages

        if path:
            from gkdesk.io.errors import ReportFileError
            from gkdesk.io.open import read_report

            try:
                report = read_report(path)
            except ReportFileError as error:
                print(f"无法打开：{error}", file=sys.stderr)
                return 1
            window.document.load(report, Path(path))
        for image in render_pages(window, Path(screenshot_dir)):
            print(image)
        window.document.undo_stack.setClean()
        window.autosaver.discard()
        return 0
    window.show()
    if not window.offer_recovery() and path:
        window.files.open_path(path, ask=False)
    return app.exec()
