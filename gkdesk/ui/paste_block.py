"""Where a block copied from Excel/WPS goes in a table: by position, or by row label when it brings its labels.

A block whose rows start with text (the row-label column copied along) is placed row by row on the table
rows with those labels; otherwise block rows go to the data rows from the current one down. Values that
fall past the table's right edge and rows that fit nowhere are counted for one message, not dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkdesk.model import CellValue, ValueRejected, parse_strict
from gkdesk.spec import FormatSpec, Table

_SPACE = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """Labels compare without spaces and with ASCII parentheses read as full-width ones."""
    return _SPACE.sub("", text).replace("(", "（").replace(")", "）")


def split_block(text: str) -> list[list[str]]:
    rows = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while rows and all(not cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d,，]+(\.\d+)?", text.strip()))


def _is_label(text: str) -> bool:
    """Words, not a value: at least two characters with a letter or a Chinese character (not “/”, “—”, “无”)."""
    text = text.strip()
    return len(text) >= 2 and not _is_number(text) and bool(re.search(r"[A-Za-z\u4e00-\u9fff]", text))


def split_lead(row: list[str]) -> tuple[list[str], list[str]]:
    """(label cells, value cells): the labels are the row's leading text cells (merged label cells copy as blanks)."""
    end = 0
    for i, cell in enumerate(row):
        if cell.strip() and not _is_label(cell):
            break
        if cell.strip():
            end = i + 1
    return row[:end], row[end:]


def leading_labels(rows: list[list[str]]) -> bool:
    """True when every non-empty block row starts with its label and has values after it."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if not filled:
        return False
    return all(labels and values for labels, values in map(split_lead, filled))


@dataclass
class PastePlan:
    changes: list[tuple[str, CellValue]] = field(default_factory=list)
    refusal: str | None = None  # the first value that cannot be entered: nothing is pasted
    refused_key: str | None = None
    cut_columns: int = 0  # values past the table's right edge
    unplaced_rows: list[str] = field(default_factory=list)  # block rows that fit no table row (label or "第N行")

    def note(self) -> str:
        """One message about what was not pasted ("" when everything fitted)."""
        parts = []
        if self.cut_columns:
            parts.append(f"超出表格右边的 {self.cut_columns} 个数值")
        if self.unplaced_rows:
            shown = "、".join(f"“{label}”" for label in self.unplaced_rows[:3])
            more = f"等 {len(self.unplaced_rows)} 行" if len(self.unplaced_rows) > 3 else ""
            parts.append(f"无法对应到表格行的 {shown}{more}")
        return ("已粘贴能放下的部分；" + "，".join(parts) + "未粘贴。") if parts else ""


@dataclass(frozen=True)
class PasteTarget:
    """The table's value cells by grid row: (grid column, colspan, cell key), left to right."""

    spec: FormatSpec
    table: Table
    value_rows: dict[int, list[tuple[int, int, str]]]
    row_keys: dict[int, str]  # grid row → table row key


def plan_paste(target: PasteTarget, text: str, start_row: int, start_col: int) -> PastePlan:
    rows = split_block(text)
    plan = PastePlan()
    if not rows:
        return plan
    grid_rows = sorted(target.value_rows)
    if leading_labels(rows):
        by_label = {normalise_label(target.table.row(key).label): grid for grid, key in target.row_keys.items()}
        short = {normalise_label(target.table.row(key).short): grid for grid, key in target.row_keys.items() if target.table.row(key).short}
        placed: list[tuple[list[str], int]] = []
        for block_row in rows:
            if not any(cell.strip() for cell in block_row):
                continue
            labels, values = split_lead(block_row)
            label = [cell.strip() for cell in labels if cell.strip()][-1]
            pad = target.table.label_columns - len(labels)  # blanks left by merged label cells
            if pad > 0 and all(not cell.strip() for cell in values[:pad]):
                values = values[pad:]
            grid = by_label.get(normalise_label(label), short.get(normalise_label(label)))
            if grid is None:
                plan.unplaced_rows.append(label)
            else:
                placed.append((values, grid))
        first_value_col = min(col for cells in target.value_rows.values() for col, _span, _key in cells)
        column = max(start_col, first_value_col)
    else:
        later = [r for r in grid_rows if r >= start_row]
        placed = list(zip(rows, later, strict=False))
        plan.unplaced_rows += [f"第{n + 1}行" for n in range(len(later), len(rows))]
        column = start_col
    for values, grid in placed:
        cells = [key for col, span, key in sorted(target.value_rows[grid]) if col + span > column]
        if len(values) > len(cells):
            plan.cut_columns += sum(1 for raw in values[len(cells):] if raw.strip())
        for raw, key in zip(values, cells, strict=False):
            spec = target.spec.cells[key]
            if spec.derived:
                continue
            try:
                plan.changes.append((key, parse_strict(raw, spec.value_type)))
            except ValueRejected as error:
                row = target.table.row(spec.row)
                plan.refusal = f"粘贴未执行：{row.label}·{row.column(spec.column).label} 的“{raw.strip()}”无法输入（{error}）"
                plan.refused_key = key
                return plan
    return plan
