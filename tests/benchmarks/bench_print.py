"""PDF and web page figures for bench.py: export of the sample as the user waits (whole process, from
`python main.py export`) and warm (in a running program). Target: PDF under 0.5 s warm."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # also runnable as `python3 tests/benchmarks/bench_print.py`

from gkdesk.io.gkr import load_gkr  # noqa: E402
from gkdesk.io.html.export import html_text  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"
PROCESS_RUNS = 3


def _process_ms(option: str, target: Path) -> float:
    """Median wall time of `python main.py export SAMPLE option target`, a fresh process each time."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(ROOT / "main.py"), "export", str(SAMPLE), option, str(target)]
    times = []
    for _ in range(PROCESS_RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def figures() -> dict[str, str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gkdesk.ui.printing.app import gui_application

    gui_application()
    from gkdesk.ui.printing.pdf import pdf_bytes

    report = load_gkr(SAMPLE)
    result = {
        "PDF of the sample, warm (median of 10)": f"{median_ms(lambda: pdf_bytes(report), 10):.0f} ms",
        "web page of the sample, warm (median of 50)": f"{median_ms(lambda: html_text(report), 50):.1f} ms",
    }
    with tempfile.TemporaryDirectory() as folder:
        result[f"export --pdf, whole process (median of {PROCESS_RUNS})"] = (
            f"{_process_ms('--pdf', Path(folder) / 's.pdf'):.0f} ms"
        )
        result[f"export --html, whole process (median of {PROCESS_RUNS})"] = (
            f"{_process_ms('--html', Path(folder) / 's.html'):.0f} ms"
        )
    return result


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
