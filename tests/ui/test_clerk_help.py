"""Help in place: a counting rule on every label of tables 二/三/四 (from the format definition), 填报说明, 导出 keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolButton, QToolTip

from gkdesk.model import Report
from gkdesk.spec import load_spec
from gkdesk.ui.help_page import InstructionsDialog
from tests.ui.helpers import table_page


def activate(qtbot: Any, window: Any) -> None:
    """Window shortcuts reach only the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    table_page(window, "requests").grid.setFocus()


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_every_label_of_the_tables_has_its_counting_rule(make_window: Any, edition: str) -> None:
    year = 2025 if edition == "2021" else 2020
    window = make_window(Report.new(year))
    assert window.report.edition == edition
    for section in window.report.spec.sections:
        if not section.table:
            continue
        page = table_page(window, section.key)
        for cell in page.model.layout.cells:
            if cell.kind == "value" or not cell.text:
                continue
            tip = page.model.index(cell.row, cell.col).data(Qt.ItemDataRole.ToolTipRole)
            assert tip and tip.startswith(cell.text) and len(tip) > len(cell.text) + 4, (section.key, cell.text)


def test_hovering_a_group_label_shows_its_rule(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = table_page(window, "requests")
    group = next(c for c in page.model.layout.cells if c.text == "（三）不予公开")
    pos = page.grid.visualRect(page.model.index(group.row, group.col)).center()
    QApplication.sendEvent(page.grid.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, page.grid.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith("（三）不予公开\n") and "不予公开" in QToolTip.text()
    QToolTip.hideText()


def test_instructions_page_from_the_help_menu_shows_the_same_rules(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    texts = [a.text() for a in window.menu("help").actions()]
    assert "填报说明(&I)" in texts
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, InstructionsDialog) and w.isVisible())
    text = dialog.findChild(QTextBrowser).toPlainText()
    spec = load_spec("2021")
    requests = spec.tables["requests"]
    for row in requests.rows:
        assert row.help in text
    assert "表四" in text and "撤回复议申请的计入其他结果" in text
    dialog.close()


def test_export_has_shortcuts_and_a_toolbar_button(qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    window = make_window()
    written: list[Path] = []
    monkeypatch.setattr(window.exports, "choose_path", lambda suffix, suggested: tmp_path / f"报告{suffix}")
    monkeypatch.setattr(window.exports, "confirm_errors", lambda text: True)
    monkeypatch.setattr(window.exports, "show_done", lambda path: written.append(path))
    activate(qtbot, window)
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focus, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [p.suffix for p in written] == [".docx", ".xlsx"] and all(p.is_file() for p in written)
    button = window.toolbar.findChild(QToolButton, "exportButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert len(written) == 3 and written[-1].suffix == ".docx"
