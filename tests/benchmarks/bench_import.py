"""Import figures: reading foreign and own .docx/.xlsx. `figures()` returns named figures for bench.py."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TONGXIN = ROOT / "tests" / "fixtures" / "tongxin-2021-report.docx"
SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"

_COLD = """
import sys, time
sys.path.insert(0, {root!r})
from gkdesk.io.open import read_report
start = time.perf_counter()
read_report({path!r})
print(time.perf_counter() - start)
"""


def cold_read_s(path: Path) -> float:
    """Seconds for the first read in a fresh process (no warm caches; imports excluded)."""
    code = _COLD.format(root=str(ROOT), path=str(path))
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(output.strip().splitlines()[-1])


def warm_read_ms(path: Path, runs: int = 20) -> float:
    from gkdesk.io.open import read_report

    read_report(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_report(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def figures() -> dict[str, str]:
    from gkdesk.io.docx.export import export_docx
    from gkdesk.io.gkr import load_gkr
    from gkdesk.io.xlsx.export import export_xlsx
    from tests.io.docx_variants import Variant, build_docx
    from tests.io.xlsx_variants import build_xlsx

    result = {
        "foreign .docx read, Tongxin, fresh process (target < 0.3 s)": f"{cold_read_s(TONGXIN):.3f} s",
        "foreign .docx read, Tongxin, warm (median of 20)": f"{warm_read_ms(TONGXIN):.1f} ms",
    }
    with tempfile.TemporaryDirectory() as folder:
        messy = Path(folder) / "messy.docx"
        build_docx(messy, Variant(merge="repeat", halfwidth=True, spaces=True, altered_headers=True,
                                  fullwidth_digits=True, padding=True, split_requests_at=20))
        result["foreign .docx read, every disfigurement, fresh process"] = f"{cold_read_s(messy):.3f} s"
        sheet = Path(folder) / "foreign.xlsx"
        build_xlsx(sheet)
        result["foreign .xlsx read, fresh process"] = f"{cold_read_s(sheet):.3f} s"
        report = load_gkr(SAMPLE)
        own_docx, own_xlsx = Path(folder) / "own.docx", Path(folder) / "own.xlsx"
        export_docx(report, own_docx)
        export_xlsx(report, own_xlsx)
        result["own .docx read (embedded data + hand-edit scan), fresh process"] = f"{cold_read_s(own_docx):.3f} s"
        result["own .xlsx read (embedded data + hand-edit scan), fresh process"] = f"{cold_read_s(own_xlsx):.3f} s"
    return result


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
