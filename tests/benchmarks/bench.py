"""gkdesk benchmark: prints named figures. Not part of the test run.

    python tests/benchmarks/bench.py            # all figures (the province roll-up makes 10,000 files once)
    python tests/benchmarks/bench.py --quick    # skip the roll-ups

Figures are measured the way the user waits: whole processes (`main.py check`, the window shown and painted)
and real key events into the cell editor; the bare PySide6 window and LibreOffice are measured in the same run.
Targets (a 2-core machine):
- start-up: the window on the sample ≤ 2.0 × the CPU of a bare PySide6 window doing the same show-and-quit;
- keystroke → repaint in table 三: median < 16 ms, p95 < 33 ms (sample, and a new report with three numbers);
- `check` of a .gkr, of gkdesk's own .xlsx and of a hand-typed .docx: < 0.25 s CPU for the whole process;
- roll-up of 10,000 mixed returns with --jobs 2: < 60 s with flat memory, same outcome as --jobs 1;
- full re-check < 2 ms; each export < 0.5 s; foreign .docx read < 0.3 s.
On a shared machine the wall times rise with the load (printed with the figures); the CPU figures do not.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gkdesk.checks import run_checks  # noqa: E402
from gkdesk.io.gkr import load_gkr, save_gkr  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"




def core_figures() -> dict[str, str]:
    report = load_gkr(SAMPLE)
    figures = {"full re-check of the sample (median of 500)": f"{median_ms(lambda: run_checks(report), 500):.3f} ms"}
    figures["load .gkr (median of 100)"] = f"{median_ms(lambda: load_gkr(SAMPLE), 100):.2f} ms"
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.gkr"
        figures["atomic save .gkr with fsync (median of 50)"] = f"{median_ms(lambda: save_gkr(report, target), 50):.2f} ms"
    return figures


def main() -> int:
    quick = "--quick" in sys.argv
    sections: list[tuple[str, Callable[[], dict[str, str]]]] = [("core", core_figures)]
    for module_name, title in (
        ("bench_process", "whole process: start-up and check"),
        ("bench_ui", "window: keystrokes"),
        ("bench_export", "export"),
        ("bench_print", "PDF and web page"),
        ("bench_import", "import"),
        ("bench_rollup", "roll-up"),
        ("bench_hostile", "hostile files"),
        ("bench_province", "roll-up at province scale"),
    ):
        if quick and module_name in ("bench_rollup", "bench_province"):
            continue
        module = __import__(f"tests.benchmarks.{module_name}", fromlist=["figures"])
        sections.append((title, module.figures))
    for title, collect in sections:
        print(f"[{title}]")
        for name, value in collect().items():
            print(f"  {name}: {value}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
