"""Review in the window: the 批注 panel, 与其他版本比较 with 修改说明, hand edits and import problems on opening."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from gkdesk.io.gkr import save_gkr
from gkdesk.io.import_result import RULE_HAND_EDIT, RULE_UNPLACED
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.tables import table_sheet
from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.pages import NarrativePage
from gkdesk.ui.review_actions import REVIEWER_KEY
from gkdesk.ui.review_compare import CompareDialog
from gkdesk.ui.review_import import EMBEDDED, VISIBLE, HandEditsDialog
from tests.helpers import sample_report
from tests.io.xlsx_variants import build_xlsx
from tests.ui.helpers import table_page

SHOTS = Path(os.environ.get("GKDESK_SHOTS", "/tmp/gkdesk-review-shots"))
CELL = "requests.new.natural"


class CommentScript:
    """Answers 添加批注 with `next_text` and records the place shown."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.next_text = "请核对本年新收申请数"

    def ask(self, place: str) -> str:
        self.asked.append(place)
        return self.next_text


@pytest.fixture
def script() -> CommentScript:
    return CommentScript()


@pytest.fixture
def window(make_window: Any, script: CommentScript) -> MainWindow:
    win: MainWindow = make_window(sample_report())
    win.review.ask_comment = script.ask  # type: ignore[method-assign]
    win.review.ask_reviewer = lambda default: "县政务公开办"  # type: ignore[method-assign]
    return win


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_comment_on_the_selected_cell_is_listed_undoable_and_marked(window: MainWindow, script: CommentScript) -> None:
    page = table_page(window, "requests")
    page.grid.select_cell(CELL)
    assert window.review.add_comment()
    report = window.document.report
    assert [(c.anchor, c.author, c.text, c.status) for c in report.comments] == [
        (CELL, "县政务公开办", "请核对本年新收申请数", "待修改")
    ]
    assert "自然人" in script.asked[0]
    assert QSettings().value(REVIEWER_KEY) == "县政务公开办"
    items = window.review.panel.comment_items()
    assert [items[0].text(i) for i in (1, 2, 4)] == ["请核对本年新收申请数", "县政务公开办", "待修改"]
    assert items[0].text(0).startswith("表三「") and items[0].text(0).endswith("「自然人」列")
    marks = next(m for m in window.review.marks if m.grid is page.grid)
    assert marks.positions == [(page.model.index_of(CELL).row(), page.model.index_of(CELL).column())]
    _shot(page.grid, "grid-with-comment-mark")
    assert window.document.dirty

    window.document.undo_stack.undo()
    assert report.comments == [] and window.review.panel.comment_items() == []
    assert marks.positions == []
    window.document.undo_stack.redo()
    assert [c.anchor for c in report.comments] == [CELL]
    assert len(window.review.panel.comment_items()) == 1


def test_marks_follow_the_pages_regenerated_on_opening(window: MainWindow, tmp_path: Path) -> None:
    returned = sample_report()
    returned.add_comment(CELL, "县政务公开办", "请核对")
    save_gkr(returned, tmp_path / "returned.gkr")
    window.document.forget_changes()
    assert window.files.open_path(tmp_path / "returned.gkr")
    QApplication.processEvents()  # the old pages (and anything left on them) are deleted now
    page = table_page(window, "requests")
    marks = next(m for m in window.review.marks if m.grid is page.grid)
    assert marks.positions == [(page.model.index_of(CELL).row(), page.model.index_of(CELL).column())]
    page.grid.select_cell("requests.new.legal")
    assert window.review.add_comment()  # refreshes every mark: none may be a deleted widget
    assert len(marks.positions) == 2


def test_reviewer_is_asked_once_then_remembered(window: MainWindow) -> None:
    table_page(window, "requests").grid.select_cell(CELL)
    assert window.review.add_comment()

    def never(default: str) -> str:
        raise AssertionError("the reviewer name is remembered")

    window.review.ask_reviewer = never  # type: ignore[method-assign]
    assert window.review.add_comment()
    assert [c.author for c in window.document.report.comments] == ["县政务公开办"] * 2


def test_comment_on_a_row_label_and_on_a_paragraph(window: MainWindow, script: CommentScript) -> None:
    page = table_page(window, "requests")
    label = next(c for c in page.model.layout.cells if c.kind == "label" and c.row_key == "new" and c.rowspan == 1)
    page.grid.setCurrentIndex(page.model.index(label.row, label.col))
    page.grid.setFocus()
    assert window.review.add_comment()

    window.show_page("overview")
    narrative_page = window.page_stack.pages["overview"]
    assert isinstance(narrative_page, NarrativePage)
    editor = narrative_page.narrative.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    while not cursor.block().text().strip():
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)  # the second paragraph
    editor.setTextCursor(cursor)
    QApplication.processEvents()
    script.next_text = "表述不准确"
    window.review.panel.add_button.click()  # the button never takes the focus from the text
    anchors = [c.anchor for c in window.document.report.comments]
    assert anchors == ["requests.new", "overview#2"]
    texts = [item.text(0) for item in window.review.panel.comment_items()]
    assert texts[0].endswith("行") and "第2段" in texts[1]


def test_status_buttons_and_undo(window: MainWindow) -> None:
    table_page(window, "requests").grid.select_cell(CELL)
    window.review.add_comment()
    panel = window.review.panel
    panel.tree.setCurrentItem(panel.comment_items()[0])
    assert not panel.status_buttons["待修改"].isEnabled()
    panel.status_buttons["已修改"].click()
    assert window.document.report.comments[0].status == "已修改"
    assert panel.comment_items()[0].text(4) == "已修改"
    panel.status_buttons["已确认"].click()
    marks = next(m for m in window.review.marks if m.grid.grid_model.has_cell(CELL))
    assert marks.positions == []  # closed comments are not marked
    panel.open_only.setChecked(True)
    assert panel.comment_items() == []
    panel.open_only.setChecked(False)
    window.document.undo_stack.undo()
    assert window.document.report.comments[0].status == "已修改"
    assert len(marks.positions) == 1


