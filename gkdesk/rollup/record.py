"""A unit's record in the roll-up: its figure in every cell and its findings, as one line of JSON. No Qt.

Values are stored as JSON can hold them (a Decimal as {"d": text}, an invalid entry as {"x": raw}) and read back
by decode_value.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from gkdesk.checks import Finding
from gkdesk.model import CellValue, Invalid, Report, Resolved


def _encode(value: CellValue) -> Any:
    if isinstance(value, Decimal):
        return {"d": format(value, "f")}
    if isinstance(value, Invalid):
        return {"x": value.raw}
    return value


def decode_value(raw: Any) -> CellValue:
    """A stored value back: int, Decimal, Invalid or None."""
    if isinstance(raw, dict):
        return Decimal(raw["d"]) if "d" in raw else Invalid(raw["x"])
    return raw


def unit_figures(report: Report) -> dict[str, CellValue]:
    """A unit's figure in every cell, as the county totals count it: its inputs, and each total derived from
    its items (a printed total that disagrees is that unit's error, reported by its findings)."""
    resolved = Resolved(report)
    return {key: resolved.derived.get(key, report.values.get(key)) for key in report.spec.cells}


def spool_record(report: Report, findings: list[Finding]) -> str:
    """One line: `report`'s figures (all cells, see unit_figures) and its findings."""
    values = {key: _encode(value) for key, value in unit_figures(report).items()}
    items = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "cells": list(f.cells),
            "message": f.message,
            "acknowledged": report.acknowledgements.get(f.key, "") if not f.is_error else "",
        }
        for f in findings
    ]
    return json.dumps({"values": values, "findings": items}, ensure_ascii=False)
