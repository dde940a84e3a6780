"""表二, 表三, 表四 by unit: one row per counted unit under a two-level header (the table's row over its
columns), the unit column frozen, a SUM formula total row, the cells of a unit's errors marked.

A table too wide to read (表三: 26 rows × 7 columns) shows each row's 总计 and folds the columns that add
up to it into an outline group the reader opens with “+”; folded columns do not print.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.workbook import Workbook

from gkdesk.model import Invalid, Number
from gkdesk.rollup.book.cells import (
    ERROR_FILL,
    HEADER,
    NOTE,
    NUMBER,
    TEXT,
    TITLE,
    TOTAL_LABEL,
    TOTAL_NUMBER,
    Look,
    Painter,
    WriteSheet,
    fitted_width,
    height_for,
    letter,
    lines_needed,
    new_sheet,
    print_setup,
    set_widths,
    text_width,
)
from gkdesk.spec import FormatSpec, Section, Table, ValueType

FOLD_ABOVE = 40  # columns: wider tables fold their detail columns
FIRST_UNIT_ROW = 4  # row 1 title, rows 2-3 the two-level header
VALUE_WIDTH = 8.5
FOLDED_VALUE_WIDTH = 6.0  # a folded sheet shows many columns: narrower, the headers wrap
AMOUNT_FORMAT = "0.0000"
_ERROR_TEXT = Look(alignment=TEXT.alignment, fill=ERROR_FILL)
_ERROR_NUMBER = Look(alignment=NUMBER.alignment, fill=ERROR_FILL)
_AMOUNT = Look(alignment=NUMBER.alignment, number_format=AMOUNT_FORMAT)
_TOTAL_COUNT = TOTAL_NUMBER
_TOTAL_AMOUNT = Look(font=TOTAL_NUMBER.font, alignment=TOTAL_NUMBER.alignment, fill=TOTAL_NUMBER.fill, number_format=AMOUNT_FORMAT)


@dataclass(frozen=True)
class _Column:
    key: str  # cell key
    label: str  # the table column's label (lower header)
    group: int  # index of the table row it belongs to (upper header)
    folded: bool
    amount: bool


def row_heading(table: Table, row_key: str) -> str:
    """（三）不予公开 · 4.保护第三方合法权益: the innermost group, then the row's label."""
    row = table.row(row_key)
    chain = table.group_chain(row)
    return f"{chain[-1].label} · {row.label}" if len(chain) > 1 else row.label


def _columns(spec: FormatSpec, table: Table) -> list[_Column]:
    count = sum(len(row.columns) for row in table.rows)
    parts = {part for rule in table.totals if rule.axis == "column" for part in rule.parts} if count > FOLD_ABOVE else set()
    columns = []
    for index, row in enumerate(table.rows):
        for column in row.columns:
            key = table.cell_key(row.key, column.key)
            amount = spec.cells[key].value_type is ValueType.AMOUNT_WAN
            columns.append(_Column(key, column.label, index, column.key in parts, amount))
    return columns


def _figure_width(column: _Column, figure: Number | None) -> float:
    """The width the 合计 row's bold figure needs (amounts with four decimals, as AMOUNT_FORMAT shows them)."""
    if figure is None:
        return 0.0
    text = f"{Decimal(figure):.4f}" if column.amount else str(figure)
    return text_width(text, bold=True)


def unit_column_width(organs: Iterable[str]) -> float:
    """The unit column fitted to its header and the units' names (read once, as they come)."""
    return fitted_width(itertools.chain(["单位"], organs), 10, 28)