def test_clicking_a_comment_jumps_to_its_cell_and_paragraph(window: MainWindow, qtbot: Any) -> None:
    report = window.document.report
    report.add_comment(CELL, "县政务公开办", "请核对")
    report.add_comment("problems#2", "县政务公开办", "请具体些")
    panel = window.review.panel
    window.show_page("overview")
    cell_item, paragraph_item = panel.comment_items()
    panel.tree.itemClicked.emit(cell_item, 0)
    page = window.page_stack.table_page("requests")
    assert page is not None and window.page_stack.currentWidget() is page
    assert page.grid.currentIndex() == page.model.index_of(CELL)
    panel.tree.itemClicked.emit(paragraph_item, 0)
    problems = window.page_stack.pages["problems"]
    assert isinstance(problems, NarrativePage) and window.page_stack.currentWidget() is problems
    selected = problems.narrative.editor.textCursor().selectedText()
    assert selected == report.paragraphs("problems")[1].text
    _shot(window, "window-with-comments")
    _shot(window.review.dock, "comments-panel")


def test_compare_with_another_version_and_export_the_change_sheet(
    window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    sent = tmp_path / "sent.gkr"
    save_gkr(sample_report(), sent)
    table_page(window, "requests")
    page = window.page_stack.table_page("requests")
    assert page is not None
    page.model.set_cells([(CELL, 99)], "输入数字")
    shown: list[CompareDialog] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, CompareDialog)
        shown.append(dialog)
        _shot(dialog, "compare-dialog")
        dialog.export_button.click()
        return 0

    window.review.show_dialog = show  # type: ignore[method-assign]
    window.review.pick_other_file = lambda folder: str(sent)  # type: ignore[method-assign]
    window.review.changes_path = lambda suggested: str(tmp_path / "修改说明.docx")  # type: ignore[method-assign]
    window.review.compare_action.trigger()
    dialog = shown[0]
    rows = [[dialog.tree.topLevelItem(i).text(c) for c in range(4)] for i in range(dialog.tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert any(row[1].endswith("「自然人」列") and row[2:] == ["14", "99"] for row in rows), rows
    assert dialog.exported == tmp_path / "修改说明.docx"
    cells = [
        cell.text for table in docx.Document(str(dialog.exported)).tables for row in table.rows for cell in row.cells
    ]
    assert "99" in cells and "14" in cells
    assert "已导出修改说明" in dialog.message.text()


def test_compare_with_an_unreadable_file_says_why(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    errors: list[str] = []
    window.review.error = lambda text: errors.append(text)  # type: ignore[method-assign]
    assert window.review.compare(str(bad)) is None
    assert errors and "bad.xlsx" in errors[0]


def _hand_edited_xlsx(path: Path) -> tuple[str, int]:
    """Export the sample, then change one 表三 figure in Excel; returns (cell key, the new figure)."""
    report = sample_report()
    export_xlsx(report, path)
    section = next(s for s in report.spec.sections if s.table == "requests")
    ref = table_sheet(section, report.spec.tables["requests"]).refs[CELL]
    workbook = openpyxl.load_workbook(path)
    workbook["表三"][ref].value = 41
    workbook.save(path)
    return CELL, 41


@pytest.mark.parametrize("which", [VISIBLE, EMBEDDED])
def test_opening_a_hand_edited_export_asks_per_place(window: MainWindow, tmp_path: Path, which: str) -> None:
    path = tmp_path / "returned.xlsx"
    key, edited = _hand_edited_xlsx(path)
    seen: list[HandEditsDialog] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, HandEditsDialog)
        seen.append(dialog)
        assert dialog.table.rowCount() == 1
        assert [dialog.table.item(0, c).text() for c in range(3)][1:] == ["14", "41"]  # type: ignore[union-attr]
        dialog.choose(key, which)
        if which == EMBEDDED:
            _shot(dialog, "hand-edits-dialog")
        return int(QDialog.DialogCode.Accepted)

    window.review.show_dialog = show  # type: ignore[method-assign]
    assert window.files.open_path(path, ask=False)
    assert seen
    assert window.document.report.value(key) == (14 if which == EMBEDDED else edited)
    assert not any(f.rule == RULE_HAND_EDIT for f in window.document.findings)


def test_unplaced_cells_of_an_opened_file_are_findings(window: MainWindow, tmp_path: Path, prompts: Any) -> None:
    path = tmp_path / "stray.xlsx"
    build_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    workbook["年度报告"].cell(200, 3, 42)
    workbook.save(path)

    def no_dialog(dialog: QDialog) -> int:
        raise AssertionError("a foreign file has no hand edits to choose")

    window.review.show_dialog = no_dialog  # type: ignore[method-assign]
    assert window.files.open_path(path, ask=False)
    unplaced = [f for f in window.document.findings if f.rule == RULE_UNPLACED]
    assert len(unplaced) == 1 and "42" in unplaced[0].message
    assert any(
        finding.rule == RULE_UNPLACED for finding in window.findings_panel.findings()
    )
    page = table_page(window, "requests")
    page.model.set_cells([(CELL, 7)], "输入数字")  # the import problems stay while editing
    assert any(f.rule == RULE_UNPLACED for f in window.document.findings)
    prompts.script("save_changes", "discard")
    assert window.files.new_report()  # … until another report is loaded
    assert not any(f.rule == RULE_UNPLACED for f in window.document.findings)
