"""Bounded reading: `main.py check` of hostile files of at most 10 MB, whole process (target < 5 s, < 300 MB)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from gkdesk.io.docx.export import export_docx
from gkdesk.io.xlsx.export import export_xlsx
from tests.helpers import sample_report
from tests.io.hostile import hostile_set
from tests.io.test_bounded_reading import measured_check


def figures() -> dict[str, str]:
    results = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        docx, xlsx = folder / "own.docx", folder / "own.xlsx"
        export_docx(sample_report(), docx)
        export_xlsx(sample_report(), xlsx)
        files = hostile_set(folder, docx, xlsx)
        for label, path in files.items():
            code, _stderr, seconds, peak = measured_check(path)
            size = path.stat().st_size / 1024
            results[f"check {label} ({size:,.0f} KB)"] = f"{seconds:.2f} s, {peak:.0f} MB, exit {code}"
    return results
