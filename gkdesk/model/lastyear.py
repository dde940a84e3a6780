"""A new report from last year's, and attaching last year's report for the cross-year checks. No Qt."""

from __future__ import annotations

from gkdesk.model.report import Change, Report
from gkdesk.model.resolve import Resolved
from gkdesk.model.values import Invalid


def detached(report: Report) -> Report:
    """A copy of `report` without its own previous report (a .gkr keeps one year back only)."""
    clone = report.copy()
    clone.previous = None
    return clone


def carried_over_values(last: Report, edition: str) -> dict[str, int]:
    """This year's 二、上年结转 per input column, from last year's stated 四、结转下年度继续办理.

    Only columns present in both editions and valid in last year's report are given; derived cells
    (the 总计 column) are left to be derived.
    """
    this_spec = Report(edition=edition).spec
    # The rows linked across years are those of the definition's carry-over check (this year's ← last year's).
    carry = next((check.params for check in this_spec.checks if check.kind == "carry_over"), None)
    if carry is None:
        return {}
    last_resolved = Resolved(last)
    table = this_spec.tables[carry["table"]]
    values: dict[str, int] = {}
    for column in table.row(carry["row"]).columns:
        key = table.cell_key(carry["row"], column.key)
        source = table.cell_key(carry["previous_row"], column.key)
        if this_spec.cells[key].derived or source not in last.spec.cells:
            continue
        stated = last_resolved.stated(source)
        if isinstance(stated, int) and not isinstance(stated, bool):
            values[key] = stated
        elif stated is not None and not isinstance(stated, Invalid) and stated == int(stated):
            values[key] = int(stated)
    return values


def new_from_last_year(last: Report, year: int | None = None) -> Report:
    """This year's report: organ, level and contact copied, 上年结转 prefilled, last year's report attached.

    Narratives and the other figures start blank: they are this year's to write.
    """
    if year is None:
        if last.year is None:
            raise ValueError("上年报告没有填写年度，无法推算本年度")
        year = last.year + 1
    report = Report.new(year, organ=last.organ)
    report.organ_level = last.organ_level
    report.contact = last.contact
    report.values.update(carried_over_values(last, report.edition))
    report.previous = detached(last)
    return report


def previous_year_problem(report: Report, last: Report) -> str:
    """Why `last` does not look like the year before `report` (blank when it does), for a confirmation."""
    problems = []
    if report.year is not None and last.year is not None and last.year != report.year - 1:
        problems.append(f"所选报告为 {last.year} 年度，本报告为 {report.year} 年度")
    if report.organ and last.organ and "".join(report.organ.split()) != "".join(last.organ.split()):
        problems.append(f"所选报告的机关为“{last.organ}”，本报告为“{report.organ}”")
    return "；".join(problems)


def attach_previous(report: Report, last: Report | None) -> None:
    """Attach (or with None, remove) last year's report; listeners hear a "field" change "previous"."""
    report.previous = detached(last) if last is not None else None
    report.notify(Change("field", "previous"))
