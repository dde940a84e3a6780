"""Roll-up at province scale, as the user waits: `main.py rollup FOLDER -o 汇总.xlsx --jobs 2 --json`.

10,000 returns (.xlsx, .docx and .gkr in turn, made once by gkdesk's exporters and cached in the temp folder),
whole process: wall time, CPU (the reading processes included) and peak resident memory of the largest
process, at 1,000 and at 10,000 files (flat memory: the same peak). The completeness table and totals of
`--jobs 2` must equal those of `--jobs 1`.

    python tests/benchmarks/bench_province.py [--count N]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_process import environment  # noqa: E402
from tests.benchmarks.bench_rollup import MIXED, PROVINCE, files_for  # noqa: E402

SMALL = 1_000


def run_rollup(files: list[Path], jobs: int, folder: Path) -> tuple[dict[str, float], dict[str, Any]]:
    """Figures of one whole `main.py rollup` process and its --json output."""
    import subprocess

    listing = [str(files[0].parent)] if len(files) == len(list(files[0].parent.iterdir())) else [str(f) for f in files]
    output = folder / f"汇总-{len(files)}-{jobs}.xlsx"
    command = [sys.executable, str(ROOT / "main.py"), "rollup", *listing, "-o", str(output), "--jobs", str(jobs), "--json"]
    env = environment(folder / "home", no_bytecode=False)
    start = time.perf_counter()
    with open(folder / "out.json", "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"rollup exited {os.waitstatus_to_exitcode(status)}")
    result = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    figures = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}
    return figures, result


def outcome(result: dict[str, Any]) -> tuple[Any, ...]:
    """What must not depend on --jobs: every unit's row, the refusals and the totals."""
    return (result["units"], result["refused"], result["totals"], result["findings"])


def figures(count: int = PROVINCE) -> dict[str, str]:
    files = files_for(count, MIXED)
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        small, _ = run_rollup(files[:SMALL], 2, folder)
        large, parallel = run_rollup(files, 2, folder)
        _, single = run_rollup(files, 1, folder)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    result[f"roll-up of {count:,} mixed returns, rollup --jobs 2, wall (target < 60 s)"] = f"{large['wall_s']:.1f} s"
    result[f"roll-up of {count:,} mixed returns, rollup --jobs 2, CPU of all processes"] = f"{large['cpu_s']:.1f} s"
    result[f"roll-up of {count:,}: wall estimated for an idle 2-core machine (CPU / 2)"] = f"{large['cpu_s'] / 2:.1f} s"
    result[f"roll-up peak resident memory, {SMALL:,} / {count:,} files (flat)"] = (
        f"{small['peak_mb']:.0f} / {large['peak_mb']:.0f} MB"
    )
    result["roll-up --jobs 2 completeness table and totals identical to --jobs 1"] = (
        "yes" if outcome(parallel) == outcome(single) else "NO"
    )
    result["roll-up: load average at the end (1/5/15 min)"] = load
    return result


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else PROVINCE
    for name, value in figures(count).items():
        print(f"{name}: {value}")
