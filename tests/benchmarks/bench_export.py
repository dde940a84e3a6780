"""Export figures for bench.py: Word and Excel export of the sample, and reading them back (target < 0.5 s)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # also runnable as `python3 tests/benchmarks/bench_export.py`

from gkdesk.io.docx.export import docx_bytes, export_docx  # noqa: E402
from gkdesk.io.gkr import load_gkr  # noqa: E402
from gkdesk.io.own.embedded import read_own_docx, read_own_xlsx  # noqa: E402
from gkdesk.io.xlsx.export import export_xlsx, xlsx_bytes  # noqa: E402
from gkdesk.model import Report  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"




def _report_2020() -> Report:
    """A 2020 report in the 2019 edition, every cell filled."""
    report = Report.new(2020, "测试县")
    for cell in report.spec.input_cells:
        report.values[cell.key] = 1
    return report


def figures() -> dict[str, str]:
    report = load_gkr(SAMPLE)
    old = _report_2020()
    result = {
        "export .docx of the sample (median of 10)": f"{median_ms(lambda: docx_bytes(report), 10):.0f} ms",
        "export .xlsx of the sample (median of 10)": f"{median_ms(lambda: xlsx_bytes(report), 10):.0f} ms",
        "export .docx of a 2020 report, 2019 edition (median of 10)": f"{median_ms(lambda: docx_bytes(old), 10):.0f} ms",
        "export .xlsx of a 2020 report, 2019 edition (median of 10)": f"{median_ms(lambda: xlsx_bytes(old), 10):.0f} ms",
    }
    with tempfile.TemporaryDirectory() as folder:
        docx_path, xlsx_path = Path(folder) / "s.docx", Path(folder) / "s.xlsx"
        export_docx(report, docx_path)
        export_xlsx(report, xlsx_path)
        result["reopen own .docx with edit check (median of 10)"] = (
            f"{median_ms(lambda: read_own_docx(docx_path), 10):.0f} ms"
        )
        result["reopen own .xlsx with edit check (median of 10)"] = (
            f"{median_ms(lambda: read_own_xlsx(xlsx_path), 10):.0f} ms"
        )
    return result


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