class UnitTableSheet:
    """One by-unit sheet of a table: created before the rows, filled one unit at a time, then totalled."""

    def __init__(
        self,
        book: Workbook,
        painter: Painter,
        spec: FormatSpec,
        section: Section,
        unit_width: float,
        widest: Mapping[str, Number] | None = None,
    ) -> None:
        """`unit_width`: the unit column's (see unit_column_width); `widest`: each column's largest figure (the
        county total), so that no column is too narrow for it."""
        self.painter = painter
        self.table = spec.tables[section.table or ""]
        self.title = f"表{section.number}"
        self.sheet: WriteSheet = new_sheet(book, self.title)
        self.columns = _columns(spec, self.table)
        self.col_of = {column.key: index + 2 for index, column in enumerate(self.columns)}
        self.next_row = FIRST_UNIT_ROW
        self._header(section, unit_width, widest or {})

    @property
    def folds(self) -> bool:
        return any(column.folded for column in self.columns)

    def _header(self, section: Section, unit_width: float, widest: Mapping[str, Number]) -> None:
        sheet, painter = self.sheet, self.painter
        self.value_width = FOLDED_VALUE_WIDTH if self.folds else VALUE_WIDTH
        widths = [max(self.value_width, _figure_width(column, widest.get(column.key))) for column in self.columns]
        set_widths(sheet, [unit_width, *widths])
        for index, column in enumerate(self.columns, start=2):
            if column.folded:
                dimension = sheet.column_dimensions[letter(index)]
                dimension.outlineLevel, dimension.hidden = 1, True
        sheet.freeze_panes = f"B{FIRST_UNIT_ROW}"
        visible = 1 + sum(1 for column in self.columns if not column.folded)
        print_setup(sheet, landscape=visible > 8, title_rows="2:3", title_cols="A:A", grid=True)  # before any row
        last = letter(len(self.columns) + 1)
        sheet.merged_cells.add(f"A1:{last}1")  # the title: no printed grid lines through it
        note = "（各类申请人的分列已折叠，点击列标上方的“+”展开）" if self.folds else ""
        sheet.append([self.painter.cell(sheet, f"{section.heading}：各单位数据{note}", TITLE)])
        groups: dict[int, list[int]] = {}
        for col, column in enumerate(self.columns, start=2):
            groups.setdefault(column.group, []).append(col)
        upper: list[Any] = [painter.cell(sheet, "单位", HEADER)]
        lower: list[Any] = [painter.cell(sheet, None, HEADER)]
        upper_lines, lower_lines = 1, 1
        for group, cols in groups.items():
            text = row_heading(self.table, self.table.rows[group].key)
            shown_width = sum(widths[col - 2] for col in cols if not self.columns[col - 2].folded)
            upper_lines = max(upper_lines, lines_needed(text, shown_width))
            for offset, col in enumerate(cols):
                upper.append(painter.cell(sheet, text if offset == 0 else None, HEADER))
                column = self.columns[col - 2]
                lower.append(painter.cell(sheet, column.label, HEADER))
                if not column.folded:
                    lower_lines = max(lower_lines, lines_needed(column.label, widths[col - 2]))
            if len(cols) > 1:
                sheet.merged_cells.add(f"{letter(cols[0])}2:{letter(cols[-1])}2")
        sheet.merged_cells.add("A2:A3")
        sheet.row_dimensions[2].height = height_for(upper_lines)
        sheet.row_dimensions[3].height = height_for(lower_lines)
        sheet.append(upper)
        sheet.append(lower)

    def add_unit(self, organ: str, values: dict[str, Any], error_cells: set[str]) -> int:
        """Append one unit's stated values; returns its sheet row."""
        painter, sheet = self.painter, self.sheet
        cells: list[Any] = [painter.cell(sheet, organ, _ERROR_TEXT if error_cells else TEXT)]
        for column in self.columns:
            value = values.get(column.key)
            if isinstance(value, Invalid):  # what the unit typed, kept as text (never a formula), marked
                cells.append(painter.cell(sheet, value.raw, _ERROR_NUMBER))
            elif column.key in error_cells:
                cells.append(painter.cell(sheet, value, _ERROR_NUMBER))
            elif column.amount:
                cells.append(painter.cell(sheet, value, _AMOUNT))
            else:
                cells.append(value)
        sheet.append(cells)
        self.next_row += 1
        return self.next_row - 1

    def finish(self, units: int) -> int:
        """The total row (SUM formulas over the unit rows; zeros when no unit counted); returns its row."""
        painter, sheet = self.painter, self.sheet
        total_row = self.next_row
        cells: list[Any] = [painter.cell(sheet, f"合计（{units} 个单位）", TOTAL_LABEL)]
        for col, column in enumerate(self.columns, start=2):
            look = _TOTAL_AMOUNT if column.amount else _TOTAL_COUNT
            span = f"{letter(col)}{FIRST_UNIT_ROW}:{letter(col)}{total_row - 1}"
            cells.append(painter.formula(sheet, f"=SUM({span})", look) if total_row > FIRST_UNIT_ROW else painter.cell(sheet, 0, look))
        sheet.append(cells)
        if self.folds:
            sheet.append([])
            sheet.append([painter.cell(sheet, "折叠的分列（自然人、法人或其他组织各类）可点击列标上方的“+”展开查看。", NOTE)])
            sheet.merged_cells.add(f"A{total_row + 2}:{letter(len(self.columns) + 1)}{total_row + 2}")
        self.next_row = total_row + 1
        return total_row

    def ref(self, key: str, row: int) -> str:
        return f"'{self.title}'!${letter(self.col_of[key])}${row}"
