"""全县合计 in the window: tables 二, 三 and 四 of the totals as the report pages draw them, read-only."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gkdesk.model import CellValue, Report
from gkdesk.spec import GridCell
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.grid_view import ReportGridView
from gkdesk.ui.page_layout import heading_label, scroll_page
from gkdesk.ui.table_model import ReportTableModel

Index = QModelIndex | QPersistentModelIndex


class ReadOnlyTableModel(ReportTableModel):
    """The report page's table model with nothing editable: no typing, paste or Delete changes a cell."""

    def _compute_flags(self, cell: GridCell) -> Qt.ItemFlag:
        return super()._compute_flags(cell) & ~Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def set_cells(self, changes: list[tuple[str, CellValue]], text: str) -> None:
        return


class TotalsView(QWidget):
    """The county totals' tables, one under the other, in a scrolling page; the checks' marks are shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: ReportDocument | None = None
        self.grids: dict[str, ReportGridView] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None

    def show_totals(self, report: Report | None) -> None:
        """Show `report`'s tables (None: empty)."""
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.deleteLater()
            self._body = None
        self.grids = {}
        self.document = None
        if report is None:
            return
        self.document = ReportDocument(report, self)
        page = QWidget(self)
        content = QWidget()
        column = QVBoxLayout(content)
        hint = QLabel("各单位计入合计的数字之和，按官方表格排列（只读）。生成本级报告后可在主窗口中继续填写文字部分。", content)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        for section in report.spec.sections:
            if section.table is None:
                continue
            model = ReadOnlyTableModel(self.document, report.spec.tables[section.table])
            model.setParent(content)
            grid = ReportGridView(model, content)
            grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            grid.setFixedSize(grid.natural_width(), grid.natural_height())
            grid.setCurrentIndex(QModelIndex())  # nothing to fill in here: no cell stands out as current
            column.addWidget(heading_label(section.heading, content))
            column.addWidget(grid)
            self.grids[section.table] = grid
        column.addStretch(1)
        scroll_page(page, content)
        self._layout.addWidget(page)
        self._body = page
