"""插入常用提纲 puts the missing headings where they belong, not at the end."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gkdesk.model import Paragraph
from gkdesk.ui.pages import NarrativePage


def test_missing_outline_headings_go_in_order(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    outline = window.report.spec.section("overview").outline
    assert len(outline) >= 3
    window.report.set_paragraphs(
        "overview",
        [Paragraph.plain(outline[0], "subheading"), Paragraph.plain("正文一。"),
         Paragraph.plain(outline[2], "subheading"), Paragraph.plain("正文三。")],
    )
    window.show_page("overview")
    page = window.page_stack.pages["overview"]
    assert isinstance(page, NarrativePage)
    qtbot.mouseClick(page.narrative.outline_button, Qt.MouseButton.LeftButton)
    texts = [p.text for p in window.report.paragraphs("overview")]
    assert texts[:5] == [outline[0], "正文一。", outline[1], outline[2], "正文三。"]
    assert texts[5:] == list(outline[3:])
    window.edits.undo()
    assert [p.text for p in window.report.paragraphs("overview")][2] == outline[2]
