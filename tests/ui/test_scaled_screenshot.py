"""1920×1080 at 150 % scaling (1280×720 logical): the screenshot command renders every page at the physical size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.conftest import ROOT, SAMPLE_GKR


def test_screenshots_at_150_percent(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5",
           "GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(SAMPLE_GKR), "--screenshot", str(tmp_path / "shots"),
         "--size", "1280x720"],
        env=env, capture_output=True, text=True, timeout=180, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    printed = [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    assert len(printed) == 7
    for path in printed:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1920, 1080)  # physical pixels of 1280×720 logical
