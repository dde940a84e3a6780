"""Bounded reading: `main.py check` of hostile files of at most 10 MB, whole process (target < 5 s, < 300 MB);
and `main.py import … -o OUT.gkr` killed at random moments many times (OUT.gkr and its backup always whole)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from gkdesk.io.docx.export import export_docx
from gkdesk.io.xlsx.export import export_xlsx
from tests.conftest import SAMPLE_GKR
from tests.helpers import sample_report
from tests.io.hostile import hostile_set
from tests.io.kill_import import kill_imports
from tests.io.test_bounded_reading import measured_check

KILLS = 300


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
        started = time.monotonic()
        run = kill_imports(SAMPLE_GKR, folder / "killed.gkr", KILLS, seed=7)
        results[f"import killed {KILLS} times"] = (
            f"{len(run.damaged)} damaged files, {time.monotonic() - started:.0f} s"
        )
    return results
