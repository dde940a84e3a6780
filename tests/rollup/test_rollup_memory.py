"""Flat memory: the roll-up holds nothing per unit. Three times the units cost the main process the same Python
allocations (tracemalloc, in a fresh process, reading in worker processes as `rollup --jobs 2` does), within a
small bound per extra unit. Before the rows, the completeness lines and the workbook were kept in memory, the
roll-up grew by about 800 bytes per unit while reading and 550 while writing the workbook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gkdesk.io.gkr import save_gkr
from gkdesk.rollup.spill import spill_sorted
from tests.rollup.returns import balanced_values, filled_report

ROOT = Path(__file__).resolve().parents[2]
SMALL = 30
BYTES_PER_UNIT = {"kept": 300, "book": 400, "json": 400}  # measured: about 120, 230, 150


def _returns(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        save_gkr(filled_report(f"第{number}镇人民政府", values=balanced_values(number)), folder / f"{number}.gkr")
    return folder


def test_three_times_the_units_hold_the_same_memory(tmp_path: Path) -> None:
    small, large = _returns(tmp_path / "small", SMALL), _returns(tmp_path / "large", 3 * SMALL)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    probe = [sys.executable, "-m", "tests.rollup.memory_probe", str(SMALL), str(small), str(large)]
    done = subprocess.run(probe, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert (first["units"], second["units"]) == (SMALL, 3 * SMALL)
    extra = second["units"] - first["units"]
    growth = {name: (second[name] - first[name]) / extra for name in BYTES_PER_UNIT}
    assert all(growth[name] <= bound for name, bound in BYTES_PER_UNIT.items()), growth


def test_spill_sorted_orders_in_runs_and_keeps_ties_in_order() -> None:
    items = [([number % 7, "甲" if number % 2 else "乙"], number) for number in range(50)]
    assert list(spill_sorted(iter(items), run_size=4)) == [value for _key, value in sorted(items, key=lambda item: item[0])]
    assert list(spill_sorted(iter([]), run_size=4)) == []


def test_spill_sorted_keeps_text_as_it_was() -> None:
    names = ["\udcff坏名.gkr", "第10镇", "第2镇", "a\nb"]
    assert list(spill_sorted(((name, name) for name in names), run_size=2)) == sorted(names)
