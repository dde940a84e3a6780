"""Roll-up at province scale, as the user waits: `main.py rollup FOLDER -o 汇总.xlsx --jobs 2 --json`.

10,000 returns (.xlsx, .docx and .gkr in turn, made once by gkdesk's exporters and cached in the temp folder),
whole process: wall time, CPU (the reading processes included) and peak resident memory of the largest
process and of the main process (which reads no file: it collects, orders and writes), at 1,000 and at
10,000 files. Memory must be flat: the same peak within FLAT_MB, whatever the number of units (the figure
says so, with the growth per 1,000 units). The completeness table and totals of `--jobs 2` must equal those
of `--jobs 1`.

    python tests/benchmarks/bench_province.py [--count N]
"""

from __future__ import annotations

import json
import os
import shutil
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
FLAT_MB = 2.0  # "the same peak": what two runs of one roll-up differ by is about 1 MB


def _main_peak_mb(pid: int) -> float:
    """The process's own peak resident memory so far (Linux: VmHWM), 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _wait(pid: int) -> tuple[int, Any, float]:
    """os.wait4 for `pid`, watching its own peak memory (its peak is reached before it ends)."""
    main_peak = 0.0
    while True:
        waited, status, usage = os.wait4(pid, os.WNOHANG)
        if waited:
            return status, usage, main_peak
        main_peak = max(main_peak, _main_peak_mb(pid))
        time.sleep(0.05)


def flatness(small_mb: float, large_mb: float, count: int) -> str:
    """"39 / 40 MB (+0.1 MB per 1,000 units: flat)"."""
    growth = large_mb - small_mb
    per_thousand = growth / ((count - SMALL) / 1000) if count > SMALL else 0.0
    verdict = "flat" if growth <= FLAT_MB else f"NOT flat: grows more than {FLAT_MB:.0f} MB"
    return f"{small_mb:.1f} / {large_mb:.1f} MB ({per_thousand:+.2f} MB per 1,000 units: {verdict})"


def _as_folder(files: list[Path], folder: Path) -> Path:
    """A folder holding just `files` (the cached one, or one of hard links to them, copies where links cannot be
    made): every run rolls up a folder, as a user does, so runs of different sizes compare."""
    if len(files) == len(list(files[0].parent.iterdir())):
        return files[0].parent
    subset = folder / f"returns-{len(files)}"
    if not subset.exists():
        subset.mkdir()
        for path in files:
            try:
                os.link(path, subset / path.name)
            except OSError:
                shutil.copy2(path, subset / path.name)
    return subset


def run_rollup(files: list[Path], jobs: int, folder: Path) -> tuple[dict[str, float], dict[str, Any]]:
    """Figures of one whole `main.py rollup` process and its --json output."""
    import subprocess

    returns = _as_folder(files, folder)
    output = folder / f"汇总-{len(files)}-{jobs}.xlsx"
    command = [sys.executable, str(ROOT / "main.py"), "rollup", str(returns), "-o", str(output), "--jobs", str(jobs), "--json"]
    env = environment(folder / "home", no_bytecode=False)
    start = time.perf_counter()
    with open(folder / "out.json", "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        status, usage, main_peak = _wait(process.pid)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"rollup exited {process.returncode}")
    result = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    peak = usage.ru_maxrss / 1024  # the largest of the process and its reading processes
    figures = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": peak, "main_peak_mb": main_peak}
    return figures, result


def outcome(result: dict[str, Any]) -> tuple[Any, ...]:
    """What must not depend on --jobs: every unit's row, the refusals and the totals."""
    return (result["units"], result["refused"], result["totals"], result["findings"])


def figures(count: int = PROVINCE) -> dict[str, str]:
    files = files_for(count, MIXED)
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        run_rollup(files[:8], 2, folder)  # compiles the modules into the fresh cache folder: not the roll-up's cost
        small, _ = run_rollup(files[:SMALL], 2, folder)
        large, parallel = run_rollup(files, 2, folder)
        _, single = run_rollup(files, 1, folder)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    result[f"roll-up of {count:,} mixed returns, rollup --jobs 2, wall (target < 60 s)"] = f"{large['wall_s']:.1f} s"
    result[f"roll-up of {count:,} mixed returns, rollup --jobs 2, CPU of all processes"] = f"{large['cpu_s']:.1f} s"
    result[f"roll-up of {count:,}: wall estimated for an idle 2-core machine (CPU / 2)"] = f"{large['cpu_s'] / 2:.1f} s"
    result[f"roll-up peak resident memory of the largest process, {SMALL:,} / {count:,} files"] = flatness(
        small["peak_mb"], large["peak_mb"], count
    )
    result[f"roll-up peak resident memory of the main process, {SMALL:,} / {count:,} files"] = flatness(
        small["main_peak_mb"], large["main_peak_mb"], count
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
