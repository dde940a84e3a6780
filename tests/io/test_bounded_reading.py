"""Bounded reading: hostile files of at most 10 MB are read or refused quickly and in little memory.

Each is checked by `main.py check` in its own process, as a user runs it; the process's peak memory is
measured. (The time target of 5 s is a benchmark figure: tests/benchmarks/bench_hostile.py.)"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from gkdesk.io.docx.export import export_docx
from gkdesk.io.xlsx.export import export_xlsx
from tests.conftest import ROOT
from tests.helpers import sample_report
from tests.io.hostile import hostile_set

MAX_MEGABYTES = 300
HANG_SECONDS = 60  # far beyond the target: only a reader without bounds takes this long

# The peak is VmHWM (reset by exec; ru_maxrss would keep the forked test process's size on Linux).
MEASURED_CHECK = """
import atexit, resource, runpy, sys

def report_peak():  # main.py leaves through the exit handlers (gkdesk/cli/exit.py), not past its last line
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("PEAK-KB", peak, file=sys.stderr, flush=True)

atexit.register(report_peak)
sys.argv = ["main.py", "check", sys.argv[1]]
runpy.run_path({main!r}, run_name="__main__")
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    docx, xlsx = folder / "own.docx", folder / "own.xlsx"
    export_docx(sample_report(), docx)
    export_xlsx(sample_report(), xlsx)
    return hostile_set(folder, docx, xlsx)


def measured_check(path: Path) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak MB) of `main.py check PATH`."""
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", MEASURED_CHECK.format(main=str(ROOT / "main.py")), str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=HANG_SECONDS, check=False,
    )
    seconds = time.monotonic() - start
    peak = next(int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("PEAK-KB"))
    return result.returncode, result.stderr, seconds, peak / 1024


@pytest.mark.parametrize(
    "name",
    [
        "docx with 39 MB of empty paragraphs, data damaged",
        "docx with 39 MB of empty paragraphs, data intact",
        "docx expanding to 45 MB",
        "xlsx with a wrong checksum (read by labels)",
        "xlsx with 400,000 cells",
        "xlsx with 95,000 cells",
        "gkr with a 9.6 MB paragraph",
        "web page of 1.4 million empty paragraphs",
    ],
)
def test_hostile_file_is_read_or_refused_within_bounds(hostile: dict[str, Path], name: str) -> None:
    path = hostile[name]
    assert path.stat().st_size <= 10 * 1024 * 1024
    code, stderr, _seconds, peak_mb = measured_check(path)
    assert code in (0, 1, 2)
    assert "Traceback" not in stderr
    if code == 2:
        assert path.name in stderr  # the message names the file
    assert peak_mb < MAX_MEGABYTES, f"{name}: {peak_mb:.0f} MB"
