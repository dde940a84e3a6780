"""A 说明 follows its paragraph; one whose warning is gone is named once and can be removed (undoably)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gkdesk.ui.pages import NarrativePage
from tests.helpers import sample_report
from tests.ui.helpers import type_chinese, type_in_cell


def test_explanation_follows_its_paragraph_and_an_orphan_can_be_removed(
    qtbot: Any, make_window: Any, prompts: Any
) -> None:
    report = sample_report()
    window = make_window(report)
    (warning,) = [f for f in window.document.findings if f.rule == "text.table_mismatch"]
    window.report.acknowledge(warning.key, "表二为现行有效件数，正文为本年清理后件数")
    # a paragraph typed above it: the warning is now 第六段, still explained
    window.show_page("overview")
    page = window.page_stack.pages["overview"]
    assert isinstance(page, NarrativePage)
    editor = page.narrative.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    type_chinese(editor, "新增的开头一段。")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    (moved,) = [f for f in window.document.findings if f.rule == "text.table_mismatch"]
    assert moved.anchor != warning.anchor
    assert window.document.is_acknowledged(moved)
    assert not window.orphan_notes.action.isEnabled()
    # the table is corrected to the text's 27: the warning goes, its explanation is orphaned
    type_in_cell(qtbot, window, "proactive.normative_doc.in_force", "27")
    assert not [f for f in window.document.findings if f.rule == "text.table_mismatch"]
    assert window.orphan_notes.action.isEnabled()
    prompts.script("confirm", True)
    window.orphan_notes.action.trigger()
    assert "表二为现行有效件数" in prompts.asked[-1][1]
    assert window.report.acknowledgements == {}
    window.edits.undo()
    assert list(window.report.acknowledgements.values()) == ["表二为现行有效件数，正文为本年清理后件数"]


def test_an_opened_report_with_an_orphan_says_so_in_the_status_bar(make_window: Any) -> None:
    report = sample_report()
    report.acknowledge("text.table_mismatch@overview#9", "旧版本留下的说明")
    window = make_window(report)
    assert "1 条说明已找不到对应的警告" in window.statusBar().currentMessage()
