"""What every rule evaluator sees, and how places are named in messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from gkdesk.model import Report, Resolved
from gkdesk.spec import CellRef, CellSpec, Column, FormatSpec, Table


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
        return self.spec.table_name(table_key)

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
        return self.spec.describe(CellRef(cell.table, cell.row, cell.column))


_DIGITS = "零一二三四五六七八九"
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def chinese_number(n: int) -> str:
    """How a number is said: 1 → 一, 12 → 十二, 105 → 一百零五, 110 → 一百一十, 12345 → 一万二千三百四十五."""
    if n < 0:
        return "负" + chinese_number(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 10_000:
        return _below_ten_thousand(n, leading=True)
    high, low = divmod(n, 10_000)
    if not low:
        return chinese_number(high) + "万"
    joiner = "零" if low < 1000 else ""
    return chinese_number(high) + "万" + joiner + _below_ten_thousand(low, leading=False)


def _below_ten_thousand(n: int, leading: bool) -> str:
    """1..9999 in words; `leading` says 十二 rather than 一十二 when the number starts with its tens."""
    parts: list[str] = []
    zero_pending = False
    for value, unit in _PLACES:
        digit = n // value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (leading and not parts and digit == 1 and unit == "十"):
            parts.append(_DIGITS[digit])
        parts.append(unit)
    return "".join(parts)
