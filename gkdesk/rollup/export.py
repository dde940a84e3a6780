"""The roll-up workbook (.xlsx), laid out for people and for print. No Qt.

完整性 (every unit and every file, in colour, with the charts below), 全县合计表二/三/四 (the totals in the
official layout), 表二/表三/表四 by unit (SUM total rows), 各单位问题, and a hidden sheet of chart data.

Written in openpyxl's write-only mode from the spooled per-unit records, so memory stays flat. Text from
returned files is always written as text (never as a formula) and cleaned of characters Excel refuses.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic_with
from gkdesk.model import Invalid, Number, Resolved
from gkdesk.rollup.book.cells import Painter, letter, new_book
from gkdesk.rollup.book.charts import CHART_WIDTH_CM, ChartInputs, TopApplications, UnitApplications, add_charts
from gkdesk.rollup.book.findings_sheet import FindingsSheet
from gkdesk.rollup.book.total_sheets import add_total_sheets
from gkdesk.rollup.book.unit_tables import UnitTableSheet, unit_column_width
from gkdesk.rollup.book.units_sheet import add_units_sheet
from gkdesk.rollup.figures import Figure, applications_key, main_figures, outcome_figures
from gkdesk.rollup.record import decode_value
from gkdesk.rollup.result import RollupResult
from gkdesk.spec import CURRENT_EDITION, FormatSpec, load_spec

if TYPE_CHECKING:
    from gkdesk.rollup.previous import Previous

ROLLUP_KEYWORD = "gkdesk-rollup"  # in the workbook's properties, so a later roll-up does not take it for a return
REQUESTS = "requests"


def is_rollup_workbook(path: Path) -> bool:
    """True for a workbook written by write_rollup_xlsx (read from docProps/core.xml, nothing else)."""
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return False
            return ROLLUP_KEYWORD.encode() in package.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


def _chart_anchors(last_row: int, widths: list[float]) -> list[str]:
    """Cells below the completeness table where three charts sit side by side."""
    anchors, col, used = [], 1, 0.0
    chart_units = CHART_WIDTH_CM * 10 / 1.9 + 1
    for _ in range(3):
        anchors.append(f"{letter(col)}{last_row + 3}")
        target = used + chart_units
        while used < target and col <= len(widths):
            used += widths[col - 1]
            col += 1
        if col > len(widths):
            col += 1
    return anchors


def _sum_formula(sheet: UnitTableSheet, keys: tuple[str, ...], row: int) -> str:
    return "=" + "+".join(sheet.ref(key, row) for key in keys)


def write_rollup_xlsx(result: RollupResult, path: Path | str, previous: Previous | None = None) -> None:
    """Write the roll-up workbook to `path`; atomically; a failure raises ReportFileError saying why.

    With `previous` (last year's main figures, see gkdesk.rollup.previous) a third chart compares the years.
    """
    problem = previous.year_problem(result.year) if previous else ""
    if problem:
        raise ReportFileError(problem)
    path = Path(path)
    book = new_book()
    book.properties.keywords = f"{ROLLUP_KEYWORD} edition={result.edition or ''} year={result.year or ''}"
    book.properties.title = f"{result.year or ''}年度政府信息公开工作年度报告汇总"
    book.properties.creator = "gkdesk"
    painter = Painter()
    spec = load_spec(result.edition or CURRENT_EDITION)
    units_sheet, last_row = add_units_sheet(book, painter, result)
    widest: dict[str, Number] = {}
    if result.totals is not None:
        county = result.totals.report(result.year)
        add_total_sheets(book, painter, county)
        resolved = Resolved(county)
        widest = {key: resolved.number(key) for key in spec.cells}
    counted = sum(1 for row in result.counted() if row.spool_index is not None)
    unit_width = unit_column_width(row.organ for row in result.counted() if row.spool_index is not None)
    by_unit = {
        section.table: UnitTableSheet(book, painter, spec, section, unit_width, widest)
        for section in spec.sections
        if section.table
    }
    problems = FindingsSheet(book, painter, spec, result.year)
    problems.add_totals(result.total_findings)
    applications = _write_units(result, spec, by_unit, problems)
    total_rows = {key: sheet.finish(counted) for key, sheet in by_unit.items()}
    problems.finish()
    if result.totals is not None and REQUESTS in by_unit:
        requests = by_unit[REQUESTS]
        outcomes = [(figure, _sum_formula(requests, figure.keys, total_rows[REQUESTS])) for figure in outcome_figures(spec)]
        comparison = _comparison(spec, by_unit, total_rows, previous.figures if previous else {})
        top, year_before = applications.shown(), previous.year if previous else None
        inputs = ChartInputs(top, applications.units, outcomes, comparison, result.year, year_before)
        widths = [units_sheet.column_dimensions[letter(col)].width or 8 for col in range(1, 12)]
        add_charts(book, painter, units_sheet, _chart_anchors(last_row, widths), inputs)
    # saved straight into the temporary file that replaces `path`: the workbook is never whole in memory
    write_atomic_with(path, book.save, keep_backup=False)


def _write_units(
    result: RollupResult, spec: FormatSpec, by_unit: dict[str, UnitTableSheet], problems: FindingsSheet
) -> TopApplications:
    """Each counted unit's row on every by-unit sheet and its findings, in the completeness table's order, one
    unit (read back from the spool) at a time."""
    applications = TopApplications()
    if result.spool is None:
        return applications
    key = applications_key(spec)
    for row in result.counted():
        if row.spool_index is None:
            continue
        record = result.spool.record(row.spool_index)
        values = {cell: decode_value(raw) for cell, raw in record["values"].items()}
        errors = {cell for item in record["findings"] if item["severity"] == "error" for cell in item["cells"]}
        placed = {table: sheet.add_unit(row.organ, values, errors) for table, sheet in by_unit.items()}
        problems.add_unit(row.organ, os.path.basename(row.file or ""), record["findings"])
        if REQUESTS in by_unit:
            value = values.get(key)
            count = 0 if isinstance(value, Invalid) or value is None else value
            applications.add(UnitApplications(row.organ, count, by_unit[REQUESTS].ref(key, placed[REQUESTS])))
    return applications


def _comparison(
    spec: FormatSpec, by_unit: dict[str, UnitTableSheet], total_rows: dict[str, int], previous: dict[str, Number]
) -> list[tuple[Figure, Number, str]]:
    rows = []
    for figure in main_figures(spec):
        if figure.label not in previous:
            continue
        table = figure.keys[0].split(".")[0]
        rows.append((figure, previous[figure.label], _sum_formula(by_unit[table], figure.keys, total_rows[table])))
    return rows
