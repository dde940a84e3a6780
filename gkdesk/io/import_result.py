"""What reading a file produced besides the report: problems (cells that could not be placed, damaged
embedded data) and hand edits of gkdesk's own exports.

The `check` verb and the window show them: `import_problems(result)` / `import_findings(result)` for the
ImportResult that `gkdesk.io.open.read_with_result` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gkdesk.checks.finding import Finding
from gkdesk.model import Paragraph, Report

# Rule ids of import findings (not rules of the format definition).
RULE_UNPLACED = "import.unplaced"
RULE_HAND_EDIT = "import.hand_edit"
RULE_NOTE = "import.note"
RULE_MISSING_TABLE = "import.missing_table"  # a whole table not found in a file that is a report
RULE_BLANK = "value.blank"  # the format's rule: a total cell left blank in the file


@dataclass(frozen=True)
class ImportProblem:
    """One problem met while reading: `kind` is "unplaced", "conflict", "missing" (a row or heading),
    "missing_table", "blank" (a total cell left blank), "hand_edit" or "note".

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
    visible_paragraphs: dict[str, Paragraph] = field(default_factory=dict)  # hand-edited "section#n" as shown


def import_problems(result: ImportResult) -> list[str]:
    """One Chinese line per problem met while reading the file (for the `check` verb)."""
    return [str(problem) for problem in result.problems]


def _section_of(report: Report, cell: str) -> str:
    head = cell.split(".")[0].split("#")[0]
    keys = {section.key for section in report.spec.sections}
    if head in keys:
        return head
    for section in report.spec.sections:
        if section.table == head:
            return section.key
    return "overview"


def _settled_tables(result: ImportResult, checks: list[Finding] | None) -> set[str]:
    """Tables with cells that could not be placed which are otherwise complete and consistent: no check
    error on them, and no more cells missing than could not be placed."""
    report = result.report
    unplaced: dict[str, int] = {}
    for problem in result.problems:
        if problem.kind == "unplaced" and problem.cell in report.spec.tables:
            unplaced[problem.cell] = unplaced.get(problem.cell, 0) + 1
    if not unplaced:
        return set()
    if checks is None:
        from gkdesk.io.findings import report_findings

        checks = report_findings(report)
    with_errors = {key.split(".", 1)[0] for finding in checks if finding.is_error for key in finding.cells}
    settled = set()
    for table_key, count in unplaced.items():
        cells = [cell for cell in report.spec.input_cells if cell.table == table_key]
        missing = sum(1 for cell in cells if cell.key not in report.values)
        if table_key not in with_errors and missing <= count:
            settled.add(table_key)
    return settled


def import_findings(result: ImportResult, checks: list[Finding] | None = None) -> list[Finding]:
    """The problems met while reading a file, as findings: unplaced cells and missing tables are errors, hand
    edits and blank totals warnings. A cell that could not be placed in an otherwise complete, consistent table
    is a warning (`checks`: the report's check findings, run here when not given)."""
    report = result.report
    settled = _settled_tables(result, checks)
    findings = []
    for problem in result.problems:
        if problem.kind == "hand_edit":
            rule, severity = RULE_HAND_EDIT, "warning"
        elif problem.kind in ("unplaced", "conflict"):
            rule = RULE_UNPLACED
            severity = "warning" if problem.kind == "unplaced" and problem.cell in settled else "error"
        elif problem.kind == "missing_table":
            rule, severity = RULE_MISSING_TABLE, "error"
        elif problem.kind == "blank":
            rule, severity = RULE_BLANK, "warning"
        else:
            rule, severity = RULE_NOTE, "warning"
        anchor = problem.where if problem.kind == "unplaced" else problem.cell or problem.where or problem.message
        cells = (problem.cell,) if problem.cell in report.spec.cells else ()
        findings.append(Finding(rule, severity, cells, str(problem), _section_of(report, problem.cell), anchor))
    return findings
