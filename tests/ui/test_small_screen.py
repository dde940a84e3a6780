"""The window fits a 1366×768 laptop screen: first size, minimum size on every page, the 批注 dock at first show."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt

from gkdesk.checks import run_checks
from gkdesk.ui.app import parse_size
from gkdesk.ui.main_window import MainWindow, default_size
from tests.helpers import sample_report

SMALL_SCREEN_CLIENT = QSize(1366, 700)  # 768 less the taskbar and the title bar


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def test_default_size_is_a_share_of_the_free_screen_area_at_most_1280x800() -> None:
    assert default_size(QRect(0, 0, 1366, 728)) == QSize(1229, 655)
    assert default_size(QRect(0, 0, 1920, 1040)) == QSize(1280, 800)
    assert default_size(QRect(0, 0, 2560, 1400)) == QSize(1280, 800)
    assert default_size(None) == QSize(1280, 800)


def test_first_size_fits_the_screen_it_opens_on(qtbot: Any, prompts: Any) -> None:
    window = MainWindow(None, prompts)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
    screen = window.screen()
    assert screen is not None
    assert fits(window.size(), screen.availableGeometry().size())


def test_window_keeps_a_small_screen_size_at_first_show(qtbot: Any, prompts: Any) -> None:
    window = MainWindow(None, prompts)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
    assert window.review.dock.isHidden()  # decided before the first layout, not by a timer after it
    window.resize(SMALL_SCREEN_CLIENT)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    assert window.size() == SMALL_SCREEN_CLIENT
    assert not window.review.dock.isVisible()


def test_minimum_size_fits_a_small_screen_on_every_page(qtbot: Any, make_window: Any) -> None:
    report = sample_report()
    report.add_comment("overview#1", "县政务公开办", "请补充")  # the 批注 dock is shown too
    window = make_window(report)
    assert window.review.dock.isVisible()
    for key in list(window.page_stack.pages):
        window.show_page(key)
        assert fits(window.minimumSizeHint(), SMALL_SCREEN_CLIENT), (key, window.minimumSizeHint())
    window.resize(SMALL_SCREEN_CLIENT)
    qtbot.wait(20)
    assert window.size() == SMALL_SCREEN_CLIENT


def test_commented_report_shows_the_dock_from_the_start(qtbot: Any, prompts: Any) -> None:
    report = sample_report()
    report.add_comment("overview#1", "县政务公开办", "请补充")
    window = MainWindow(report, prompts)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.forget_changes())
    assert not window.review.dock.isHidden()


def test_screenshot_size_is_read_as_width_x_height() -> None:
    assert parse_size("1366x700") == QSize(1366, 700)
    assert parse_size("1366×768") == QSize(1366, 768)
    assert parse_size("1366") is None and parse_size("0x700") is None and parse_size("宽x高") is None


def wrapped_height(window: MainWindow, text: str) -> int:
    tree = window.findings_panel.tree
    width = tree.header().sectionSize(0) - 12
    return tree.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()


def fits_message(window: MainWindow, item: Any) -> bool:
    """The row is as tall as its wrapped message (not more than a line taller: the layout has caught up)."""
    tree = window.findings_panel.tree
    need = wrapped_height(window, item.text(0))
    return need <= tree.visualItemRect(item).height() < need + tree.fontMetrics().lineSpacing()


def test_findings_show_their_whole_message_on_a_small_screen(qtbot: Any, make_window: Any) -> None:
    report = sample_report()
    finding = run_checks(report)[0]
    report.acknowledgements[finding.key] = "经核实，表二填写的是截至年底的现行有效件数，正文所写为本年新制发件数。"
    window = make_window(report)  # a long explained warning: too long for one line at 1366
    window.resize(SMALL_SCREEN_CLIENT)
    window.show_page("requests")
    tree = window.findings_panel.tree
    item = window.findings_panel.items()[0]
    text = item.text(0)
    line = tree.fontMetrics().lineSpacing()
    assert tree.fontMetrics().horizontalAdvance(text) > tree.header().sectionSize(0)  # too long for one line
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) > 600)  # the column has its width at 1366
    qtbot.waitUntil(lambda: fits_message(window, item))
    assert wrapped_height(window, text) >= 2 * line
    tall = tree.visualItemRect(item).height()
    window.resize(QSize(1000, 700))  # a narrower column: the row grows to keep the whole message
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) < 700)
    qtbot.waitUntil(lambda: fits_message(window, item))
    assert tree.visualItemRect(item).height() > tall
