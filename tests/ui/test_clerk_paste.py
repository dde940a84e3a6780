"""Pasting from Excel/WPS with the row-label column copied along; what does not fit is named once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.helpers import table_page

CTRL = Qt.KeyboardModifier.ControlModifier


def paste(qtbot: Any, grid: Any, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(grid, Qt.Key.Key_V, CTRL)


def test_rows_with_their_labels_go_to_the_rows_they_name(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    block = (
        "三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\r\n"
        "一、本年新收政府信息公开申请数量\t\t\t5\t1\t0\t0\t0\t0\t6\t99\r\n"  # 总计 skipped, 99 past the edge
        "\t（一）予以公开\t\t4\t1\t\t\t\t\t5\r\n"
        "合计行\t3\t3\r\n"
    )
    steps = window.document.undo_stack.count()
    paste(qtbot, page.grid, block)
    report = window.report
    assert report.value("requests.denied_1.natural") == 1
    assert report.value("requests.new.natural") == 5 and report.value("requests.new.commercial") == 1
    assert report.value("requests.granted.natural") == 4 and report.value("requests.granted.research") is None
    assert window.document.undo_stack.count() == steps + 1
    message = page.message.text()
    assert "超出表格右边的 1 个数值" in message and "“合计行”" in message and "未粘贴" in message
    assert page.message.isVisible()


def test_a_plain_block_taller_than_the_table_says_which_rows_were_left_out(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "appeals")
    page.grid.select_cell("appeals.reconsideration.upheld")
    paste(qtbot, page.grid, "1\t2\n3\t4\n")
    assert window.report.value("appeals.reconsideration.upheld") == 1
    assert window.report.value("appeals.reconsideration.corrected") == 2
    assert "无法对应到表格行的 “第2行”" in page.message.text()


def test_a_bad_value_in_a_labelled_block_refuses_all_of_it(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    paste(qtbot, page.grid, "一、本年新收政府信息公开申请数量\t5\n（一）予以公开\t/\n")
    assert window.report.value("requests.new.natural") is None
    assert "粘贴未执行" in page.message.text() and "“/”" in page.message.text()
