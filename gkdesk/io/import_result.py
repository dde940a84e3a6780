"""What reading a file produced besides the report: problems (cells that could not be placed, damaged
embedded data) and hand edits of gkdesk's own exports.

The `check` verb and the window show them: `import_problems(report)` / `import_findings(report)` give
the problems recorded when `report` was read through `gkdesk.io.open.read_report`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from gkdesk.checks.finding import Finding
from gkdesk.model import Report

# Rule ids of import findings (not rules of the format definition).
RULE_UNPLACED = "import.unplaced"
RULE_HAND_EDIT = "import.hand_edit"
RULE_NOTE = "import.note"


@dataclass(frozen=True)
class ImportProblem:
    """One problem met while reading: `kind` is "unplaced", "conflict", "missing", "hand_edit" or "note".

    `where` names the place in the file (table/sheet, row, column, 1-based); `cell` the cell key or
    paragraph anchor when known.
    """

    kind: str
    message: str
    where: str = ""
    cell: str = ""

    def __str__(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


@dataclass(frozen=True)
class HandEdit:
    """A place where a gkdesk-made file's visible content differs from its embedded data."""

    key: str
    embedded: str
    visible: str


@dataclass
class ImportResult:
    """A report read from a file, with what the reader could not place and any hand edits found."""

    report: Report
    problems: list[ImportProblem] = field(default_factory=list)
    differences: list[HandEdit] = field(default_factory=list)
    kind: str = "foreign"  # "gkr", "own" (gkdesk-made, from embedded data) or "foreign" (read by labels)
    embedded: Report | None = None  # for "own" files: the report exactly as exported (before hand edits)


_RECORDED: dict[int, ImportResult] = {}


def record(result: ImportResult) -> Report:
    """Remember `result` for its report (until the report is gone) and return the report."""
    key = id(result.report)
    _RECORDED[key] = result
    weakref.finalize(result.report, _RECORDED.pop, key, None)
    return result.report


def import_result(report: Report) -> ImportResult | None:
    """The ImportResult recorded when `report` was read by gkdesk.io.open.read_report, if any."""
    result = _RECORDED.get(id(report))
    return result if result is not None and result.report is report else None


def import_problems(report: Report) -> list[str]:
    """Hook for the `check` verb: one Chinese line per problem met while reading `report`'s file."""
    result = import_result(report)
    return [str(problem) for problem in result.problems] if result else []


def _section_of(report: Report, cell: str) -> str:
    head = cell.split(".")[0].split("#")[0]
    keys = {section.key for section in report.spec.sections}
    if head in keys:
        return head
    for section in report.spec.sections:
        if section.table == head:
            return section.key
    return "overview"


def import_findings(report: Report) -> list[Finding]:
    """The problems met while reading `report`'s file, as findings (hand edits and unplaced cells are errors)."""
    result = import_result(report)
    if result is None:
        return []
    findings = []
    for problem in result.problems:
        if problem.kind == "hand_edit":
            rule, severity = RULE_HAND_EDIT, "warning"
        elif problem.kind in ("unplaced", "conflict"):
            rule, severity = RULE_UNPLACED, "error"
        else:
            rule, severity = RULE_NOTE, "warning"
        anchor = problem.cell or problem.where or problem.message
        cells = (problem.cell,) if problem.cell.count(".") == 2 else ()
        findings.append(Finding(rule, severity, cells, str(problem), _section_of(report, problem.cell), anchor))
    return findings
