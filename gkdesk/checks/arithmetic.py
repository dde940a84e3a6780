"""Rules over table arithmetic: equations per row or column, and declared totals against their parts."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from gkdesk.checks.context import CheckContext
from gkdesk.checks.finding import Finding
from gkdesk.model import Number
from gkdesk.spec import Check, Table, load_spec


def _line_keys(table: Table, per: str) -> tuple[str, ...]:
    """The key of each column (per="column") or row (per="row") of the table."""
    lines = table.columns if per == "column" else table.rows
    return tuple(line.key for line in lines)


def _term_name(table: Table, key: str, per: str) -> str:
    return table.row(key).short_label if per == "column" else table.column(key).label


def _side_name(table: Table, keys: Sequence[str], per: str, explicit: str | None) -> str:
    if explicit:
        return explicit
    return "+".join(_term_name(table, key, per) for key in keys)


def _cell(table: Table, line: str, term: str, per: str) -> str:
    return table.cell_key(term, line) if per == "column" else table.cell_key(line, term)


def _fmt(number: Number) -> str:
    return format(number, "f") if not isinstance(number, int) else str(number)


@cache
def _equation_lines(
    edition: str, table_key: str, per: str, left: tuple[str, ...], right: tuple[str, ...]
) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(line key, left cells, right cells) per line, for lines where both sides exist."""
    spec = load_spec(edition)
    table = spec.tables[table_key]
    lines = []
    for line in _line_keys(table, per):
        left_cells = tuple(c for c in (_cell(table, line, t, per) for t in left) if c in spec.cells)
        right_cells = tuple(c for c in (_cell(table, line, t, per) for t in right) if c in spec.cells)
        if left_cells and right_cells:
            lines.append((line, left_cells, right_cells))
    return tuple(lines)


def _balance(
    ctx: CheckContext,
    check: Check,
    table: Table,
    per: str,
    left: Sequence[str],
    right: Sequence[str],
    left_name: str,
    right_name: str,
) -> list[Finding]:
    findings = []
    number = ctx.resolved.number
    for line, left_cells, right_cells in _equation_lines(ctx.spec.edition, table.key, per, tuple(left), tuple(right)):
        left_sum: Number = 0
        for cell in left_cells:
            left_sum += number(cell)
        right_sum: Number = 0
        for cell in right_cells:
            right_sum += number(cell)
        if left_sum == right_sum:
            continue
        where = ctx.column_name(table, table.column(line)) if per == "column" else table.row(line).label
        difference: Number = left_sum - right_sum if left_sum > right_sum else right_sum - left_sum
        message = (
            f"{ctx.table_name(table.key)} {where}：{left_name}={_fmt(left_sum)}，{right_name}={_fmt(right_sum)}，"
            f"相差{_fmt(difference)}"
        )
        cells = left_cells + right_cells
        findings.append(Finding(check.id, check.severity, cells, message, ctx.section_of_table(table.key), cells[0]))
    return findings


def check_equation(ctx: CheckContext, check: Check) -> list[Finding]:
    """Per line (row or column): sum of `left` terms = sum of `right` terms."""
    params = check.params
    table = ctx.spec.tables[params["table"]]
    per = params["per"]
    left, right = params["left"], params["right"]
    return _balance(
        ctx,
        check,
        table,
        per,
        left,
        right,
        _side_name(table, left, per, params.get("left_name")),
        _side_name(table, right, per, params.get("right_name")),
    )


def check_total(ctx: CheckContext, check: Check) -> list[Finding]:
    """A total the report states (declared by a file, or derived) against the sum of its parts."""
    params = check.params
    table = ctx.spec.tables[params["table"]]
    axis = "column" if "column" in params else "row"
    target = params[axis]
    rule = next(t for t in table.totals if t.axis == axis and t.target == target)
    per = "row" if axis == "column" else "column"
    target_name = table.row(target).short_label + "总计" if axis == "row" else _term_name(table, target, per)
    parts_name = params.get("parts_name") or _side_name(table, rule.parts, per, None)
    return _balance(ctx, check, table, per, [target], rule.parts, target_name, parts_name)
