"""Start the window: `python main.py [FILE] [--screenshot DIR [--size WxH]]`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from gkdesk import portable
from gkdesk.ui.style import apply_style
from gkdesk.ui.translations import install_chinese


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("gkdesk")
    app.setApplicationName("gkdesk")
    app.setApplicationDisplayName("政府信息公开工作年度报告")
    install_chinese(app)
    apply_style(app)
    return app


def announce_data_location(window: QMainWindow) -> None:
    """When the portable folder cannot be written, say where settings and recovery files go instead: on stderr,
    in the status bar, and as a lasting mark in its corner."""
    notice = portable.data_location().notice
    if notice is None:
        return
    print(notice, file=sys.stderr)
    mark = QLabel("U盘只读：设置保存在本机")
    mark.setToolTip(notice)
    window.statusBar().addPermanentWidget(mark)
    window.statusBar().showMessage(notice)


def parse_size(text: str) -> QSize | None:
    """"1366x700" (x, X, × or *) as a QSize; None if it is not two positive whole numbers."""
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×*]\s*(\d{2,5})\s*", text)
    if match is None or int(match[1]) == 0 or int(match[2]) == 0:
        return None
    return QSize(int(match[1]), int(match[2]))


def screenshot_folder_problem(folder: Path) -> str | None:
    """Why screenshots cannot be saved in `folder` (created if missing), in Chinese; None when they can."""
    from gkdesk.io.errors import os_error_reason

    if folder.exists() and not folder.is_dir():
        return f"无法保存截图：{folder} 是文件，不是文件夹"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"无法保存截图：无法建立文件夹 {folder}（{os_error_reason(error)}）"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"无法保存截图：文件夹 {folder} 没有写入权限"
    return None


def run_window(path: str | None, screenshot_dir: str | None, size: str | None = None) -> int:
    """Open the editor window (with FILE if given); with screenshot_dir, save every page as PNG and exit.

    Screenshots are taken at `size` ("1366x700"), else at the window's largest first size (DEFAULT_SIZE).
    """
    shot_size = None
    if size is not None:
        shot_size = parse_size(size)
        if shot_size is None:
            print(f"无法识别窗口大小“{size}”，请写成 宽x高，例如 1366x700", file=sys.stderr)
            return 2
    if screenshot_dir:
        problem = screenshot_folder_problem(Path(screenshot_dir))
        if problem:
            print(problem, file=sys.stderr)
            return 2
    if screenshot_dir and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    from gkdesk.ui.main_window import DEFAULT_SIZE, MainWindow  # after QApplication: widgets need it

    window = MainWindow()
    announce_data_location(window)
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
        try:
            for image in render_pages(window, Path(screenshot_dir), shot_size or DEFAULT_SIZE):
                print(image)
        except OSError as error:  # the folder became unwritable or the disk filled while saving
            from gkdesk.io.errors import os_error_reason

            print(f"无法保存截图 {error.filename or screenshot_dir}：{os_error_reason(error)}", file=sys.stderr)
            return 2
        finally:
            window.document.undo_stack.setClean()
            window.autosaver.discard()
        return 0
    window.show()
    if not window.offer_recovery() and path:
        window.files.open_path(path, ask=False)
    return app.exec()
