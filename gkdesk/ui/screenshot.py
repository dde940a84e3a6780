"""Render every page of the window to PNG files (for the README, CI, and checking the look without a screen)."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from gkdesk.io.errors import ReportFileError
from gkdesk.ui.main_window import MainWindow


def open_unattended(window: MainWindow, path: Path) -> str | None:
    """Open `path` as 打开 does, but with nobody to answer: a template starts a new report with no unit chosen,
    hand edits after export are kept as read and shown as warnings (打开 asks about each). Notes go to stderr;
    returns why the file cannot be opened, or None."""
    if path.suffix.lower() == ".gkt":
        from gkdesk.template import open_template, report_from_template, suggested_return_name

        try:
            opened = open_template(path)
        except ReportFileError as error:
            return str(error)
        if opened.altered:
            print(opened.warning, file=sys.stderr)
        report = report_from_template(opened.template)
        window.document.load(report, None, suggested_path=path.parent / suggested_return_name(opened.template, report))
        return None
    from gkdesk.io.import_result import import_findings
    from gkdesk.io.open import read_with_result

    try:
        result = read_with_result(path)
    except ReportFileError as error:
        return str(error)
    if result.differences:
        print(f"此文件由 gkdesk 导出，导出后有 {len(result.differences)} 处被手工修改（已按现值读入，列为警告）", file=sys.stderr)
    findings = import_findings(result)
    window.document.load(result.report, path if path.suffix.lower() == ".gkr" else None, import_findings=findings)
    return None


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
