"""Read any report file together with what reading it found (problems, hand edits)."""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.import_result import ImportResult, import_result
from gkdesk.io.open import read_report


def read_with_result(path: Path | str) -> ImportResult:
    """Like read_report, but also the problems met (none for .gkr)."""
    report = read_report(path)
    return import_result(report) or ImportResult(report, kind="gkr")
