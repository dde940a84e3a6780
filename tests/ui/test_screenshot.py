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


def _screenshot(tmp_path: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(SAMPLE_GKR), "--screenshot", str(folder)],
        env=env, capture_output=True, text=True, timeout=120, encoding="utf-8",
    )


def test_screenshot_onto_an_existing_file_says_so(tmp_path: Path) -> None:
    occupied = tmp_path / "shots"
    occupied.write_text("x", encoding="utf-8")
    result = _screenshot(tmp_path, occupied)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and f"无法保存截图：{occupied} 是文件，不是文件夹" in result.stderr


def test_screenshot_into_an_unwritable_folder_says_so(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        # as root write permission cannot be taken away: /proc is a folder where no one can create one
        target = Path("/proc/gkdesk-screenshots") if os.access(locked, os.W_OK) else locked / "shots"
        result = _screenshot(tmp_path, target)
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "无法保存截图" in result.stderr and str(target) in result.stderr
