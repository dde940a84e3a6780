"""Roll-up benchmark: 1,000 returned .xlsx files (made by gkdesk's own exporter), time and peak memory.

    python tests/benchmarks/bench_rollup.py          # prints the figures
    figures() -> dict[str, str]                      # for bench.py

Each measurement runs in a fresh process so its peak resident memory is its own; memory is shown at two
counts (200 and 1,000 files) to show it stays flat. The generated files are cached in the temp folder.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path(tempfile.gettempdir()) / "gkdesk-bench-rollup"
COUNTS = (200, 1000)
KIND = ".xlsx"
GENERATOR_VERSION = "1"  # bump when the generated returns change


MIXED = "mixed"  # .xlsx, .docx and .gkr in turn: what a county's returns look like
PROVINCE = 10_000


def _exporter(kind: str):  # type: ignore[no-untyped-def]
    if kind == ".xlsx":
        from gkdesk.io.xlsx.export import export_xlsx

        return export_xlsx
    if kind == ".docx":
        from gkdesk.io.docx.export import export_docx

        return export_docx
    from gkdesk.io.gkr import save_gkr

    return save_gkr


def suffix_for(kind: str, index: int) -> str:
    return (".xlsx", ".docx", ".gkr")[index % 3] if kind == MIXED else kind


def unit_name(index: int) -> str:
    return f"第{index + 1:04d}号镇人民政府"


def generate_returns(count: int, kind: str = KIND) -> Path:
    """A folder of `count` returned reports (balanced, one per unit), made once and cached."""
    from tests.rollup.returns import balanced_values, filled_report

    folder = CACHE / f"{kind.strip('.')}-v{GENERATOR_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        suffix = suffix_for(kind, index)
        export = _exporter(suffix)
        path = folder / f"{index:04d}{suffix}"
        if not path.exists():
            values = balanced_values(index)
            if index % 10 == 0:
                values = values | {"requests.new.natural": 99}  # every tenth return has an error
            export(filled_report(unit_name(index), values=values), path)
            if index % 500 == 499:
                print(f"  generated {index + 1}/{count}", file=sys.stderr)
    return folder


def files_for(count: int, kind: str = KIND) -> list[Path]:
    folder = generate_returns(count, kind)
    return [folder / f"{index:04d}{suffix_for(kind, index)}" for index in range(count)]


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(list_file: str, workers: int = 1) -> dict[str, float]:
    """Run in a fresh process: roll up the listed files and write the workbook; time and peak memory."""
    from gkdesk.io.open import read_report
    from gkdesk.rollup import roll_up, write_rollup_xlsx

    files = Path(list_file).read_text(encoding="utf-8").splitlines()
    read_report(files[0])  # warm: imports and spec loading are not the roll-up's cost
    baseline = _peak_rss_mb()
    start = time.perf_counter()
    result = roll_up(files, workers=workers)
    rolled = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        write_rollup_xlsx(result, Path(folder) / "汇总.xlsx")
    done = time.perf_counter()
    units = len(result.counted_rows)
    result.close()
    return {
        "units": units,
        "rollup_seconds": rolled - start,
        "export_seconds": done - rolled,
        "total_seconds": done - start,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _peak_rss_mb(),
    }


def measure(count: int, kind: str = KIND, workers: int = 1) -> dict[str, float]:
    """Roll up `count` returns in a fresh process (with `workers` reading processes)."""
    files = files_for(count, kind)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(map(str, files)))
    try:
        output = subprocess.run(
            [sys.executable, __file__, "--child", handle.name, str(workers)], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout
    finally:
        Path(handle.name).unlink()
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return figures


def per_file_split(count: int = 20, kind: str = KIND) -> tuple[float, float]:
    """Median ms per file of (read_report alone, the roll-up's own work: probe, checks, spooled summary).

    Measured side by side on the same files, so the split does not depend on the machine's load over time.
    """
    from gkdesk.checks import run_checks
    from gkdesk.io.open import read_report
    from gkdesk.rollup.export import is_rollup_workbook
    from gkdesk.rollup.record import spool_record

    files = files_for(count, kind)
    read_report(files[0])
    reads, own = [], []
    for path in files:
        start = time.perf_counter()
        report = read_report(path)
        read = time.perf_counter()
        is_rollup_workbook(path)
        spool_record(report, run_checks(report))
        reads.append(read - start)
        own.append(time.perf_counter() - read)
    return statistics.median(reads) * 1000, statistics.median(own) * 1000


def figures() -> dict[str, str]:
    small, large = (measure(count) for count in COUNTS)
    per_file_ms = large["rollup_seconds"] / large["units"] * 1000
    reader, own = per_file_split()
    workers = min(4, os.cpu_count() or 1)
    parallel = measure(COUNTS[1], workers=workers) if workers > 1 else None
    extra = {}
    if parallel is not None:
        extra[f"roll-up total, {COUNTS[1]} files, {workers} reading processes (rollup --jobs {workers})"] = (
            f"{parallel['total_seconds']:.1f} s"
        )
    return extra | {
        f"roll-up of {large['units']:.0f} {KIND} files (read + check + totals)": f"{large['rollup_seconds']:.1f} s",
        f"roll-up workbook export ({large['units']:.0f} units)": f"{large['export_seconds']:.2f} s",
        f"roll-up total, {COUNTS[1]} files (target < 20 s)": f"{large['total_seconds']:.1f} s",
        "roll-up per file": f"{per_file_ms:.1f} ms",
        f"read_report of one returned {KIND} (importer; median of 20)": f"{reader:.1f} ms",
        "roll-up's own work per file (probe, checks, summary; median of 20)": f"{own:.2f} ms",
        f"peak memory growth, {COUNTS[0]} files": f"{small['peak_rss_mb'] - small['baseline_rss_mb']:.1f} MB",
        f"peak memory growth, {COUNTS[1]} files": f"{large['peak_rss_mb'] - large['baseline_rss_mb']:.1f} MB",
        f"peak resident memory, {COUNTS[0]} / {COUNTS[1]} files": f"{small['peak_rss_mb']:.0f} / {large['peak_rss_mb']:.0f} MB",
    }


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]))))
    else:
        for name, value in figures().items():
            print(f"{name}: {value}")
