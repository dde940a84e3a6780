"""Export figures for bench.py: Word and Excel export of the sample, and reading them back (target < 0.5 s)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gkdesk.io.docx_export import docx_bytes, export_docx
from gkdesk.io.embedded import read_own_docx, read_own_xlsx
from gkdesk.io.gkr import load_gkr
from gkdesk.io.xlsx_export import export_xlsx, xlsx_bytes

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "tongxin-2021.gkr"


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def figures() -> dict[str, str]:
    report = load_gkr(SAMPLE)
    result = {
        "export .docx of the sample (median of 10)": f"{_median_ms(lambda: docx_bytes(report), 10):.0f} ms",
        "export .xlsx of the sample (median of 10)": f"{_median_ms(lambda: xlsx_bytes(report), 10):.0f} ms",
    }
    with tempfile.TemporaryDirectory() as folder:
        docx_path, xlsx_path = Path(folder) / "s.docx", Path(folder) / "s.xlsx"
        export_docx(report, docx_path)
        export_xlsx(report, xlsx_path)
        result["reopen own .docx with edit check (median of 10)"] = (
            f"{_median_ms(lambda: read_own_docx(docx_path), 10):.0f} ms"
        )
        result["reopen own .xlsx with edit check (median of 10)"] = (
            f"{_median_ms(lambda: read_own_xlsx(xlsx_path), 10):.0f} ms"
        )
    return result


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
