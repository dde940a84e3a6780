"""Rules on single cells and rows: invalid and blank values, organ level, fee unit."""

from __future__ import annotations

from decimal import Decimal

from gkdesk.checks.context import CheckContext
from gkdesk.checks.finding import Finding
from gkdesk.model import Invalid, as_number, format_value
from gkdesk.spec import Check


def check_invalid_values(ctx: CheckContext, check: Check) -> list[Finding]:
    """Cells (inputs and declared totals) that are not valid numbers for their type."""
    findings = []
    for source in (ctx.report.values, ctx.report.declared):
        for key, value in source.items():
            if not isinstance(value, Invalid) or key not in ctx.spec.cells:
                continue
            cell = ctx.spec.cells[key]
            expected = "最多4位小数的非负金额（万元）" if cell.value_type.max_decimals else "非负整数"
            message = f"{ctx.cell_place(cell)}：“{value.raw}”不是有效数值，应为{expected}"
            findings.append(Finding(check.id, check.severity, (key,), message, ctx.section_of_table(cell.table), key))
    return findings


def _blank_tables(ctx: CheckContext) -> set[str]:
    """Tables with no value at all (reported once as a missing section instead of cell by cell)."""
    filled = {key.split(".", 1)[0] for key in ctx.report.values}
    filled |= {key.split(".", 1)[0] for key in ctx.report.declared}
    return set(ctx.spec.tables) - filled


def check_blank_values(ctx: CheckContext, check: Check) -> list[Finding]:
    """Blank input cells of tables that are otherwise filled in: one finding per table, listing the cells.

    Its anchor is the table's section, so an explanation (说明) stays with the table while cells are filled.
    """
    skipped = _blank_tables(ctx)
    blanks: dict[str, list[str]] = {}
    for cell in ctx.spec.input_cells:
        if cell.table not in skipped and ctx.report.values.get(cell.key) is None:
            blanks.setdefault(cell.table, []).append(cell.key)
    findings = []
    for table, keys in blanks.items():
        section = ctx.section_of_table(table)
        if len(keys) == 1:
            message = f"{ctx.cell_place(ctx.spec.cells[keys[0]])}为空白，按0计；公开的报告应填写0"
        else:
            message = f"{ctx.table_name(table)}有 {len(keys)} 个空白单元格，按0计；公开的报告应填写0（可用“空白填 0”）"
        findings.append(Finding(check.id, check.severity, tuple(keys), message, section, section))
    return findings


def check_regulation_level(ctx: CheckContext, check: Check) -> list[Finding]:
    """Organs below 设区的市 level cannot make 规章: the row should be 0."""
    level = ctx.spec.organ_level(ctx.report.organ_level)
    if level is None or level.may_make_regulations:
        return []
    table = ctx.spec.tables[check.params["table"]]
    row = table.row(check.params["row"])
    cells = tuple(
        table.cell_key(row.key, c.key) for c in row.columns if as_number(ctx.report.values.get(table.cell_key(row.key, c.key)))
    )
    if not cells:
        return []
    figures = "，".join(f"{row.column(k.rsplit('.', 1)[1]).label}{format_value(ctx.report.values[k])}" for k in cells)
    message = f"{ctx.table_name(table.key)}「{row.label}」：{level.label}不能制定规章，应为0（现为{figures}）"
    return [Finding(check.id, check.severity, cells, message, ctx.section_of_table(table.key), cells[0])]


def check_fee_unit(ctx: CheckContext, check: Check) -> list[Finding]:
    """A fee far larger than plausible for the organ's level was probably typed in 元, not 万元."""
    params = check.params
    table = ctx.spec.tables[params["table"]]
    key = table.cell_key(params["row"], params["column"])
    amount = as_number(ctx.report.values.get(key))
    level = ctx.spec.organ_level(ctx.report.organ_level)
    limit = level.fee_plausible_max_wan if level else max(lv.fee_plausible_max_wan for lv in ctx.spec.organ_levels)
    if amount <= limit:
        return []
    who = level.label if level else "任何机关"
    message = (
        f"{ctx.cell_place(ctx.spec.cells[key])}：{format_value(ctx.report.values.get(key))}万元对{who}而言过大，"
        f"是否误按元填写？（{format_value(ctx.report.values.get(key))}元 = {Decimal(amount) / 10000:f}万元）"
    )
    return [Finding(check.id, check.severity, (key,), message, ctx.section_of_table(table.key), key)]
