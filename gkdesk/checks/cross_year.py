"""Rules that compare with last year's report."""

from __future__ import annotations

from gkdesk.checks.context import CheckContext
from gkdesk.checks.finding import Finding
from gkdesk.model import format_value
from gkdesk.spec import Check


def check_carry_over(ctx: CheckContext, check: Check) -> list[Finding]:
    """Per column: this year's 上年结转 = last year's 结转下年度继续办理."""
    previous = ctx.previous_resolved
    if previous is None:
        return []
    params = check.params
    table = ctx.spec.tables[params["table"]]
    row = table.row(params["row"])
    previous_row = table.row(params["previous_row"])
    findings = []
    for column in row.columns:
        key = table.cell_key(row.key, column.key)
        previous_key = table.cell_key(previous_row.key, column.key)
        if ctx.spec.cells[key].derived and key not in ctx.report.declared:
            continue  # a derived total differs only where its parts do, which are reported already
        if previous_key not in previous.spec.cells or previous.stated(previous_key) is None:
            continue
        now, before = ctx.resolved.number(key), previous.number(previous_key)
        if now == before:
            continue
        message = (
            f"{ctx.table_name(table.key)} {ctx.column_name(table, column)}：{row.label}={now}，"
            f"上年报告{previous_row.label}={before}"
        )
        findings.append(Finding(check.id, check.severity, (key,), message, ctx.section_of_table(table.key), key))
    return findings


def check_in_force(ctx: CheckContext, check: Check) -> list[Finding]:
    """现行有效件数 ≈ last year's + issued − repealed, within a tolerance (revisions make small gaps legitimate)."""
    previous = ctx.previous_resolved
    if previous is None:
        return []
    params = check.params
    table = ctx.spec.tables[params["table"]]
    findings = []
    for row_key in params["rows"]:
        previous_key = next(
            (
                table.cell_key(row_key, column)
                for column in params["previous_in_force"]
                if table.cell_key(row_key, column) in previous.spec.cells
            ),
            None,
        )
        if previous_key is None or previous.stated(previous_key) is None:
            continue
        keys = {name: table.cell_key(row_key, params[name]) for name in ("in_force", "issued", "repealed")}
        if ctx.report.values.get(keys["in_force"]) is None:
            continue
        before = previous.number(previous_key)
        expected = before + ctx.resolved.number(keys["issued"]) - ctx.resolved.number(keys["repealed"])
        actual = ctx.resolved.number(keys["in_force"])
        if abs(actual - expected) <= params.get("tolerance", 0):
            continue
        row = table.row(row_key)
        issued, repealed = ctx.resolved.number(keys["issued"]), ctx.resolved.number(keys["repealed"])
        if expected < 0:
            message = (
                f"{ctx.table_name(table.key)}「{row.label}」：本年废止{repealed}件，"
                f"多于上年现行有效{format_value(before)}件与本年制发{issued}件之和，请核对"
            )
        else:
            message = (
                f"{ctx.table_name(table.key)}「{row.label}」：现行有效件数{format_value(actual)}，"
                f"按上年{format_value(before)}+本年制发{issued}−本年废止{repealed}应约为{format_value(expected)}"
            )
        cells = (keys["in_force"], keys["issued"], keys["repealed"])
        findings.append(Finding(check.id, check.severity, cells, message, ctx.section_of_table(table.key), cells[0]))
    return findings
