"""gkdesk benchmark: prints named figures. Not part of the test run.

    python tests/benchmarks/bench.py            # all figures
    python tests/benchmarks/bench.py --quick    # skip the slow roll-up of 1,000 files

Targets: full re-check < 2 ms; each export < 0.5 s (PDF warm < 0.5 s); foreign .docx read < 0.3 s;
keystroke-to-repaint feels instant (< 50 ms); roll-up of 1,000 .xlsx < 20 s with flat memory.
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
        ("bench_ui", "window"),
        ("bench_export", "export"),
        ("bench_print", "PDF and web page"),
        ("bench_import", "import"),
        ("bench_rollup", "roll-up"),
        ("bench_hostile", "hostile files"),
    ):
        if quick and module_name == "bench_rollup":
            continue
        module = __import__(f"tests.benchmarks.{module_name}", fromlist=["figures"])
        sections.append((title, module.figures))
    for title, collect in sections:
        print(f"[{title}]")
        for name, value in collect().items():
            print(f"  {name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
