"""A typed value repaints the cells it changed, not the whole grid (the editor opening and closing move the
focus between the grid and its own editor, which does not change how the other cells look)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from tests.helpers import sample_report
from tests.ui.helpers import table_page, type_in_cell


class PaintedArea(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.areas: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            region = event.region()  # type: ignore[attr-defined]
            self.areas.append(sum(rect.width() * rect.height() for rect in region))
        return False


def test_a_typed_value_does_not_repaint_the_whole_grid(qtbot: Any, make_window: Any) -> None:
    window = make_window(sample_report())
    window.resize(1366, 768)  # the next cell is in view: moving there does not scroll the grid
    page = table_page(window, "requests")
    viewport = page.grid.viewport()
    for warm_up in ("21", "13"):  # the page laid out, the message line under the grid shown
        type_in_cell(qtbot, window, "requests.new.natural", warm_up)
    for _ in range(3):
        QApplication.processEvents()
    watch = PaintedArea()
    viewport.installEventFilter(watch)
    try:
        type_in_cell(qtbot, window, "requests.new.natural", "12")
        for _ in range(3):
            QApplication.processEvents()
    finally:
        viewport.removeEventFilter(watch)
    whole = viewport.width() * viewport.height()
    assert watch.areas, "the changed cells are repainted"
    assert max(watch.areas) < whole // 2
    assert page.model.index_of("requests.new.natural").data() == "12"
