"""The window as a whole: findings panel, acknowledgements, prompts, saving, Chinese input, editions."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import describe_os_error
from gkdesk.io.gkr import load_gkr
from gkdesk.model import Paragraph, Report
from gkdesk.ui.pages import NarrativePage
from tests.ui.helpers import finding_item, table_page, type_chinese, type_in_cell


def regulation_warning_report() -> Report:
    report = Report.new(2021, "某某镇人民政府")
    report.organ_level = "township"
    report.values["proactive.regulation.issued"] = 1
    return report


def test_acknowledge_a_warning_with_an_explanation(qtbot: Any, make_window: Any, prompts: Any) -> None:
    window = make_window(regulation_warning_report())
    panel = window.findings_panel
    item = finding_item(panel, "T2.regulation_level")
    panel.tree.setCurrentItem(item)
    assert panel.acknowledge_button.isEnabled()
    open_before = window.document.counts("proactive")[1]
    prompts.script("text", "经核实，本年为代拟市政府规章，已与市司法局确认。")
    qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    key = next(f.key for f in window.document.findings if f.rule == "T2.regulation_level")
    assert window.report.acknowledgements[key].startswith("经核实")
    item = finding_item(panel, "T2.regulation_level")
    assert item.text(1) == "已说明" and "已说明：经核实" in item.text(0)
    assert window.document.counts("proactive")[1] == open_before - 1
    assert "已说明 1" in window.counts_label.text()
    window.document.undo_stack.undo()
    assert key not in window.report.acknowledgements


def test_acknowledgement_is_kept_in_the_file(tmp_path: Path, make_window: Any, prompts: Any) -> None:
    window = make_window(regulation_warning_report())
    panel = window.findings_panel
    panel.tree.setCurrentItem(finding_item(panel, "T2.regulation_level"))
    prompts.script("text", "已核实")
    panel.acknowledge_current()
    target = tmp_path / "r.gkr"
    prompts.script("save_as", str(target))
    assert window.files.save()
    assert list(load_gkr(target).acknowledgements.values()) == ["已核实"]
    assert not window.isWindowModified()


def test_closing_with_unsaved_changes_asks(qtbot: Any, tmp_path: Path, make_window: Any, prompts: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "1")
    prompts.script("save_changes", "cancel")
    assert not window.close()
    assert window.isVisible()
    prompts.script("save_changes", "save")
    prompts.script("save_as", str(tmp_path / "saved.gkr"))
    assert window.close()
    assert load_gkr(tmp_path / "saved.gkr").values["requests.new.natural"] == 1
    assert [q for q, _ in prompts.asked] == ["save_changes", "save_changes", "save_as"]


def test_discarding_on_close_does_not_save(qtbot: Any, make_window: Any, prompts: Any) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "1")
    prompts.script("save_changes", "discard")
    assert window.close()


def test_unchanged_report_closes_without_asking(make_window: Any, prompts: Any) -> None:
    window = make_window()
    assert window.close()
    assert prompts.asked == []


@pytest.mark.parametrize("reason", ["pulled stick", "full disk", "read-only folder"])
def test_failed_save_keeps_the_report_and_offers_save_as(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_window: Any, prompts: Any, reason: str
) -> None:
    window = make_window()
    type_in_cell(qtbot, window, "requests.new.natural", "9")
    if reason == "pulled stick":
        target = tmp_path / "removed-stick" / "report.gkr"  # the folder is gone
    else:
        target = tmp_path / "report.gkr"
        code = errno.ENOSPC if reason == "full disk" else errno.EROFS

        def full(*_args: Any) -> None:  # the atomic writer's own message for this OS error
            raise ReportFileError(describe_os_error(OSError(code, "refused"), target))

        monkeypatch.setattr("gkdesk.ui.document.save_gkr", full)
    prompts.script("save_as", str(target))
    prompts.script("save_failed", True)  # choose 另存为 …
    prompts.script("save_as", None)  # … then cancel it
    assert not window.files.save()
    message = next(text for q, text in prompts.asked if q == "save_failed")
    expected = {"pulled stick": "U盘", "full disk": "磁盘已满", "read-only folder": "只读"}[reason]
    assert expected in message
    assert window.report.value("requests.new.natural") == 9
    assert window.isWindowModified()
    assert not target.exists()


def test_chinese_typed_through_the_input_method_updates_title(make_window: Any) -> None:
    window = make_window()
    page = window.page_stack.pages["basic"]
    type_chinese(page.organ, "同心县人民政府")
    assert window.report.organ == "同心县人民政府"
    assert page.title_label.text() == "同心县人民政府2021年政府信息公开工作年度报告"
    assert window.windowTitle().startswith("同心县人民政府 2021年")
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert window.report.organ == ""
    assert page.organ.text() == ""


def test_narrative_editing_with_subheadings_bold_and_count(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.show_page("other")
    page = window.page_stack.pages["other"]
    assert isinstance(page, NarrativePage)
    editor = page.narrative
    editor.insert_outline()
    paragraphs = window.report.paragraphs("other")
    assert [p.kind for p in paragraphs] == ["subheading"] * 4
    assert "信息处理费" in paragraphs[0].text
    # type a body paragraph after the first sub-heading
    cursor = editor.editor.textCursor()
    cursor.setPosition(editor.editor.document().findBlockByNumber(0).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.editor.setTextCursor(cursor)
    editor.toggle_subheading()  # off …
    editor.toggle_subheading()  # … and on again
    editor.editor.setTextCursor(cursor)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)  # Enter after a sub-heading starts body text
    type_chinese(editor.editor, "本年度未收取信息处理费。")
    paragraphs = window.report.paragraphs("other")
    assert [p.kind for p in paragraphs][:2] == ["subheading", "body"]
    assert paragraphs[1].text == "本年度未收取信息处理费。"
    assert not any(f.rule == "structure.fee_statement" for f in window.document.findings)
    assert "5 段" in editor.count_label.text()
    # bold lead phrase
    cursor = editor.editor.textCursor()
    block = editor.editor.document().findBlockByNumber(1)
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + 5, cursor.MoveMode.KeepAnchor)
    editor.editor.setTextCursor(cursor)
    editor.toggle_bold()
    runs = window.report.paragraphs("other")[1].runs
    assert runs[0].bold and runs[0].text == "本年度未收" and not runs[1].bold
    # undo reaches the document and the editor follows
    window.document.undo_stack.undo()
    assert not window.report.paragraphs("other")[1].runs[0].bold


def test_paragraph_finding_selects_the_figure_in_its_paragraph(make_window: Any) -> None:
    report = Report.new(2021, "测试县人民政府")
    report.values["requests.new.natural"] = 14
    report.narratives["overview"] = [Paragraph.plain("（二）依申请公开", "subheading"), Paragraph.plain("全年共受理申请12件。")]
    window = make_window(report)
    finding = next(f for f in window.document.findings if f.rule == "text.table_mismatch")
    window.reveal(finding)
    page = window.page_stack.pages["overview"]
    assert window.page_stack.currentWidget() is page
    assert page.narrative.editor.textCursor().selectedText() == "12件"  # the figure, not the whole paragraph


def test_year_2020_switches_to_the_2019_format_and_back(make_window: Any, prompts: Any) -> None:
    window = make_window()
    page = window.page_stack.pages["basic"]
    prompts.script("confirm", True)
    page.year.setValue(2020)
    assert window.report.edition == "2019"
    proactive = table_page(window, "proactive")
    assert proactive.model.has_cell("proactive.procurement.amount")
    assert "国办公开办函〔2019〕60号" in window.page_stack.pages["basic"].edition_label.text()
    window.document.undo_stack.undo()
    assert window.report.edition == "2021" and window.report.year == 2021
    assert not table_page(window, "proactive").model.has_cell("proactive.procurement.amount")


def test_menus_can_be_extended(make_window: Any) -> None:
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "审核(&R)", "汇总(&U)", "帮助(&H)"]
    file_items = [a.text() for a in window.menu("file").actions() if a.text()]
    assert {"新建(&N)", "打开(&O)…", "保存(&S)", "另存为(&A)…", "最近打开的文件(&R)", "退出(&X)"} <= set(file_items)
    review = QAction("测试审核动作", window)
    window.add_action("review", review, toolbar=True)
    assert review in window.menu("review").actions() and review in window.toolbar.actions()
    assert window.files.save_action.shortcut().toString() == "Ctrl+S"
    assert window.edits.redo_action.shortcut().toString() == "Ctrl+Y"


def test_open_records_recent_files_and_geometry_is_remembered(
    tmp_path: Path, make_window: Any, prompts: Any, qtbot: Any
) -> None:
    from tests.helpers import sample_report

    path = tmp_path / "sample.gkr"
    from gkdesk.io.gkr import save_gkr

    save_gkr(sample_report(), path)
    window = make_window()
    assert window.files.open_path(path)
    assert window.report.organ == sample_report().organ
    assert window.preferences.recent_files()[0] == str(path.resolve())
    window.resize(700, 500)
    assert window.close()
    again = make_window()
    assert again.size().width() == 700
    assert again.preferences.recent_files()[0] == str(path.resolve())


def test_typing_a_year_takes_effect_on_enter(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    page = window.page_stack.pages["basic"]
    window.show_page("basic")
    page.year.setFocus()
    page.year.selectAll()
    qtbot.keyClicks(page.year, "2023")
    assert window.report.year == 2021  # not while typing
    qtbot.keyClick(page.year, Qt.Key.Key_Return)
    assert window.report.year == 2023 and window.report.edition == "2021"
    assert "2023年" in page.title_label.text()


def test_paragraph_selection_counts_empty_paragraphs_of_an_opened_file(make_window: Any) -> None:
    report = Report.new(2021)
    report.narratives["problems"] = [Paragraph.plain("一"), Paragraph.plain(""), Paragraph.plain("三段"), Paragraph.plain("四段")]
    window = make_window(report)
    page = window.page_stack.pages["problems"]
    page.narrative.select_paragraph(2)
    assert page.narrative.editor.textCursor().selectedText() == "三段"


def test_a_recent_file_that_is_gone_can_leave_the_list(tmp_path: Path, make_window: Any, prompts: Any) -> None:
    from gkdesk.io.gkr import save_gkr
    from tests.helpers import sample_report

    path = tmp_path / "stick" / "报告.gkr"
    path.parent.mkdir()
    save_gkr(sample_report(), path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    path.unlink()
    prompts.script("confirm", False)
    assert not window.files.open_recent(str(path.resolve()))
    assert window.preferences.recent_files() == [str(path.resolve())]
    prompts.script("confirm", True)
    assert not window.files.open_recent(str(path.resolve()))
    assert window.preferences.recent_files() == []
    assert "U盘" in prompts.asked[-1][1]
