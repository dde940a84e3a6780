"""`--screenshot` opens files as 打开 does, bounds its size, stays quiet in Chinese; no display, no abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gkdesk.ui.screenshot import open_unattended
from tests.conftest import ROOT, SAMPLE_GKR
from tests.helpers import hand_edited_docx

PAGES = 7


def _main(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"),
            "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], env=env or base, capture_output=True, text=True,
        timeout=120, encoding="utf-8",
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are Linux's")
def test_no_display_says_how_to_run_and_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = _main(tmp_path, str(SAMPLE_GKR), env=env)
    assert result.returncode == 2
    assert "没有显示器" in result.stderr and "xvfb-run -a" in result.stderr and "--screenshot" in result.stderr
    assert "qt." not in result.stderr.lower() and "Aborted" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are Linux's")
def test_screenshot_without_a_display_still_works_quietly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    template = tmp_path / "t.gkt"
    made = _main(tmp_path, "template", "--year", "2025", "--issuer", "某某县人民政府办公室", "-o", str(template))
    assert made.returncode == 0, made.stderr
    result = _main(tmp_path, str(template), "--screenshot", str(tmp_path / "shots"), env=env)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) == PAGES
    assert result.stderr == ""  # no "This plugin does not support propagateSizeHints()" or other Qt notes


@pytest.mark.parametrize("size", ["99999x99999", "100x100", "8000x600", "1366x5000"])
def test_an_unreasonable_size_is_refused_in_chinese(tmp_path: Path, size: str) -> None:
    result = _main(tmp_path, str(SAMPLE_GKR), "--screenshot", str(tmp_path / "shots"), "--size", size)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"窗口大小“{size}”超出范围：宽应在 320 至 7680 之间，高应在 240 至 4320 之间，例如 1366x700"
    )
    assert not list((tmp_path / "shots").glob("*.png"))


def test_a_hand_edited_export_is_shot_with_its_warnings(tmp_path: Path) -> None:
    result = _main(tmp_path, str(hand_edited_docx(tmp_path)), "--screenshot", str(tmp_path / "shots"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "此文件由 gkdesk 导出，导出后有 1 处被手工修改（已按现值读入，列为警告）"
    assert len(list((tmp_path / "shots").glob("*.png"))) == PAGES


def test_unattended_opening_keeps_hand_edits_as_warnings(make_window: Any, tmp_path: Path) -> None:
    window = make_window()
    assert open_unattended(window, hand_edited_docx(tmp_path)) is None
    assert window.document.report.values  # the report was read
    hand_edits = [f for f in window.document.findings if f.rule == "import.hand_edit"]
    assert hand_edits and "29103" in hand_edits[0].message
    assert "警告" in window.findings_panel.summary.text()


def test_unattended_opening_of_a_template_starts_a_new_report(make_window: Any, tmp_path: Path) -> None:
    template = tmp_path / "t.gkt"
    made = _main(tmp_path, "template", "--year", "2025", "--issuer", "某某县人民政府办公室", "-o", str(template))
    assert made.returncode == 0, made.stderr
    window = make_window()
    assert open_unattended(window, template) is None
    assert window.document.report.year == 2025 and window.document.path is None


def test_unattended_opening_of_a_broken_file_says_why(make_window: Any, tmp_path: Path) -> None:
    broken = tmp_path / "坏.gkt"
    broken.write_text("{", encoding="utf-8")
    window = make_window()
    assert "坏.gkt" in (open_unattended(window, broken) or "")


def test_a_screenshot_run_leaves_the_users_settings_alone(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "gkdesk" / "gkdesk.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[findings]\nheight=500\n", encoding="utf-8")
    tall = _main(tmp_path, str(SAMPLE_GKR), "--screenshot", str(tmp_path / "tall"), "--size", "1366x4320")
    assert tall.returncode == 0, tall.stderr
    assert settings.read_text(encoding="utf-8") == "[findings]\nheight=500\n"  # not the tall window's panel
    assert sorted(p.name for p in settings.parent.iterdir()) == ["gkdesk.conf"]
