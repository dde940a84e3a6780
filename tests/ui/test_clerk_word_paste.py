"""Pasting from Word into a section keeps bold lead phrases; indents go; “（一）…” lines become 小标题."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from gkdesk.model import Paragraph, Run
from gkdesk.ui.pages import NarrativePage

WORD_HTML = """<html><body>
<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:仿宋'>一是加强组织领导。</span></b>
<span style='font-family:仿宋'>成立了政务公开工作领导小组。</span></p>
<p class=MsoNormal><span style='font-family:楷体'>（二）依申请公开情况</span></p>
<p class=MsoNormal style='text-indent:2em'><span>　　全年共受理申请14件。</span></p>
<p class=MsoNormal><span>（三）本年度共收到申请14件，全部按期答复。其中予以公开12件。</span></p>
</body></html>"""


def test_word_paste_keeps_bold_runs_and_makes_subheadings(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.show_page("overview")
    page = window.page_stack.pages["overview"]
    assert isinstance(page, NarrativePage)
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("一是加强组织领导。成立了政务公开工作领导小组。\n（二）依申请公开情况\n全年共受理申请14件。")
    QGuiApplication.clipboard().setMimeData(mime)
    editor = page.narrative.editor
    editor.setFocus()
    steps = window.document.undo_stack.count()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    paragraphs = window.report.paragraphs("overview")
    assert paragraphs[0].runs[0] == Run("一是加强组织领导。", True)
    assert "".join(r.text for r in paragraphs[0].runs[1:]).strip() == "成立了政务公开工作领导小组。"
    assert not any(r.bold for r in paragraphs[0].runs[1:])
    assert paragraphs[1] == Paragraph.plain("（二）依申请公开情况", "subheading")
    assert paragraphs[2] == Paragraph.plain("全年共受理申请14件。")  # the indent is not kept as spaces
    assert paragraphs[3].kind == "body"  # a long numbered sentence stays a body paragraph
    assert len(paragraphs) == 4
    assert window.document.undo_stack.count() == steps + 1


def test_plain_text_paste_also_finds_subheadings(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.show_page("problems")
    page = window.page_stack.pages["problems"]
    assert isinstance(page, NarrativePage)
    QGuiApplication.clipboard().setText("（一）存在的问题\n　　一是信息更新不及时。\n")
    editor = page.narrative.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.report.paragraphs("problems") == [
        Paragraph.plain("（一）存在的问题", "subheading"), Paragraph.plain("一是信息更新不及时。")
    ]
