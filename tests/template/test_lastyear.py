"""New report from last year's; attaching last year's report."""

from __future__ import annotations

from decimal import Decimal

from gkdesk.model import Change, Contact, Invalid, Report
from gkdesk.model.lastyear import attach_previous, new_from_last_year, previous_year_problem


def last_year() -> Report:
    last = Report.new(2024, organ="某某镇人民政府")
    last.organ_level = "township"
    last.contact = Contact("党政办", "某某镇", "0951-1", "a@b.cn")
    last.values["requests.carried_forward.natural"] = 2
    last.values["requests.carried_forward.legal"] = 1
    last.values["requests.carried_forward.research"] = Invalid("/")
    last.values["proactive.normative_doc.in_force"] = 30
    last.values["proactive.fee.amount_wan"] = Decimal("1.5")
    last.previous = Report.new(2023)
    return last


def test_new_from_last_year_copies_organ_and_carries_over() -> None:
    last = last_year()
    report = new_from_last_year(last)
    assert (report.year, report.edition, report.organ, report.organ_level) == (2025, "2021", "某某镇人民政府", "township")
    assert report.contact == last.contact
    assert report.values == {"requests.carried_over.natural": 2, "requests.carried_over.legal": 1}
    assert report.narratives == {}
    assert report.previous is not None
    assert report.previous.value("proactive.normative_doc.in_force") == 30
    assert report.previous.previous is None  # one year back only, as in a .gkr


def test_from_the_2019_format_into_2021() -> None:
    last = Report.new(2020, organ="甲镇")
    last.values["requests.carried_forward.natural"] = 4
    report = new_from_last_year(last)
    assert report.edition == "2021" and report.values == {"requests.carried_over.natural": 4}


def test_attach_previous_notifies_and_detaches() -> None:
    report = Report.new(2025, organ="某某镇人民政府")
    heard: list[Change] = []
    report.add_listener(heard.append)
    last = last_year()
    attach_previous(report, last)
    assert report.previous is not None and report.previous is not last and report.previous.previous is None
    assert heard == [Change("field", "previous")]
    attach_previous(report, None)
    assert report.previous is None


def test_previous_year_problem_names_year_and_organ() -> None:
    report = Report.new(2025, organ="某某镇人民政府")
    assert previous_year_problem(report, last_year()) == ""
    other = Report.new(2023, organ="乙镇")
    problem = previous_year_problem(report, other)
    assert "2023 年度" in problem and "乙镇" in problem
