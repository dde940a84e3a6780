"""Pages are built when first shown: a start (or opening a file) builds the page in view, not all seven;
what decorates a page (context menu, 批注 marks) reaches pages built later too."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gkdesk.ui.navigator import BASIC_KEY
from tests.helpers import sample_report


def test_a_start_builds_only_the_page_in_view(make_window: Any) -> None:
    window = make_window(sample_report())
    assert list(window.page_stack.built) == [BASIC_KEY]
    window.show_page("appeals")
    assert set(window.page_stack.built) == {BASIC_KEY, "appeals"}
    assert window.page_stack.currentWidget() is window.page_stack.pages["appeals"]


def test_opening_a_file_rebuilds_only_the_page_in_view(make_window: Any, tmp_path: Any) -> None:
    from gkdesk.io.gkr import save_gkr

    path = tmp_path / "sample.gkr"
    save_gkr(sample_report(), path)
    window = make_window()
    window.show_page("requests")
    window.show_page("overview")
    assert window.files.open_path(path, ask=False)
    assert list(window.page_stack.built) == ["overview"]
    assert window.page_stack.current_key() == "overview"


def test_a_page_built_later_gets_the_context_menu_and_comment_marks(make_window: Any) -> None:
    report = sample_report()
    report.add_comment("requests.new.natural", "县政务公开办", "请核实")
    window = make_window(report)
    assert "requests" not in window.page_stack.built
    page = window.page_stack.table_page("requests")
    assert page is not None
    assert page.grid.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert any(marks.grid is page.grid and marks.positions for marks in window.review.marks)
