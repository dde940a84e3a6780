"""A kill at any moment of `import … -o OUT.gkr` leaves OUT.gkr and OUT.gkr.bak whole (temp, fsync, replace)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gkdesk.io.gkr import load_gkr
from tests.conftest import SAMPLE_GKR
from tests.io.kill_import import kill_imports

KILLS = 50  # tests/benchmarks/bench_hostile.py kills many more


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_imports_never_leave_a_damaged_file(tmp_path: Path) -> None:
    output = tmp_path / "out.gkr"
    run = kill_imports(SAMPLE_GKR, output, KILLS)
    assert run.kills == KILLS
    assert run.damaged == []
    load_gkr(output)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert all(p.startswith(".out.gkr") for p in leftovers)  # a kill mid-write may leave a temporary, never more
