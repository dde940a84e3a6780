"""依据表格生成 in the narrative editor: drafted paragraphs and corrected figures, written in one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gkdesk.checks import run_checks
from gkdesk.model import Paragraph
from gkdesk.ui.draft_dialog import DraftDialog
from gkdesk.ui.pages import NarrativePage
from tests.helpers import sample_report


def _overview(window: Any) -> Any:
    window.show_page("overview")
    page = window.page_stack.pages["overview"]
    assert isinstance(page, NarrativePage)
    return page.narrative


def test_button_drafts_and_fixes_then_undo_restores(qtbot: Any, make_window: Any) -> None:
    window = make_window(sample_report())
    editor = _overview(window)
    before = list(window.document.report.paragraphs("overview"))
    assert [f.rule for f in run_checks(window.document.report)] == ["text.table_mismatch"]
    seen: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DraftDialog)
        seen.append(dialog.windowTitle())
        seen.extend(box.text() for box in [*dialog.draft_boxes, *dialog.fix_boxes.values()])
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, accept)
    qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    assert seen[0] == "依据表格生成 — 一、总体情况"
    assert "第五段：用表格数字改写这句" in seen
    after = window.document.report.paragraphs("overview")
    assert len(after) == len(before) + 3
    assert any(p.text.startswith("2021年，同心县共收到政府信息公开申请14件") for p in after)
    assert "现行有效规范性文件 30 个" in after[4].text
    assert "现行有效规范性文件 30 个" in editor.editor.toPlainText()
    assert not [f for f in run_checks(window.document.report) if f.rule == "text.table_mismatch"]
    window.document.undo_stack.undo()
    assert window.document.report.paragraphs("overview") == before
    assert "现行有效规范性文件 27 个" in editor.editor.toPlainText()


def test_unchecked_items_are_left_alone(qtbot: Any, make_window: Any) -> None:
    report = sample_report()
    report.narratives["other"] = [Paragraph.plain("（一）信息处理费"), Paragraph.plain("（二）其他事项。")]
    window = make_window(report)
    dialog = DraftDialog(window.document, "other", window)
    qtbot.addWidget(dialog)
    assert [box.text() for box in dialog.draft_boxes] == ["信息处理费：插在第二段之前"]
    assert not dialog.draft_boxes[0].isChecked()  # the fee is not in the tables: written in only when chosen
    assert "请核实" in dialog.draft_boxes[0].toolTip()
    assert dialog.apply() is False
    dialog.draft_boxes[0].setChecked(True)
    assert dialog.apply() is True
    texts = [p.text for p in window.document.report.paragraphs("other")]
    assert texts == ["（一）信息处理费", "2021年，同心县未收取政府信息公开信息处理费。", "（二）其他事项。"]
    again = DraftDialog(window.document, "other", window)
    qtbot.addWidget(again)
    assert [box.text() for box in again.draft_boxes] == ["信息处理费：替换第二段（此前生成的段落）"]


def test_unfilled_tables_and_errors_are_named(qtbot: Any, make_window: Any) -> None:
    report = sample_report()
    report.values["requests.carried_over.natural"] = 3
    for key in [k for k in report.values if k.startswith("proactive.")]:
        del report.values[key]
    window = make_window(report)
    dialog = DraftDialog(window.document, "overview", window)
    qtbot.addWidget(dialog)
    assert dialog.notes[0].startswith("表格有 2 处错误（如：表三 第二列（自然人）：一+二=17")
    assert "表二还没有填写，未起草“行政规范性文件”" in dialog.notes
    assert [draft.topic.key for draft in dialog.drafts] == ["requests", "appeals"]


def test_findings_panel_quick_fix_rewrites_the_figure(qtbot: Any, make_window: Any) -> None:
    window = make_window(sample_report())
    panel = window.findings_panel
    assert not panel.fix_button.isVisibleTo(panel)
    item = panel.items()[0]
    panel.tree.setCurrentItem(item)
    assert panel.current_finding().rule == "text.table_mismatch"
    assert panel.fix_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    paragraph = window.document.report.paragraphs("overview")[4].text
    assert "现行有效规范性文件 30 个" in paragraph
    assert not [f for f in run_checks(window.document.report) if f.rule == "text.table_mismatch"]
    window.document.undo_stack.undo()
    assert "现行有效规范性文件 27 个" in window.document.report.paragraphs("overview")[4].text
