"""The exported .xlsx recalculated by LibreOffice: the 校验 sheet's live formulas agree with gkdesk's checks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from gkdesk.checks import run_checks
from gkdesk.io.xlsx.checks_sheet import FAIL
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Invalid, Report
from tests.helpers import sample_report
from tests.io.test_docx_export_render import convert, needs_soffice


def _excel_verdicts(report: Report, tmp_path: Path) -> tuple[set[str], set[str]]:
    """(rules with live formulas, rules failing in Excel) after a LibreOffice recalculation."""
    source = tmp_path / "report.xlsx"
    export_xlsx(report, source)
    recalculated = convert(source, "xlsx", tmp_path / "out")
    sheet = openpyxl.load_workbook(recalculated, data_only=True)["校验"]
    live: set[str] = set()
    failing: set[str] = set()
    for rule, _, _, _, left, _, result, _ in sheet.iter_rows(min_row=2, values_only=True):
        if left is None:
            continue
        assert isinstance(rule, str)
        live.add(rule)
        assert result in ("通过", FAIL), f"{rule}: {result!r}"
        if result == FAIL:
            failing.add(rule)
    return live, failing


def _gkdesk_failing(report: Report, rules: set[str]) -> set[str]:
    return {finding.rule for finding in run_checks(report) if finding.rule in rules}


@needs_soffice
def test_clean_report(tmp_path: Path) -> None:
    report = sample_report()
    live, failing = _excel_verdicts(report, tmp_path)
    assert {"T3.balance", "T3.row_total", "T3.outcome_total", "T4.total", "value.invalid", "value.blank"} <= live
    assert failing == _gkdesk_failing(report, live) == set()


@needs_soffice
def test_broken_report(tmp_path: Path) -> None:
    report = sample_report()
    report.values["requests.new.natural"] = 20  # T3.balance
    report.declared["requests.total.commercial"] = 3  # T3.outcome_total and the row total of （七）
    report.declared["appeals.reconsideration.total"] = 2  # T4.total
    report.values["requests.denied_1.research"] = Invalid("/")  # value.invalid
    del report.values["requests.denied_2.social"]  # value.blank
    report.values["proactive.regulation.issued"] = 1  # a county makes no 规章
    fee = report.values["proactive.fee.amount_wan"]
    assert isinstance(fee, Decimal)
    report.values["proactive.fee.amount_wan"] = fee * 10000  # 元 as 万元
    live, failing = _excel_verdicts(report, tmp_path)
    expected = _gkdesk_failing(report, live)
    assert failing == expected
    assert {"T3.balance", "T3.outcome_total", "T4.total", "value.invalid", "value.blank"} <= expected
    assert {"T2.regulation_level", "T2.fee_unit"} <= expected


@needs_soffice
def test_2019_report_with_negative_delta_passes(tmp_path: Path) -> None:
    from tests.io.test_export_2019 import report_2020

    report = report_2020()  # 本年增/减 -7: a valid value in the 2019 format
    live, failing = _excel_verdicts(report, tmp_path)
    assert "value.invalid" in live
    assert failing == _gkdesk_failing(report, live) == set()
