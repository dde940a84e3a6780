"""main.py holds the cyclic collector back while the program's modules load — only in the program itself. A roll-up
with --jobs reads files in worker processes that start by re-running main.py (as "__mp_main__"); they must read
with the collector on, or every cycle a reader leaves behind (thousands of files) stays in memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.cli.test_process_exit import MAIN, environment
from tests.conftest import SAMPLE_GKR

PROBE = textwrap.dedent("""
    import gc, os

    def load_unit(path):
        from gkdesk.rollup.unit import load_unit as real_load_unit
        with open(os.environ["GC_STATE_FILE"], "a", encoding="utf-8") as out:
            out.write(f"{gc.isenabled()}\\n")
        return real_load_unit(path)
""")

RUN_ROLLUP = textwrap.dedent("""
    import runpy, sys
    import gkdesk.rollup.engine, gc_probe
    gkdesk.rollup.engine.load_unit = gc_probe.load_unit  # what the workers are sent (by name: they import it)
    sys.argv = [{main!r}, "rollup", {folder!r}, "--jobs", "2", "-o", {output!r}]
    runpy.run_path({main!r}, run_name="__main__")
""")


def test_roll_up_workers_read_with_the_collector_on(tmp_path: Path) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    for number in range(6):
        shutil.copy(SAMPLE_GKR, folder / f"unit{number}.gkr")
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "gc_probe.py").write_text(PROBE, encoding="utf-8")
    state = tmp_path / "gc-state.txt"
    env = environment(tmp_path)
    env.update(GC_STATE_FILE=str(state), PYTHONPATH=os.pathsep.join((str(MAIN.parent), str(probe))))
    script = RUN_ROLLUP.format(main=str(MAIN), folder=str(folder), output=str(tmp_path / "汇总.xlsx"))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = state.read_text(encoding="utf-8").split()
    assert seen == ["True"] * 6
