"""Every check kind is one module of gkdesk/checks/kinds/, registered once: the loader validates checks against
the registry, the engine evaluates through it, and the kinds that compare with last year's report find nothing to
say without one (the .xlsx 校验 sheet then writes 未校验)."""

from __future__ import annotations

import copy
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

import openpyxl
import pytest

from gkdesk import paths
from gkdesk.checks import run_checks
from gkdesk.checks.context import CheckContext
from gkdesk.checks.excel import FormulaRow, TableCells
from gkdesk.checks.finding import Finding
from gkdesk.checks.kind import CheckKind
from gkdesk.checks.kinds import KINDS
from gkdesk.io.xlsx.export import xlsx_bytes
from gkdesk.model import Report
from gkdesk.spec import EDITIONS, Check, SpecError, check_kinds, load_spec, parse_spec
from tests.conftest import ROOT
from tests.helpers import filled_report


def test_the_engine_evaluates_exactly_the_kinds_the_loader_accepts() -> None:
    assert set(KINDS) == set(check_kinds.defined_kinds())
    used = {check.kind for edition in EDITIONS for check in load_spec(edition).checks}
    assert used <= set(KINDS)


def test_kinds_needing_last_year_are_silent_without_it() -> None:
    report = filled_report()
    report.previous = None
    context = CheckContext(report, report.spec, None)
    cross_year = [check for check in report.spec.checks if check.needs_previous]
    assert {check.kind for check in cross_year} == {"carry_over", "in_force", "repeated_text"}
    assert all(KINDS[check.kind].needs_previous for check in cross_year)
    for check in cross_year:
        assert KINDS[check.kind].evaluate(context, check) == []


@dataclass(frozen=True)
class _LimitParams:
    limit: int
    label: str | None = None


def _too_many_paragraphs(ctx: CheckContext, check: Check) -> list[Finding]:
    count = sum(len(paragraphs) for paragraphs in ctx.report.narratives.values())
    if count <= check.params["limit"]:
        return []
    return [Finding(check.id, check.severity, (), f"共{count}段", "overview", "overview")]


def _paragraph_formula(check: Check, report: Report, sheets: Mapping[str, TableCells]) -> list[FormulaRow]:
    sheet = sheets["requests"]
    return [
        FormulaRow(sheet.title, f"=COUNT({','.join(sheet.ranges(sheet.cell_keys()))})", f"={check.params['limit']}")
    ]


@pytest.fixture
def dummy_kind(monkeypatch: pytest.MonkeyPatch) -> CheckKind:
    """A kind defined in one place, outside the package, registered the way a kind module is."""
    kind = CheckKind("paragraph_limit", _LimitParams, _too_many_paragraphs, excel_rows=_paragraph_formula)
    monkeypatch.setitem(KINDS, kind.name, kind)
    monkeypatch.setattr(check_kinds, "_KINDS", {**check_kinds.defined_kinds(), kind.name: kind})
    return kind


def _definition(**check: Any) -> dict[str, Any]:
    data = tomllib.loads(paths.resource("forms", "annual-report-2021.toml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["checks"].append(
        {"id": "text.paragraphs", "severity": "warning", "kind": "paragraph_limit", "text": "段落不宜过多"} | check
    )
    return data


def test_a_kind_in_one_place_reaches_loader_engine_and_sheet(
    dummy_kind: CheckKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = parse_spec(_definition(limit=0), "test.toml")
    check = spec.checks[-1]
    assert (check.kind, dict(check.params), check.needs_previous) == ("paragraph_limit", {"limit": 0}, False)

    monkeypatch.setattr("gkdesk.model.report.load_spec", lambda edition="2021": spec)
    report = filled_report()
    assert report.spec is spec
    findings = [finding for finding in run_checks(report) if finding.rule == "text.paragraphs"]
    assert len(findings) == 1

    sheet = openpyxl.load_workbook(BytesIO(xlsx_bytes(report)))["校验"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] == "text.paragraphs"]
    assert len(rows) == 1
    place, left, right, result = rows[0][2], rows[0][4], rows[0][5], rows[0][6]
    assert (place, right) == ("表三", "=0")
    assert left.startswith("=COUNT('表三'!") and result.startswith("=IF(E")


def test_a_kind_without_formula_rows_shows_the_static_result(
    dummy_kind: CheckKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(KINDS, dummy_kind.name, replace(dummy_kind, excel_rows=None))
    spec = parse_spec(_definition(limit=0), "test.toml")
    monkeypatch.setattr("gkdesk.model.report.load_spec", lambda edition="2021": spec)
    sheet = openpyxl.load_workbook(BytesIO(xlsx_bytes(filled_report())))["校验"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] == "text.paragraphs"]
    assert len(rows) == 1
    assert rows[0][2].startswith("共") and rows[0][4:7] == (None, None, "不通过（静态）")


def test_the_kinds_parameters_are_validated_when_the_definition_loads(dummy_kind: CheckKind) -> None:
    with pytest.raises(SpecError, match=r"test\.toml: checks\[\d+\]：缺少 limit"):
        parse_spec(_definition(), "test.toml")
    with pytest.raises(SpecError, match=r"test\.toml: checks\[\d+\]：未知的键 limt"):
        parse_spec(_definition(limit=1, limt=2), "test.toml")


def test_an_unregistered_kind_is_refused_at_its_place() -> None:
    with pytest.raises(SpecError, match=r"checks\[\d+\]\.kind：未知的校验类型 paragraph_limit"):
        parse_spec(_definition(limit=0), "test.toml")


def test_the_loader_finds_the_kinds_in_a_fresh_interpreter_and_import_gkdesk_stays_light() -> None:
    code = (
        "import sys, gkdesk\n"
        "light = 'gkdesk.checks' not in sys.modules\n"
        "from gkdesk.spec import load_spec\n"
        "print(light, len(load_spec('2021').checks) > 0, 'gkdesk.checks.kinds' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["True", "True", "True"]
