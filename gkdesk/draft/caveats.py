"""What a clerk must know before using drafted paragraphs: tables not filled in, figures that contradict
each other, wording the tables only suggest. No Qt."""

from __future__ import annotations

from gkdesk.checks import Finding, run_checks
from gkdesk.draft.compose import DraftParagraph, topic_cells
from gkdesk.model import Report
from gkdesk.spec import FormatSpec


def unfilled_note(draft: DraftParagraph, spec: FormatSpec) -> str:
    tables = "、".join(spec.table_name(table) for table in draft.unfilled)
    return f"{tables}还没有填写，未起草“{draft.topic.name}”"


def contradicting_errors(report: Report, drafts: list[DraftParagraph]) -> list[Finding]:
    """Errors in the figures the drafts state: a draft would repeat the contradiction."""
    read = {cell for draft in drafts if draft.text for cell in topic_cells(draft.topic)}
    tables = {cell.split(".", 1)[0] for cell in read}
    return [
        finding
        for finding in run_checks(report)
        if finding.severity == "error" and any(cell.split(".", 1)[0] in tables for cell in finding.cells)
    ]


def errors_note(errors: list[Finding]) -> str:
    first = errors[0].message
    return f"表格有 {len(errors)} 处错误（如：{first}），起草的段落会照录这些矛盾的数字，请先改正表格"
