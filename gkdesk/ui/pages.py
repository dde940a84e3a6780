"""The pages of the window: one per section, generated from the format definition."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStyle, QToolButton, QVBoxLayout, QWidget

from gkdesk.spec import Section
from gkdesk.ui.cell_status import CellStatusLine
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.elided_label import ElidedLabel
from gkdesk.ui.grid_view import ReportGridView
from gkdesk.ui.narrative_editor import NarrativeEditor
from gkdesk.ui.page_layout import heading_label
from gkdesk.ui.table_model import ReportTableModel


class NarrativePage(QWidget):
    """一、五、六: the section's paragraphs."""

    def __init__(self, document: ReportDocument, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        title = QHBoxLayout()
        title.addWidget(heading_label(section.heading, self))
        if section.outline:
            hint = ElidedLabel("常用写法：" + "；".join(section.outline), self)
            hint.setObjectName("hint")
            title.addWidget(hint, 1)
        else:
            title.addStretch(1)
        layout.addLayout(title)
        self.narrative = NarrativeEditor(document, section.key, section.outline, self)
        layout.addWidget(self.narrative, 1)


class TablePage(QWidget):
    """二、三、四: the official table (scrolling under its frozen header), its message line, then the text."""

    def __init__(self, document: ReportDocument, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        assert section.table is not None
        table = document.report.spec.tables[section.table]
        self.model = ReportTableModel(document, table)
        self.model.setParent(self)
        self.model.set_live(False)

        layout = self.page_layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 4, 9, 4)
        layout.setSpacing(4)
        title = QHBoxLayout()
        title.addWidget(heading_label(section.heading, self))
        totals = "灰底为合计（自动计算）。" if table.totals else ""
        hint = ElidedLabel(f"{totals}回车/Tab 下一格，Ctrl+Enter 填满选区，右键“空白填 0”，可粘贴 Excel/Word", self)
        hint.setObjectName("hint")
        title.addWidget(hint, 1)
        layout.addLayout(title)

        self.grid = ReportGridView(self.model, self)
        self.grid.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.status_line = CellStatusLine(self.model, section.key, self)
        self.message = self.status_line.message  # refusals, where the clerk is looking
        layout.addWidget(self.grid, 4)
        layout.addWidget(self.status_line)
        self.notes_toggle = QToolButton(self)
        self.notes_toggle.setText("表格说明（可选）")
        self.notes_toggle.setCheckable(True)
        self.notes_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.notes_toggle.setAutoRaise(True)
        layout.addWidget(self.notes_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.narrative = NarrativeEditor(document, section.key, (), self)
        self.narrative.setMinimumHeight(90)
        layout.addWidget(self.narrative, 1)
        layout.addStretch(0)
        self.notes_toggle.toggled.connect(self.show_notes)
        # the table gets the room; its text opens on a click, or at once when there is some
        self.show_notes(bool(document.report.paragraphs(section.key)))
        self._room = 0
        self._fit_grid()

        self.model.rejected.connect(lambda _key, reason: self.show_message(reason))
        self.model.accepted.connect(self.clear_message)  # a valid value ends any refusal, changed or not
        self.grid.cell_delegate.liveMessage.connect(self.show_message)
        # A bound slot, not a lambda: the page is rebuilt on 打开/新建 while the undo stack lives on.
        self.model.document.undo_stack.indexChanged.connect(self.clear_message)
        self.grid.selectionModel().currentChanged.connect(lambda current, _previous: self.reveal_cell(current))
        self.status_line.follow(self.grid.currentIndex())

    def show_notes(self, shown: bool) -> None:
        self.notes_toggle.blockSignals(True)
        self.notes_toggle.setChecked(shown)
        self.notes_toggle.blockSignals(False)
        self.notes_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.narrative.setVisible(shown)

    def _fit_grid(self) -> None:
        """The grid is never taller or wider than the table (short tables leave room for the text below)."""
        bar = self.grid.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.grid.setMaximumHeight(self.grid.natural_height() + bar)
        self.grid.setMaximumWidth(self.grid.natural_width() + bar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        margins = self.page_layout.contentsMargins()
        room = event.size().width() - margins.left() - margins.right()
        if room != self._room:
            self._room = room
            self.grid.fit_columns(room)
            self._fit_grid()
        super().resizeEvent(event)

    def reveal_cell(self, index: QModelIndex) -> None:
        if index.isValid():
            self.grid.scrollTo(index)
        self.status_line.follow(index)

    def show_message(self, text: str) -> None:
        self.status_line.show_message(text)

    def clear_message(self) -> None:
        self.status_line.show_message("")

    def showEvent(self, event: QShowEvent) -> None:
        self.model.set_live(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.set_live(False)
        super().hideEvent(event)
