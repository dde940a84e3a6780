"""A temporary file holding each unit's stated values and findings, so memory stays flat. No Qt.

The roll-up keeps nothing of a unit in memory but where its line starts; the export reads the lines back
one at a time. The same store holds the roll-up's other per-unit lines (arrivals, rows).
"""

from __future__ import annotations

import json
import tempfile
from array import array
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
    """Lines of JSON appended to a temporary file and read back one at a time (by index or in order).

    Only the lines' offsets stay in memory (8 bytes each); the file is removed when closed.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the result)
        self._offsets = array("q")
        self._end = 0

    @property
    def count(self) -> int:
        return len(self._offsets)

    def add(self, line: str) -> int:
        """Store one line of JSON (a spool_record, or any json.dumps text); returns its index."""
        data = line.encode("utf-8", "surrogatepass") + b"\n"
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        return len(self._offsets) - 1

    def add_value(self, value: Any) -> int:
        return self.add(json.dumps(value, ensure_ascii=False))

    def records(self) -> Iterator[tuple[int, Any]]:
        """(index, the stored value) in the order stored; for spool_record lines
        {"values": {cell key: raw}, "findings": [...]}."""
        for index in range(len(self._offsets)):
            yield index, self.record(index)

    def record(self, index: int) -> Any:
        """The value stored at `index` (read back from the file)."""
        self._file.seek(self._offsets[index])
        return json.loads(self._file.readline().decode("utf-8", "surrogatepass"))

    def close(self) -> None:
        self._file.close()
