"""The pages of the window: one per section, generated from the format definition."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from gkdesk.spec import Section
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.grid_view import ReportGridView
from gkdesk.ui.narrative_editor import NarrativeEditor
from gkdesk.ui.table_model import ReportTableModel


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("pageHeading")
    return label


def scroll_page(page: QWidget, content: QWidget) -> QScrollArea:
    """Fill `page` with a frameless scroll area over `content`: on a small screen (1366×768) the page
    scrolls instead of making the window taller."""
    scroll = QScrollArea(page)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll


class NarrativePage(QWidget):
    """一、五、六: the section's paragraphs."""

    def __init__(self, document: ReportDocument, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(section.heading, self))
        if section.outline:
            hint = QLabel("常用写法：" + "；".join(section.outline), self)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.narrative = NarrativeEditor(document, section.key, section.outline, self)
        layout.addWidget(self.narrative, 1)


class TablePage(QWidget):
    """二、三、四: the official table, then the text around it."""

    def __init__(self, document: ReportDocument, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        assert section.table is not None
        table = document.report.spec.tables[section.table]
        self.model = ReportTableModel(document, table)
        self.model.setParent(self)
        self.model.set_live(False)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading_label(section.heading, content))
        totals = "灰底粗体为合计，自动计算。" if table.totals else ""
        hint = QLabel(f"{totals}输入数字即开始填写，回车或 Tab 到下一格，Delete 清除，"
                      "可从 Excel/WPS 复制一块数据后 Ctrl+V 粘贴。", content)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.grid = ReportGridView(self.model, content)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setFixedSize(self.grid.natural_width(), self.grid.natural_height())
        self.message = QLabel("", content)
        self.message.setObjectName("rejectMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self.grid)
        self.model.rejected.connect(lambda _key, reason: self.show_message(reason))
        self.model.accepted.connect(self.clear_message)  # a valid value ends any refusal, changed or not
        self.grid.cell_delegate.liveMessage.connect(self.show_message)
        # A bound slot, not a lambda: the page is rebuilt on 打开/新建 while the undo stack lives on.
        self.model.document.undo_stack.indexChanged.connect(self.clear_message)
        layout.addWidget(QLabel("表格说明（可选）：", content))
        self.narrative = NarrativeEditor(document, section.key, (), content)
        self.narrative.setMinimumHeight(140)
        self.narrative.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.narrative, 1)

        self.content = content
        self.scroll_area = scroll_page(self, content)
        # the grid is as tall as the official table: keep the current cell in view while typing
        self.grid.selectionModel().currentChanged.connect(lambda current, _previous: self.reveal_cell(current))

    def reveal_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        rect = self.grid.visualRect(index)
        centre = self.grid.viewport().mapTo(self.content, rect.center())
        self.scroll_area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 20, rect.height() + 20)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def clear_message(self) -> None:
        self.message.setText("")

    def showEvent(self, event: QShowEvent) -> None:
        self.model.set_live(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.set_live(False)
        super().hideEvent(event)
