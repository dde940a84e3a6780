"""The table stays readable while filling: frozen header rows and labels, the message line under the grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gkdesk.ui.main_window import MainWindow
from tests.helpers import filled_report
from tests.ui.helpers import table_page, type_in_cell


def visible_in_window(window: MainWindow, widget: QWidget) -> bool:
    """The whole widget is shown inside the window (not scrolled away, not clipped by the window edge)."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_balance_error_on_the_last_row_is_in_view_at_1280x800(qtbot: Any, make_window: Any) -> None:
    window = make_window(filled_report())
    window.resize(1280, 800)
    type_in_cell(qtbot, window, "requests.carried_forward.natural", "9")
    page = table_page(window, "requests")
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=page.grid.visualRect(
        page.model.index_of("requests.carried_forward.natural")).center())
    QApplication.processEvents()
    status = page.status_line.status.text()
    assert "当前单元格" in status and "一+二=" in status and "相差" in status and "本页 2 个错误" in status  # 自然人 and 总计 columns
    assert visible_in_window(window, page.status_line)
    # on another cell of the page the page's error is still spelled out
    page.grid.select_cell("requests.new.commercial")
    assert page.status_line.status.text().startswith("本页 2 个错误：") and "相差" in page.status_line.status.text()


def test_header_rows_stay_visible_when_the_body_scrolls(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(1280, 720)
    page = table_page(window, "requests")
    grid = page.grid
    assert grid.verticalScrollBar().maximum() > 0, "table 三 is taller than the window: the body scrolls"
    grid.setFocus()
    for _ in range(40):
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    QApplication.processEvents()
    assert grid.verticalScrollBar().value() > 0
    frozen = grid.frozen
    assert frozen is not None and frozen.header.isVisible()
    assert frozen.header.geometry().top() == grid.viewport().geometry().top()
    assert frozen.header.height() == frozen.header_height() and frozen.header.verticalScrollBar().value() == 0
    # the header pane shows the real column headers, e.g. 自然人, at the top of the grid
    natural = next(c for c in page.model.layout.cells if c.kind == "header" and c.text == "自然人")
    rect = frozen.header.visualRect(page.model.index(natural.row, natural.col))
    assert frozen.header.rect().intersects(rect)
    # the current cell is below the frozen rows, not under them
    assert grid.visualRect(grid.currentIndex()).top() >= frozen.header_height()


def test_label_columns_stay_visible_when_scrolling_sideways(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(900, 700)
    page = table_page(window, "requests")
    grid = page.grid
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    QApplication.processEvents()
    frozen = grid.frozen
    assert frozen is not None and frozen.labels.isVisible()
    assert frozen.labels.width() == frozen.labels_width()
    assert frozen.labels.horizontalScrollBar().value() == 0
    assert frozen.header.horizontalScrollBar().value() == grid.horizontalScrollBar().value()


def visible_data_rows(page: Any) -> int:
    grid = page.grid
    frozen = grid.frozen
    assert frozen is not None
    top, bottom = frozen.header_height(), grid.viewport().height()
    rows = range(frozen.header_rows, page.model.rowCount())
    return sum(1 for r in rows if grid.rowViewportPosition(r) >= top and grid.rowViewportPosition(r) + grid.rowHeight(r) <= bottom)


def test_ten_data_rows_of_table_three_at_1280x720(qtbot: Any, make_window: Any) -> None:
    """1920×1080 at 150 % leaves 1280×720; the findings panel at its minimum."""
    window = make_window()
    window.resize(1280, 720)
    page = table_page(window, "requests")
    window.right_splitter.setSizes([2000, 0])  # the panel dragged down as far as it goes
    QApplication.processEvents()
    assert visible_data_rows(page) >= 10


def test_comments_share_the_room_under_the_page_as_a_tab(qtbot: Any, make_window: Any) -> None:
    from tests.helpers import sample_report

    report = sample_report()
    report.add_comment("requests.new.natural", "县人民政府办公室政务公开科", "请核实")
    window = make_window(report)
    window.resize(1366, 768)
    tabs = window.bottom_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["审核结果", "批注"]
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())
    assert tabs.currentWidget() is window.review.panel and window.review.dock.isVisible()
    page = table_page(window, "requests")
    QApplication.processEvents()
    assert visible_data_rows(page) >= 5
    # the reviewer's name is not cut
    item = window.review.panel.tree.topLevelItem(0)
    assert item is not None
    name_width = window.review.panel.tree.fontMetrics().horizontalAdvance(item.text(2))
    assert name_width + 12 <= window.review.panel.tree.columnWidth(2)


def test_a_table_of_several_bands_freezes_no_header(make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "proactive")
    assert len(page.model.table.bands) > 1
    assert page.grid.frozen is not None and page.grid.frozen.header_rows == 0
    assert not page.grid.frozen.header.isVisible()


def test_the_wheel_over_the_frozen_labels_scrolls_the_grid(qtbot: Any, make_window: Any) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    window = make_window()
    window.resize(1280, 720)
    page = table_page(window, "requests")
    grid, frozen = page.grid, page.grid.frozen
    assert frozen is not None
    pos = QPointF(20, frozen.labels.height() - 20)
    wheel = QWheelEvent(pos, frozen.labels.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(frozen.labels.viewport(), wheel)
    QApplication.processEvents()
    assert grid.verticalScrollBar().value() > 0
    assert frozen.labels.verticalScrollBar().value() == grid.verticalScrollBar().value()


def test_every_table_fits_1280_wide_with_the_comments_tab(qtbot: Any, make_window: Any) -> None:
    from tests.helpers import sample_report

    report = sample_report()
    report.add_comment("overview#1", "县人民政府办公室政务公开科", "请补充")
    window = make_window(report)
    window.resize(1280, 720)
    window.review.dock.raise_()
    for section in window.report.spec.sections:
        if section.table:
            page = table_page(window, section.key)
            qtbot.wait(20)
            assert page.grid.horizontalScrollBar().maximum() == 0, section.key  # nothing cut off at the right
            frozen = page.grid.frozen
            assert frozen is not None
            whole = sum(page.grid.rowHeight(r) for r in range(page.model.rowCount()))
            three_rows = frozen.header_height() + 3 * page.grid.rowHeight(frozen.header_rows)
            assert page.grid.viewport().height() >= min(whole, three_rows), section.key
