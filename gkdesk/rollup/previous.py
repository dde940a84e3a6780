"""Last year's main figures for the comparison chart, from last year's roll-up workbook, a folder of last year's
returns, or last year's report (the county's own, say). No Qt.

A roll-up workbook is read back from its 全县合计 sheets at the places the official layout puts each cell;
the totals are derived again from the inputs, since the sheets hold them as formulas.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl

from gkdesk.io.errors import ReportFileError
from gkdesk.io.open import read_report
from gkdesk.io.xlsx.tables import table_sheet
from gkdesk.model import Number, Report, Resolved
from gkdesk.rollup.book.total_sheets import total_sheet_title
from gkdesk.rollup.engine import roll_up
from gkdesk.rollup.export import ROLLUP_KEYWORD, is_rollup_workbook
from gkdesk.rollup.figures import main_figures
from gkdesk.spec import EDITIONS, load_spec

_PROPERTIES = re.compile(rf"{ROLLUP_KEYWORD} edition=(\w+) year=(\d+)")
MAX_ROLLUP_BYTES = 500 * 1024 * 1024


@dataclass(frozen=True)
class Previous:
    year: int | None
    figures: dict[str, Number]  # main figure label → last year's value
    source: str

    def year_problem(self, year: int | None) -> str:
        """Why these figures cannot be compared with a roll-up of `year` (not an earlier year); empty when they can."""
        if self.year is None or year is None or self.year < year:
            return ""
        same = "相同" if self.year == year else "更晚"
        return (
            f"上年数据 {self.source} 为 {self.year} 年度，与本次汇总的 {year} 年度{same}；"
            f"请选择 {year - 1} 年度（或更早）的汇总表或报告"
        )


def load_previous(source: Path | str) -> Previous:
    """Last year's figures; ReportFileError (in Chinese) when `source` cannot give them."""
    path = Path(source)
    if path.is_dir():
        report = _rolled_up(path)
    elif not path.exists():
        raise ReportFileError(f"找不到上年数据：{path}")
    elif path.suffix.lower() == ".xlsx" and is_rollup_workbook(path):
        report = _from_rollup_workbook(path)
    else:
        report = read_report(path)
    resolved = Resolved(report)
    figures = {figure.label: figure.value(resolved.stated) for figure in main_figures(report.spec)}
    return Previous(report.year, figures, str(path))


def _rolled_up(folder: Path) -> Report:
    result = roll_up([folder])
    try:
        if result.totals is None:
            raise ReportFileError(f"上年数据 {folder}：{result.nothing_reason}")
        return result.totals.report(result.year)
    finally:
        result.close()


def _number(value: Any) -> Number | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, float):
        try:
            exact = Decimal(str(value))
        except InvalidOperation:
            return None
        return int(exact) if exact == exact.to_integral_value() else exact
    return value


def _from_rollup_workbook(path: Path) -> Report:
    try:
        with zipfile.ZipFile(path) as package:
            properties = package.read("docProps/core.xml")[: 64 * 1024].decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as error:
        raise ReportFileError(f"{path.name}：汇总表已损坏，无法读取（{error}）") from None
    found = _PROPERTIES.search(properties)
    if found is None:
        raise ReportFileError(f"{path.name}：无法识别这份汇总表的年度和格式，请改用上年各单位报告所在的文件夹")
    if path.stat().st_size > MAX_ROLLUP_BYTES:
        raise ReportFileError(f"{path.name}：文件过大，无法读取")
    edition, year = found.group(1), int(found.group(2))
    if edition not in EDITIONS:
        raise ReportFileError(f"{path.name}：汇总表使用了不认识的报告格式（{edition}）")
    spec = load_spec(edition)
    report = Report(edition=edition, year=year)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReportFileError(f"{path.name}：汇总表已损坏，无法读取（{error}）") from None
    try:
        for section in spec.sections:
            if section.table is None:
                continue
            placed = table_sheet(section, spec.tables[section.table])
            title = total_sheet_title(placed.title)
            if title not in book.sheetnames:
                raise ReportFileError(f"{path.name}：汇总表中没有工作表“{title}”")
            values = {cell.coordinate: cell.value for row in book[title].iter_rows(max_row=80, max_col=30) for cell in row if hasattr(cell, "coordinate")}
            for key, ref in placed.refs.items():
                number = _number(values.get(ref))
                if number is not None and not spec.cells[key].derived:
                    report.values[key] = number
    finally:
        book.close()
    return report
