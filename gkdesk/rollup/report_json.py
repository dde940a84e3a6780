"""The JSON of `rollup --json`: units, refused files, totals (shaped like `check --json` values), findings."""

from __future__ import annotations

from typing import Any

from gkdesk.checks.report_json import finding_json, values_json
from gkdesk.rollup.result import RollupResult, UnitRow


def unit_json(row: UnitRow) -> dict[str, Any]:
    return {
        "file": row.file,
        "organ": row.organ,
        "code": row.unit.code if row.unit else None,
        "status": row.status,
        "errors": row.errors if row.file else None,
        "warnings": row.warnings if row.file else None,
        "acknowledged_warnings": row.acknowledged if row.file else None,
        "open_comments": row.open_comments if row.file else None,
        "note": row.note,
    }


def rollup_json(result: RollupResult) -> dict[str, Any]:
    """One object; per-unit findings carry their file and organ, the totals' own findings have file null."""
    findings: list[dict[str, Any]] = []
    by_index = {row.spool_index: row for row in result.rows if row.spool_index is not None}
    if result.spool is not None:
        for index, record in result.spool.records():
            row = by_index.get(index)
            if row is None:
                continue
            for item in record["findings"]:
                findings.append({"file": row.file, "organ": row.organ} | item)
    for finding in result.total_findings:
        findings.append({"file": None, "organ": "合计"} | finding_json(finding))
    totals = result.totals.report(result.year) if result.totals is not None else None
    return {
        "year": result.year,
        "format": result.edition,
        "units": [unit_json(row) for row in result.rows],
        "refused": [{"file": refusal.file, "reason": refusal.reason} for refusal in result.refused],
        "totals": values_json(totals) if totals is not None else {},
        "findings": findings,
    }
