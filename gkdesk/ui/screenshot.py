"""Render every page of the window to PNG files (for the README, CI, and checking the look without a screen)."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from gkdesk.ui.main_window import MainWindow


def render_pages(window: MainWindow, folder: Path, size: QSize | None = None, prefix: str = "") -> list[Path]:
    """Show each page in turn and save the whole window as folder/NN-key.png; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    if size is not None:
        window.resize(size)
    window.show()
    paths = []
    for number, key in enumerate(window.navigator.keys()):
        window.show_page(key)
        for _ in range(3):
            QApplication.processEvents()
        path = folder / f"{prefix}{number:02d}-{key}.png"
        if not window.grab().save(str(path)):
            raise OSError(errno.EIO, "image not written", str(path))
        paths.append(path)
    return paths
