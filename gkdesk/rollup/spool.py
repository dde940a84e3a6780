"""A temporary file holding each unit's stated values and findings, so memory stays flat. No Qt.

The roll-up keeps only small per-unit summaries in memory; the export reads this back in one pass.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from gkdesk.checks import Finding
from gkdesk.model import CellValue, Invalid, Report, Resolved

Record = dict[str, Any]


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


class Spool:
    def __init__(self) -> None:
        self._file: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (lives as long as the result)
        self.count = 0
        self._offsets: list[int] = []

    def add(self, record: str) -> int:
        """Store one spool_record line; returns its index."""
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        self._file.write(record + "\n")
        self.count += 1
        return self.count - 1

    def records(self) -> Iterator[tuple[int, Record]]:
        """(index, {"values": {cell key: raw}, "findings": [...]}) in the order stored."""
        self._file.seek(0)
        for index, line in enumerate(self._file):
            yield index, json.loads(line)

    def record(self, index: int) -> Record:
        """The record stored at `index` (read back from the file)."""
        self._file.seek(self._offsets[index])
        result: Record = json.loads(self._file.readline())
        return result

    def close(self) -> None:
        self._file.close()
