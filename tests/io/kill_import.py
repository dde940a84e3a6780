"""Kill `main.py import FILE -o OUT.gkr` at random moments and check OUT.gkr and its backup are always whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import load_gkr
from tests.conftest import ROOT


@dataclass
class KillRun:
    kills: int = 0
    finished: int = 0  # runs that ended before the kill came
    damaged: list[str] = field(default_factory=list)


def _whole(path: Path) -> bool:
    try:
        load_gkr(path)
    except ReportFileError:
        return False
    return True


def kill_imports(source: Path, output: Path, kills: int, seed: int = 1) -> KillRun:
    """Start the import `kills` times, each killed (SIGKILL) after a random delay within one run's length."""
    command = [sys.executable, str(ROOT / "main.py"), "import", str(source), "-o", str(output)]
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    subprocess.run(command, capture_output=True, check=True, env=environment)  # a first whole file and its length
    length = time.monotonic() - started
    randomness = random.Random(seed)
    run = KillRun()
    missed = 0  # runs in a row that ended before the kill came
    while run.kills < kills:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
        time.sleep(randomness.uniform(0.5, 1.0) * length)  # most of a run is start-up: aim at its end
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            run.kills += 1
            missed = 0
        else:
            run.finished += 1
            missed += 1
            if missed >= 3:  # runs got faster than the first one (a machine less busy now): aim earlier
                length *= 0.8
                missed = 0
        process.wait()
        for path in (output, output.with_name(output.name + ".bak")):
            if path.exists() and not _whole(path):
                run.damaged.append(f"{path.name} after kill {run.kills}")
    return run
