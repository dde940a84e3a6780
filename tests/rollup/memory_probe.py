"""Run in a fresh process by test_rollup_memory.py: what the roll-up of a folder costs the main process in
Python allocations (tracemalloc), as `rollup FOLDER -o 汇总.xlsx --jobs 2 --json` does it.

    python -m tests.rollup.memory_probe RUN FOLDER...   → one JSON line per folder: {"units", "kept", "book", "json"}

kept: memory the roll-up's result holds once every return is read; book and json: the peak above that while
the workbook and the JSON text are written. Each folder is rolled up twice and the second is measured (the
first loads what every roll-up loads). The reading itself happens in the worker processes, as with --jobs 2.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import tracemalloc
from pathlib import Path

from gkdesk.rollup import roll_up, spill, write_rollup_xlsx
from gkdesk.rollup.report_json import rollup_json_text


def measure(folder: Path, out: Path) -> dict[str, int]:
    gc.collect()
    gc.set_threshold(100, 2, 2)  # garbage collected often: what a peak shows is what is held, not what waits
    tracemalloc.start()
    try:
        result = roll_up([folder], workers=2)
        kept = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        write_rollup_xlsx(result, out)
        book = tracemalloc.get_traced_memory()[1] - kept
        tracemalloc.reset_peak()
        for _piece in rollup_json_text(result):
            pass
        text = tracemalloc.get_traced_memory()[1] - kept
        units = len(result.rows)
        result.close()
    finally:
        tracemalloc.stop()
        gc.set_threshold(700, 10, 10)
    return {"units": units, "kept": kept, "book": book, "json": text}


def main(arguments: list[str]) -> None:
    spill.RUN = int(arguments[0])  # runs as small as the smaller folder: the larger one is merged from several
    folders = [Path(argument) for argument in arguments[1:]]
    with tempfile.TemporaryDirectory() as temp:
        for folder in folders:
            measure(folder, Path(temp) / "warm.xlsx")
        for folder in folders:
            print(json.dumps(measure(folder, Path(temp) / "汇总.xlsx")))


if __name__ == "__main__":
    main(sys.argv[1:])
