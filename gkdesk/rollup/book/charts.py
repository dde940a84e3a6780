"""The workbook's native charts: applications per unit (sorted), outcomes of all applications by category and,
given last year's figures, this year against last. Their data sit in a hidden sheet as formulas over the
by-unit sheets, so the charts follow when a reviewer corrects a unit's numbers."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.workbook import Workbook

from gkdesk.model import Number
from gkdesk.rollup.book.cells import Painter, WriteSheet, new_sheet
from gkdesk.rollup.figures import Figure

DATA_SHEET = "图表数据"
TOP_UNITS = 30  # the applications chart shows the units with the most applications
CHART_WIDTH_CM, CHART_HEIGHT_CM = 13.5, 8.0


@dataclass(frozen=True)
class UnitApplications:
    organ: str
    count: Number
    ref: str  # the by-unit sheet's cell, e.g. '表三'!$AB$5


class TopApplications:
    """The TOP_UNITS units with the most applications, most first, taken as the units come (on a tie the unit
    listed first): what the chart shows, without holding every unit."""

    def __init__(self) -> None:
        self._heap: list[tuple[Number, int, UnitApplications]] = []  # smallest first: the next to drop
        self.units = 0

    def add(self, unit: UnitApplications) -> None:
        entry = (unit.count, -self.units, unit)  # the second member is unique: units are never compared
        self.units += 1
        if len(self._heap) < TOP_UNITS:
            heapq.heappush(self._heap, entry)
        else:
            heapq.heappushpop(self._heap, entry)

    def shown(self) -> list[UnitApplications]:
        return [unit for _count, _order, unit in sorted(self._heap, key=lambda entry: (-entry[0], -entry[1]))]


@dataclass(frozen=True)
class ChartInputs:
    applications: list[UnitApplications]  # the units with the most applications, most first (TopApplications)
    units: int  # units counted, all of them
    outcomes: list[tuple[Figure, str]]  # each category with a formula over the by-unit total row
    comparison: list[tuple[Figure, Number, str]]  # figure, last year's value, this year's formula
    year: int | None
    previous_year: int | None


def _axes_shown(chart: Any) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _labels() -> DataLabelList:
    labels = DataLabelList()
    labels.showVal = True
    for name in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(labels, name, False)
    return labels


def _data_sheet(book: Workbook, painter: Painter, inputs: ChartInputs) -> tuple[WriteSheet, dict[str, tuple[int, int]]]:
    """Rows of chart data; returns the sheet and each block's (first data row, last data row)."""
    sheet = new_sheet(book, DATA_SHEET)
    sheet.sheet_state = "hidden"
    blocks: dict[str, tuple[int, int]] = {}
    row = 1
    shown = inputs.applications
    sheet.append([painter.cell(sheet, "单位"), painter.cell(sheet, "新收申请")])
    for unit in shown:
        sheet.append([painter.cell(sheet, unit.organ), f"={unit.ref}"])
    blocks["applications"] = (row + 1, row + len(shown))
    row += len(shown) + 1
    sheet.append([painter.cell(sheet, "办理结果"), painter.cell(sheet, "件数")])
    for figure, formula in inputs.outcomes:
        sheet.append([painter.cell(sheet, figure.label), formula])
    blocks["outcomes"] = (row + 1, row + len(inputs.outcomes))
    row += len(inputs.outcomes) + 1
    if inputs.comparison:
        sheet.append([painter.cell(sheet, "项目"), painter.cell(sheet, f"{inputs.previous_year or '上'}年"), painter.cell(sheet, f"{inputs.year or '本'}年")])
        for figure, before, formula in inputs.comparison:
            sheet.append([painter.cell(sheet, figure.label), before, formula])
        blocks["comparison"] = (row + 1, row + len(inputs.comparison))
    return sheet, blocks


def _applications_chart(data: WriteSheet, first: int, last: int, total_units: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    shown = last - first + 1
    chart.title = "各单位本年新收申请" if shown >= total_units else f"本年新收申请最多的 {shown} 个单位"
    chart.add_data(Reference(data, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # the most applications on top
    chart.legend = None
    chart.dataLabels = _labels()
    chart.gapWidth = 60
    return chart


def _outcomes_chart(data: WriteSheet, first: int, last: int) -> BarChart:
    """Columns rather than a pie: the small categories (不予公开, 其他处理…) stay readable with their counts."""
    chart = BarChart()
    chart.type = "col"
    chart.title = "全部申请的办理结果"
    chart.add_data(Reference(data, min_col=2, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=first, max_row=last))
    chart.legend = None
    chart.dataLabels = _labels()
    chart.gapWidth = 50
    return chart


def _comparison_chart(data: WriteSheet, first: int, last: int, inputs: ChartInputs) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = f"{inputs.year or '本'}年与{inputs.previous_year or '上'}年比较"
    chart.add_data(Reference(data, min_col=2, max_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=first, max_row=last))
    chart.dataLabels = _labels()
    chart.legend.position = "b"
    return chart


def add_charts(book: Workbook, painter: Painter, host: WriteSheet, anchors: Sequence[str], inputs: ChartInputs) -> int:
    """Write the data sheet and place the charts on `host` at `anchors` (one per chart); returns how many."""
    data, blocks = _data_sheet(book, painter, inputs)
    charts: list[Any] = []
    first, last = blocks["applications"]
    if last >= first:
        charts.append(_applications_chart(data, first, last, inputs.units))
    charts.append(_outcomes_chart(data, *blocks["outcomes"]))
    if "comparison" in blocks:
        charts.append(_comparison_chart(data, *blocks["comparison"], inputs))
    bars = max(0, last - first + 1)
    for chart, anchor in zip(charts, anchors, strict=False):
        chart.plotVisOnly = False  # the data sheet is hidden
        _axes_shown(chart)
        chart.width, chart.height = CHART_WIDTH_CM, max(CHART_HEIGHT_CM, 2.5 + 0.55 * bars)
        host.add_chart(chart, anchor)
    return len(charts)
