"""What every rule evaluator sees, and how places are named in messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from gkdesk.model import Report, Resolved
from gkdesk.spec import CellSpec, Column, FormatSpec, Table


@dataclass
class CheckContext:
    report: Report
    spec: FormatSpec
    previous: Report | None

    @cached_property
    def resolved(self) -> Resolved:
        return Resolved(self.report, self.spec)

    @cached_property
    def previous_resolved(self) -> Resolved | None:
        return Resolved(self.previous) if self.previous is not None else None

    def table_name(self, table_key: str) -> str:
        """“表三” for the table shown in section 三."""
        for section in self.spec.sections:
            if section.table == table_key:
                return f"表{section.number}"
        return table_key

    def section_of_table(self, table_key: str) -> str:
        for section in self.spec.sections:
            if section.table == table_key:
                return section.key
        return table_key

    def column_name(self, table: Table, column: Column) -> str:
        """“第三列（商业企业）”: columns counted as printed, the label column first."""
        keys = [c.key for c in table.columns]
        ordinal = keys.index(column.key) + 1 + (1 if table.label_columns else 0)
        return f"第{chinese_number(ordinal)}列（{column.label}）"

    def cell_place(self, cell: CellSpec) -> str:
        """“表三「一、本年新收政府信息公开申请数量」行「自然人」列”."""
        table = self.spec.tables[cell.table]
        row = table.row(cell.row)
        column = row.column(cell.column)
        return f"{self.table_name(cell.table)}「{row.label}」行「{column.label}」列"


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (enough for column and paragraph numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")
