"""The findings panel: order (errors first, the current page's first), rule id in the tooltip, in-place updates,
room for several findings and a remembered height, and a click on a text finding selecting the figure."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from gkdesk.model import Report
from gkdesk.ui.findings_panel import HEIGHT_KEY, MIN_ROWS, stated_figure
from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.pages import NarrativePage
from gkdesk.ui.settings import app_settings
from tests.helpers import sample_report
from tests.ui.helpers import finding_item, table_page, type_in_cell


def new_report_with_an_error() -> Report:
    report = Report.new(2021)
    report.set_values([("requests.new.natural", 3), ("requests.granted.natural", 2)])
    return report


def severities(window: Any) -> list[bool]:
    return [finding.is_error for finding in window.findings_panel.findings()]


def test_errors_come_first_and_the_current_pages_findings_lead_each_severity(make_window: Any) -> None:
    window = make_window(new_report_with_an_error())
    window.show_page("overview")
    shown = window.findings_panel.findings()
    errors = [f for f in shown if f.is_error]
    assert errors and shown[: len(errors)] == errors  # every error before any warning
    warnings = shown[len(errors):]
    assert warnings[0].section == "overview"  # 一、总体情况 没有内容 leads while on page 一
    window.show_page("other")
    warnings = [f for f in window.findings_panel.findings() if not f.is_error]
    assert warnings[0].section == "other"
    assert all(f.is_error for f in window.findings_panel.findings()[: len(errors)])


def test_the_rule_id_is_in_the_tooltip_not_a_column(make_window: Any) -> None:
    window = make_window(new_report_with_an_error())
    tree = window.findings_panel.tree
    assert tree.columnCount() == 2
    item = finding_item(window.findings_panel, "T3.balance")
    assert "T3.balance" in item.toolTip(0) and "T3.balance" not in item.text(0) + item.text(1)
    assert item.text(1) == "错误"


def test_a_click_jumps_to_the_cell(qtbot: Any, make_window: Any) -> None:
    window = make_window(new_report_with_an_error())
    window.show_page("basic")
    panel = window.findings_panel
    item = finding_item(panel, "T3.balance")
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(item).height() < panel.tree.viewport().height())  # wrapped
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = table_page(window, "requests")
    assert window.page_stack.currentWidget() is page
    assert window.navigator.currentRow() == 3
    finding = panel.current_finding()
    assert finding is not None and finding.rule == "T3.balance"
    assert page.grid.currentIndex() == page.model.index_of(finding.anchor)


def test_typing_a_value_updates_only_the_rows_whose_finding_changed(qtbot: Any, make_window: Any) -> None:
    window = make_window(new_report_with_an_error())
    window.show_page("requests")  # the page typed into: its findings lead, and stay in place while typing
    model = window.findings_panel.tree.model()
    rows_before = model.rowCount()
    assert rows_before >= 5
    touched: list[tuple[str, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: touched.append(("inserted", last - first + 1)))
    model.rowsRemoved.connect(lambda _parent, first, last: touched.append(("removed", last - first + 1)))
    changed_rows: set[int] = set()
    model.dataChanged.connect(lambda first, last, _roles=(): changed_rows.update(range(first.row(), last.row() + 1)))
    balance = finding_item(window.findings_panel, "T3.balance").text(0)
    type_in_cell(qtbot, window, "requests.new.natural", "5")  # the balance message changes, nothing else
    assert model.rowCount() == rows_before
    assert touched == []  # no row added or removed
    assert 1 <= len(changed_rows) <= 2  # the two balance findings of the column typed into
    assert finding_item(window.findings_panel, "T3.balance").text(0) != balance


def test_the_panel_keeps_room_for_several_findings_and_remembers_its_height(
    qtbot: Any, make_window: Any, prompts: Any
) -> None:
    window = make_window(new_report_with_an_error())
    window.resize(QSize(1280, 800))
    panel = window.findings_panel
    line = panel.tree.fontMetrics().lineSpacing()
    assert panel.minimumHeight() >= MIN_ROWS * line
    window.right_splitter.setSizes([700, 0])  # dragged down as far as it goes
    QApplication.processEvents()
    assert panel.height() >= panel.minimumHeight()
    sizes = window.right_splitter.sizes()
    window.right_splitter.setSizes([sum(sizes) - 300, 300])
    qtbot.waitUntil(lambda: app_settings().value(HEIGHT_KEY) is not None and int(str(app_settings().value(HEIGHT_KEY))) == 300)
    again = MainWindow(new_report_with_an_error(), prompts)  # the next start, at the same size
    qtbot.addWidget(again, before_close_func=lambda w: w.document.forget_changes())
    again.resize(QSize(1280, 800))
    again.show()
    qtbot.waitUntil(lambda: abs(again.findings_panel.height() - 300) <= 2)


def test_the_quoted_figure_of_a_text_finding() -> None:
    message = "一、总体情况 第五段：正文“现行有效规范性文件 27 个”（现行有效行政规范性文件）为27，而表二…为30"
    assert stated_figure(message) == ("现行有效规范性文件 27 个", "27 个")
    assert stated_figure("表三 第二列（自然人）：一+二=3，三（七）+四=2，相差1") is None


def test_a_click_on_a_text_finding_selects_the_figure_in_the_text(qtbot: Any, make_window: Any) -> None:
    window = make_window(sample_report())
    panel = window.findings_panel
    item = finding_item(panel, "text.table_mismatch")
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(item).height() < panel.tree.viewport().height())  # wrapped
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(item).center())
    page = window.page_stack.currentWidget()
    assert isinstance(page, NarrativePage)
    assert page.narrative.editor.textCursor().selectedText() == "27 个"
