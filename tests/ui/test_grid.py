"""Table 三 driven by keyboard: totals, live findings, refusals, paste, Delete, undo and redo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from gkdesk.model import Report
from gkdesk.spec import load_spec
from gkdesk.ui import style
from gkdesk.ui.table_model import ReportTableModel
from tests.ui.helpers import close_editor, shown, table_page, type_in_cell


def rules_at(window: Any, cell_key: str) -> set[str]:
    page = window.page_stack.table_page(cell_key.split(".")[0])
    return {f.rule for f in page.model.findings_at(cell_key)}


def background(window: Any, cell_key: str) -> str:
    page = window.page_stack.table_page(cell_key.split(".")[0])
    return str(page.model.index_of(cell_key).data(Qt.ItemDataRole.BackgroundRole).color().name())


def test_models_pass_the_qt_model_tester(qtmodeltester: Any, make_window: Any) -> None:
    window = make_window()
    for edition in ("2021", "2019"):
        for table in load_spec(edition).tables.values():
            report = Report.new(2021 if edition == "2021" else 2020)
            window.document.load(report, None)
            qtmodeltester.check(ReportTableModel(window.document, table))


def test_grid_has_the_official_merges(make_window: Any) -> None:
    window = make_window()
    grid = table_page(window, "requests").grid
    assert grid.rowSpan(0, 0) == 3 and grid.columnSpan(0, 0) == 3  # the corner note
    assert "勾稽关系" in str(grid.model().index(0, 0).data())
    outcomes = grid.model().index(5, 0)
    assert outcomes.data() == "三、本年度办理结果" and grid.rowSpan(5, 0) == 22
    label = grid.grid_model.index_of("requests.partial.natural").siblingAtColumn(1)
    assert "区分处理的，只计这一情形" in str(label.data(Qt.ItemDataRole.ToolTipRole))


def test_typing_updates_totals_and_findings_then_fixing_clears_them(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "12")
    assert window.report.value("requests.new.natural") == 12
    assert shown(window, "requests.new.total") == "12"
    assert "T3.balance" in rules_at(window, "requests.new.natural")
    assert background(window, "requests.new.natural") == style.ERROR_COLOR.name()
    assert window.document.counts("requests")[0] >= 1
    assert "错误" in window.navigator.item(3).text()
    # Enter moved to the next input cell in the official order
    page = window.page_stack.table_page("requests")
    assert page.grid.currentIndex() == page.model.index_of("requests.new.commercial")

    type_in_cell(qtbot, window, "requests.granted.natural", "10")
    type_in_cell(qtbot, window, "requests.carried_forward.natural", "2")
    assert shown(window, "requests.total.natural") == "10"
    assert not any(f.rule.startswith("T3.") for f in window.document.findings)
    assert background(window, "requests.new.natural") != style.ERROR_COLOR.name()
    assert window.document.counts("requests")[0] == 0


def test_tab_goes_to_next_input_cell_skipping_totals(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.other_org", "1", finish=Qt.Key.Key_Tab)
    page = window.page_stack.table_page("requests")
    # the total column is derived: the next input is the next row's 自然人
    assert page.grid.currentIndex() == page.model.index_of("requests.carried_over.natural")


def test_bad_input_is_refused_with_a_reason(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    for text, reason in (("abc", "不是数字"), ("-3", "负数"), ("2.5", "整数")):
        type_in_cell(qtbot, window, "requests.new.natural", text)
        page = window.page_stack.table_page("requests")
        assert window.report.value("requests.new.natural") is None
        assert reason in page.message.text()
        close_editor(qtbot, window)
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "1.23456")
    assert window.report.value("proactive.fee.amount_wan") is None
    assert "4位小数" in window.page_stack.table_page("proactive").message.text()
    close_editor(qtbot, window)
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "1340.5117")
    assert str(window.report.value("proactive.fee.amount_wan")) == "1340.5117"


def test_undo_and_redo_with_the_keyboard(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "7")
    type_in_cell(qtbot, window, "requests.new.commercial", "3")
    assert shown(window, "requests.new.total") == "10"
    grid = window.page_stack.table_page("requests").grid
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.value("requests.new.commercial") is None
    assert shown(window, "requests.new.total") == "7"
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.report.value("requests.new.commercial") == 3
    assert shown(window, "requests.new.total") == "10"
    assert window.isWindowModified()
    # undo from another page brings the change into view
    window.show_page("basic")
    window.edits.undo_action.trigger()
    page = window.page_stack.table_page("requests")
    assert window.page_stack.currentWidget() is page
    assert page.grid.currentIndex() == page.model.index_of("requests.new.commercial")


def test_paste_a_block_from_excel_is_one_undo_step(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    grid = table_page(window, "requests").grid
    grid.select_cell("requests.new.natural")
    # a block copied from Excel/WPS, including the total column (which is computed, so skipped)
    QGuiApplication.clipboard().setText("5\t1\t0\t0\t0\t0\t6\r\n2\t0\t0\t0\t0\t0\t2\r\n")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.value("requests.new.natural") == 5
    assert window.report.value("requests.new.commercial") == 1
    assert window.report.value("requests.carried_over.natural") == 2
    assert shown(window, "requests.new.total") == "6"
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.report.value("requests.new.natural") is None
    assert window.report.value("requests.carried_over.natural") is None


def test_paste_with_a_bad_value_changes_nothing(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    QGuiApplication.clipboard().setText("5\t一\t0")
    qtbot.keyClick(page.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.value("requests.new.natural") is None
    assert "粘贴未执行" in page.message.text() and "商业企业" in page.message.text()


def test_delete_clears_the_selected_cells(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "4")
    grid = window.page_stack.table_page("requests").grid
    grid.select_cell("requests.new.natural")
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert window.report.value("requests.new.natural") is None


def test_declared_total_that_disagrees_stays_visible_and_flagged(make_window: Any) -> None:
    report = Report.new(2021)
    report.values["requests.new.natural"] = 3
    report.declared["requests.new.total"] = 5
    window = make_window(report)
    assert shown(window, "requests.new.total") == "5"
    model = window.page_stack.table_page("requests").model
    tip = str(model.index_of("requests.new.total").data(Qt.ItemDataRole.ToolTipRole))
    assert "导入文件中填写的是 5" in tip and "自动计算：3" in tip
    assert "T3.row_total" in rules_at(window, "requests.new.total")
    assert background(window, "requests.new.total") == style.ERROR_COLOR.name()


def test_derived_cells_are_read_only(make_window: Any) -> None:
    window = make_window()
    model = window.page_stack.table_page("requests").model
    index = model.index_of("requests.total.natural")
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "4")


def test_header_and_row_tooltips_carry_the_counting_rules(make_window: Any) -> None:
    window = make_window()
    model = table_page(window, "appeals").model
    other = next(c for c in model.layout.cells if c.kind == "header" and c.text == "其他结果")
    assert "撤回复议申请的计入其他结果" in str(model.index(other.row, other.col).data(Qt.ItemDataRole.ToolTipRole))


def test_copy_then_paste_elsewhere(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "4")
    type_in_cell(qtbot, window, "requests.new.commercial", "5")
    grid = window.page_stack.table_page("requests").grid
    model = grid.grid_model
    grid.selectionModel().select(
        QItemSelection(model.index_of("requests.new.natural"), model.index_of("requests.new.commercial")),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "4\t5"
    grid.setCurrentIndex(model.index_of("requests.carried_forward.natural"))
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.value("requests.carried_forward.commercial") == 5


def test_keyboard_entry_keeps_the_current_cell_in_view(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(1366, 768)
    page = table_page(window, "requests")
    type_in_cell(qtbot, window, "requests.other_3.other_org", "1")  # Enter moves on to 四、结转下年度
    index = page.grid.currentIndex()
    assert index == page.model.index_of("requests.carried_forward.natural")
    rect = page.grid.visualRect(index)
    # below the frozen header rows, inside the grid's viewport
    assert page.grid.frozen is not None and rect.top() >= page.grid.frozen.header_height()
    assert rect.bottom() <= page.grid.viewport().height()


def test_refusal_message_goes_when_a_valid_value_is_committed(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "proactive")
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "1340.5117")
    assert page.message.text() == ""
    # refused, then corrected to the value the cell already holds: no undo step, but the message must go
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "12.34567")
    assert "4位小数" in page.message.text()
    close_editor(qtbot, window)
    steps = window.document.undo_stack.count()
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "1340.5117")
    assert window.document.undo_stack.count() == steps
    assert page.message.text() == ""
    # refused, then the editor left with acceptable text (Escape): the message goes too
    type_in_cell(qtbot, window, "proactive.fee.amount_wan", "12.34567")
    assert "4位小数" in page.message.text()
    close_editor(qtbot, window)
    assert page.message.text() == ""


def test_refusal_message_goes_after_a_valid_paste_that_changes_nothing(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    page.grid.select_cell("requests.new.natural")
    assert page.grid.paste_text("5") is None
    steps = window.document.undo_stack.count()
    assert page.grid.paste_text("一") is not None
    assert "粘贴未执行" in page.message.text()
    assert page.grid.paste_text("5") is None  # the value it already holds: no undo step
    assert window.document.undo_stack.count() == steps
    assert page.message.text() == ""
