"""The roll-up's result in the window: 报送情况 (units in the template's or natural order, status in colour),
未受理文件, 全县合计 (the official tables, read-only) and 图表 (the two charts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QTableWidgetItem, QTabWidget, QWidget

from gkdesk.rollup import DUPLICATE, MISSING, RETURNED, UNLISTED, RollupResult
from gkdesk.rollup.figures import ChartData
from gkdesk.ui.rollup_charts import OutcomePieChart, UnitBarChart
from gkdesk.ui.rollup_totals import TotalsView

UNIT_HEADERS = ("单位", "单位代码", "状态", "错误", "未说明的警告", "未处理的批注", "文件", "备注")
STATUS_COLOURS = {RETURNED: "#d9ead3", MISSING: "#f4cccc", DUPLICATE: "#fce5cd", UNLISTED: "#cfe2f3"}
ALERT = QColor("#fde2e1")
FIGURE_COLUMNS = (3, 4, 5)
TOTALS_TAB, CHARTS_TAB = 2, 3


def _table(headers: tuple[str, ...], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(26)
    return table


class RollupResultView(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units = _table(UNIT_HEADERS, self)
        self.refused = _table(("文件", "原因"), self)
        self.totals = TotalsView(self)
        self.charts = QWidget(self)
        self.unit_chart = UnitBarChart(self.charts)
        self.outcome_chart = OutcomePieChart(self.charts)
        row = QHBoxLayout(self.charts)
        row.addWidget(self.unit_chart, 1)
        row.addWidget(self.outcome_chart, 1)
        self.addTab(self.units, "报送情况")
        self.addTab(self.refused, "未受理文件")
        self.addTab(self.totals, "全县合计")
        self.addTab(self.charts, "图表")
        self.clear()

    def clear(self) -> None:
        self.units.setRowCount(0)
        self.refused.setRowCount(0)
        self.totals.show_totals(None)
        self.unit_chart.set_items([])
        self.outcome_chart.set_items([])
        self.setTabText(1, "未受理文件")
        for tab in (TOTALS_TAB, CHARTS_TAB):
            self.setTabEnabled(tab, False)

    def show_result(self, result: RollupResult, charts: ChartData) -> None:
        self._fill_units(result)
        self.refused.setRowCount(len(result.refused))
        for r, refusal in enumerate(result.refused):
            name = QTableWidgetItem(Path(refusal.file).name)
            name.setToolTip(refusal.file)
            self.refused.setItem(r, 0, name)
            self.refused.setItem(r, 1, QTableWidgetItem(refusal.reason))
        self.refused.resizeColumnToContents(0)
        self.setTabText(1, f"未受理文件（{len(result.refused)}）")
        ready = result.totals is not None
        self.totals.show_totals(result.totals.report(result.year) if result.totals is not None else None)
        self.unit_chart.set_items(charts.applications)
        self.outcome_chart.set_items(charts.outcomes)
        for tab in (TOTALS_TAB, CHARTS_TAB):
            self.setTabEnabled(tab, ready)

    def _fill_units(self, result: RollupResult) -> None:
        self.units.setRowCount(len(result.rows))
        for r, row in enumerate(result.rows):
            figures = [str(row.errors), str(row.warnings), str(row.open_comments)] if row.file else ["", "", ""]
            cells = [row.organ, row.unit.code if row.unit else "", row.status_label, *figures, Path(row.file).name if row.file else "", row.note]
            alert = row.file is not None and row.errors > 0
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[row.status])))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif alert:
                    item.setBackground(QBrush(ALERT))
                if c in FIGURE_COLUMNS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 6 and row.file:
                    item.setToolTip(row.file)
                self.units.setItem(r, c, item)
        self.units.resizeColumnsToContents()
        for column in (6, 7):
            self.units.setColumnWidth(column, min(self.units.columnWidth(column), 320))
