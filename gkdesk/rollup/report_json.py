"""The JSON of `rollup --json`: units, refused files, totals (shaped like `check --json` values), findings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from gkdesk.checks.report_json import finding_json, values_json
from gkdesk.rollup.result import RollupResult, UnitRow
from gkdesk.rollup.spill import spill_sorted


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


def _findings(result: RollupResult) -> Iterator[dict[str, Any]]:
    """Per-unit findings in the order the reports were read (each read back from the spool in turn), then the
    totals' own. The rows, in the table's order, are put in reading order through temporary files."""
    if result.spool is not None:
        rows = ((row.spool_index, [row.spool_index, row.file, row.organ]) for row in result.rows if row.spool_index is not None)
        for index, file, organ in spill_sorted(rows):
            for item in result.spool.record(index)["findings"]:
                yield {"file": file, "organ": organ} | item
    for finding in result.total_findings:
        yield {"file": None, "organ": "合计"} | finding_json(finding)


def _parts(result: RollupResult) -> dict[str, Any]:
    """The members of the object, the long lists as iterators."""
    totals = result.totals.report(result.year) if result.totals is not None else None
    return {
        "year": result.year,
        "format": result.edition,
        "units": (unit_json(row) for row in result.rows),
        "refused": ({"file": refusal.file, "reason": refusal.reason} for refusal in result.refused),
        "totals": values_json(totals) if totals is not None else {},
        "findings": _findings(result),
    }


def rollup_json(result: RollupResult) -> dict[str, Any]:
    """One object; per-unit findings carry their file and organ, the totals' own findings have file null."""
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _parts(result).items()}


def rollup_json_text(result: RollupResult) -> Iterator[str]:
    """rollup_json as the text json.dumps(…, ensure_ascii=False, indent=2) gives, in pieces: units and findings
    are written one at a time, so a province's roll-up does not hold its whole JSON document in memory."""

    def dumped(value: Any, depth: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=2)
        return text.replace("\n", "\n" + "  " * depth)

    yield "{"
    for number, (key, value) in enumerate(_parts(result).items()):
        yield ("," if number else "") + f"\n  {json.dumps(key, ensure_ascii=False)}: "
        if not isinstance(value, Iterator):
            yield dumped(value, 1)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else ",") + "\n    " + dumped(item, 2)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}"
