"""`python main.py FILE --screenshot DIR [--size WxH]` renders every page to PNG and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.conftest import ROOT, SAMPLE_GKR


def test_screenshot_command_renders_every_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(SAMPLE_GKR), "--screenshot", str(tmp_path / "shots"),
         "--size", "1366x700"],
        env=env, capture_output=True, text=True, timeout=120, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    printed = [Path(line) for line in result.stdout.splitlines() if line.endswith(".png")]
    assert [p.name for p in printed] == [
        "00-basic.png", "01-overview.png", "02-proactive.png", "03-requests.png",
        "04-appeals.png", "05-problems.png", "06-other.png",
    ]
    for path in printed:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 700)  # a 1366×768 laptop screen less taskbar and title
    assert not list((tmp_path / "recovery").glob("*"))  # nothing left to "recover" after a screenshot run
