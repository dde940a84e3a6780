"""Start the window: `python main.py [FILE] [--screenshot DIR [--size WxH]]`."""

from __future__ import annotations

import gc
import os
import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from gkdesk import portable
from gkdesk.ui.display import platform_failure_in_chinese, unreachable_display, unreachable_message
from gkdesk.ui.settings import use_scratch_settings
from gkdesk.ui.style import apply_style
from gkdesk.ui.translations import install_chinese


def make_application() -> QApplication:
    existing = QApplication.instance()
    with platform_failure_in_chinese():  # Qt would abort in English when no platform plugin can start
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


# Screenshot sizes: from a small old screen to an 8K one (a larger image cannot be painted in one piece).
WIDTHS, HEIGHTS = (320, 7680), (240, 4320)
NO_DISPLAY = (
    "无法打开窗口：没有显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY）。"
    "可用 xvfb-run -a python main.py [文件] 在虚拟屏幕中运行，或用 --screenshot 目录 把各页保存为截图。"
)


def parse_size(text: str) -> QSize | None:
    """"1366x700" (x, X, × or *) as a QSize; None if it is not two positive whole numbers."""
    match = re.fullmatch(r"\s*(\d{1,6})\s*[xX×*]\s*(\d{1,6})\s*", text)
    if match is None or int(match[1]) == 0 or int(match[2]) == 0:
        return None
    return QSize(int(match[1]), int(match[2]))


def size_problem(text: str) -> str | None:
    """Why `text` is not a usable screenshot size, in Chinese; None when it is."""
    size = parse_size(text)
    if size is None:
        return f"无法识别窗口大小“{text}”，请写成 宽x高，例如 1366x700"
    if not (WIDTHS[0] <= size.width() <= WIDTHS[1] and HEIGHTS[0] <= size.height() <= HEIGHTS[1]):
        return (
            f"窗口大小“{text}”超出范围：宽应在 {WIDTHS[0]} 至 {WIDTHS[1]} 之间，"
            f"高应在 {HEIGHTS[0]} 至 {HEIGHTS[1]} 之间，例如 1366x700"
        )
    return None


def no_display() -> bool:
    """On Linux, no X or Wayland display and no Qt platform chosen: a window could not open."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def quiet_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own debug and warning lines (English, about the offscreen platform) are dropped; a critical or
    fatal one is still said, in Chinese."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(f"图形界面出现严重错误（Qt：{message}）", file=sys.stderr)


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
    problem = size_problem(size) if size is not None else None
    if screenshot_dir and problem is None:
        problem = screenshot_folder_problem(Path(screenshot_dir))
    unreachable = unreachable_display()  # DISPLAY set, but no X server answers there
    if not screenshot_dir and no_display():
        problem = NO_DISPLAY
    elif not screenshot_dir and unreachable is not None:
        problem = unreachable_message(unreachable)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if screenshot_dir:
        gc.enable()  # main.py held the collector back for the start; saving every page is no start
        if unreachable is not None or (not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        previous_handler = qInstallMessageHandler(quiet_qt_message)
        try:
            with tempfile.TemporaryDirectory(prefix="gkdesk-screenshot-") as scratch:
                use_scratch_settings(Path(scratch) / "settings.ini")
                return _save_screenshots(path, Path(screenshot_dir), parse_size(size) if size is not None else None)
        finally:
            use_scratch_settings(None)
            qInstallMessageHandler(previous_handler)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # nobody sees Qt's notes about the offscreen platform
        qInstallMessageHandler(quiet_qt_message)
    make_application()
    from gkdesk.ui.main_window import MainWindow  # after QApplication: widgets need it
    from gkdesk.ui.start_file import open_at_start

    window = MainWindow()
    announce_data_location(window)
    open_at_start(window, path, window.recovered_reports())
    # What the start built lives as long as the window: never scanned again by the collector, which main.py
    # held back while the modules loaded.
    gc.freeze()
    gc.enable()
    code = QApplication.exec()
    window.preferences.settings.sync()  # also when the loop ended without closing the window
    return code


def _save_screenshots(path: str | None, folder: Path, size: QSize | None) -> int:
    """Open `path` as 打开 would (nobody to answer its questions), save every page as PNG, print their names."""
    make_application()
    from gkdesk.ui.main_window import DEFAULT_SIZE, MainWindow  # after QApplication: widgets need it
    from gkdesk.ui.screenshot import open_unattended, render_pages

    window = MainWindow()
    announce_data_location(window)
    try:
        if path:
            problem = open_unattended(window, Path(path))
            if problem:
                print(f"无法打开：{problem}", file=sys.stderr)
                return 1
        for image in render_pages(window, folder, size or DEFAULT_SIZE):
            print(image)
    except OSError as error:  # the folder became unwritable or the disk filled while saving
        from gkdesk.io.errors import os_error_reason

        print(f"无法保存截图 {error.filename or folder}：{os_error_reason(error)}", file=sys.stderr)
        return 2
    finally:
        window.document.undo_stack.setClean()
        window.autosaver.discard()
    return 0
