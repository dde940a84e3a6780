"""Filling a table by keyboard and mouse: 空白填 0, Ctrl+Enter, Right arrow, totals, the context menu."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from gkdesk.ui.main_window import MainWindow
from tests.ui.helpers import table_page, type_in_cell

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def blank_findings(window: MainWindow) -> list[Any]:
    return [f for f in window.document.findings if f.rule == "value.blank"]


def click_menu_item(qtbot: Any, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().startswith(text))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    QApplication.processEvents()


def open_context_menu(qtbot: Any, window: MainWindow, cell_key: str) -> QMenu:
    page = table_page(window, cell_key.split(".")[0])
    pos = page.grid.visualRect(page.model.index_of(cell_key)).center()
    page.grid.customContextMenuRequested.emit(pos)  # what a right click sends (offscreen has no context-menu event)
    QApplication.processEvents()
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_three_numbers_give_one_blank_finding_per_table_and_fill_zero_leaves_real_findings(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window()
    for key, text in (("requests.new.natural", "3"), ("requests.granted.natural", "2"), ("requests.new.commercial", "1")):
        type_in_cell(qtbot, window, key, text)
    counts = Counter(f.section for f in blank_findings(window))
    assert counts == {"requests": 1}
    (blank,) = blank_findings(window)
    assert blank.message.startswith(f"表三有 {len(blank.cells)} 个空白单元格") and len(blank.cells) > 100
    # the whole table is not painted in the warning colour: blanks get a light mark
    page = table_page(window, "requests")
    from gkdesk.ui import style

    colour = page.model.index_of("requests.denied_1.natural").data(Qt.ItemDataRole.BackgroundRole).color()
    assert colour == style.BLANK_COLOR != style.WARNING_COLOR
    # 空白填 0 for the table, from the grid's context menu of 编辑 menu
    window.grid_actions.fill_table_action.trigger()
    assert blank_findings(window) == []
    rules = {f.rule for f in window.document.findings if f.section == "requests"}
    assert rules == {"T3.balance"}  # 3+0 ≠ 2+0: the real finding stays
    assert window.report.value("requests.denied_1.natural") == 0
    # undo restores the blanks
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    assert window.report.value("requests.denied_1.natural") is None
    assert len(blank_findings(window)) == 1


def test_fill_zero_from_the_context_menu_fills_only_the_selection(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "3")
    page = table_page(window, "requests")
    page.grid.select_cell("requests.granted.natural")
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(page.grid, Qt.Key.Key_Down, SHIFT)
    menu = open_context_menu(qtbot, window, "requests.granted.commercial")
    assert [a.text().split("(")[0] for a in menu.actions() if a.text()] == ["复制", "粘贴", "空白填 0：选中的单元格", "清除", "添加批注"]
    click_menu_item(qtbot, menu, "空白填 0")
    filled = {k for k in window.report.values if window.report.value(k) == 0}
    assert filled == {
        "requests.granted.natural", "requests.granted.commercial", "requests.partial.natural", "requests.partial.commercial"
    }
    # Ctrl+0 does the same on another selection; the whole report at once from the 编辑 menu
    page.grid.select_cell("requests.new.research")
    qtbot.keyClick(page.grid, Qt.Key.Key_0, CTRL)
    assert window.report.value("requests.new.research") == 0
    window.grid_actions.fill_report_action.trigger()
    assert blank_findings(window) == [] and window.report.value("appeals.reconsideration.upheld") == 0


def test_ctrl_enter_fills_the_selection_with_the_typed_value(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    for _ in range(3):
        qtbot.keyClick(page.grid, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(page.grid, Qt.Key.Key_Down, SHIFT)
    steps = window.document.undo_stack.count()
    qtbot.keyClicks(page.grid, "7")
    editor = page.grid.indexWidget(page.grid.currentIndex())
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    QApplication.processEvents()
    for row in ("new", "carried_over"):
        for column in ("natural", "commercial", "research", "social"):
            assert window.report.value(f"requests.{row}.{column}") == 7, (row, column)
    assert window.report.value("requests.new.legal") is None
    assert window.document.undo_stack.count() == steps + 1


def test_right_arrow_commits_and_moves_right(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "12", finish=Qt.Key.Key_Right)
    page = table_page(window, "requests")
    assert window.report.value("requests.new.natural") == 12
    assert page.grid.currentIndex() == page.model.index_of("requests.new.commercial")
    assert page.grid.state() != page.grid.State.EditingState


def test_typing_into_a_total_says_why_nothing_happens(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.setCurrentIndex(page.model.index_of("requests.new.total"))
    qtbot.keyClicks(page.grid, "5")
    assert "合计" in page.message.text() and "自动计算" in page.message.text()
    assert page.message.isVisible()


def test_copy_paste_and_select_all_from_the_edit_menu(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    texts = [a.text().split("(")[0] for a in window.menu("edit").actions()]
    assert {"复制", "粘贴", "全选"} <= set(texts)
    type_in_cell(qtbot, window, "requests.new.natural", "4")
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    qtbot.keyClick(page.grid, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "4"
    page.grid.select_cell("requests.carried_over.natural")
    window.grid_actions.paste_action.trigger()
    assert window.report.value("requests.carried_over.natural") == 4
    qtbot.keyClick(page.grid, Qt.Key.Key_A, CTRL)
    assert len(page.grid.selected_input_keys()) == len(page.model.input_positions)


def test_add_comment_from_the_context_menu(qtbot: Any, make_window: Any, monkeypatch: Any) -> None:
    window = make_window()
    monkeypatch.setattr(window.review, "ask_reviewer", lambda default: "县政务公开办")
    monkeypatch.setattr(window.review, "ask_comment", lambda place: "请核实")
    menu = open_context_menu(qtbot, window, "requests.new.social")
    click_menu_item(qtbot, menu, "添加批注")
    assert [c.anchor for c in window.report.comments] == ["requests.new.social"]


def test_the_grid_menu_does_not_build_pages_before_they_are_shown(make_window: Any) -> None:
    window = make_window()
    assert set(window.page_stack.built) <= {"basic"}
    page = table_page(window, "appeals")
    assert page.grid.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_after_opening_another_report_the_grid_menu_opens_once(qtbot: Any, make_window: Any, monkeypatch: Any) -> None:
    from gkdesk.model import Report

    window = make_window()
    table_page(window, "requests")
    window.document.load(Report.new(2021), None)  # pages are rebuilt
    shown: list[object] = []
    monkeypatch.setattr(window.grid_actions, "show_menu", lambda grid, pos: shown.append(grid))
    page = table_page(window, "requests")
    page.grid.customContextMenuRequested.emit(page.grid.visualRect(page.grid.currentIndex()).center())
    assert len(shown) == 1
