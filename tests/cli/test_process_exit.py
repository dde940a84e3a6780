"""The program leaves without the interpreter's teardown (gkdesk/cli/exit.py): whatever it wrote is out first —
its standard output in full, its exit code, and the window's preferences."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_GKR

MAIN = ROOT / "main.py"


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), GKDESK_RECOVERY_DIR=str(home / "recovery"),
               QT_QPA_PLATFORM="offscreen")
    return env


def test_a_long_output_arrives_whole_through_a_pipe_with_the_exit_code(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(MAIN), "check", str(SAMPLE_GKR), "--json"], env=environment(tmp_path),
                            capture_output=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    report = json.loads(result.stdout.decode("utf-8"))  # a truncated output would not parse
    assert report["findings"] is not None
    failing = tmp_path / "空.gkr"
    failing.write_bytes(b"")
    refused = subprocess.run([sys.executable, str(MAIN), "check", str(failing)], env=environment(tmp_path),
                             capture_output=True, timeout=120)
    assert refused.returncode not in (0, -6) and "空.gkr" in refused.stderr.decode("utf-8")


# main.py opened on the sample; once its window is shown, `action` runs on it (`window`), then it is closed.
WINDOW_THEN = """
import gc, runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])

def act_and_close():
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    if not windows:
        QTimer.singleShot(50, act_and_close)
        return
    window = windows[0]
    {action}
    window.close()

QTimer.singleShot(0, act_and_close)
sys.argv = [{main!r}, {sample!r}]
runpy.run_path({main!r}, run_name="__main__")
"""


def run_window_then(action: str, home: Path) -> subprocess.CompletedProcess[str]:
    script = WINDOW_THEN.format(action=action, main=str(MAIN), sample=str(SAMPLE_GKR))
    result = subprocess.run([sys.executable, "-c", script], env=environment(home), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_the_windows_preferences_are_written_before_it_leaves(tmp_path: Path) -> None:
    run_window_then("window.resize(1111, 700)", tmp_path)
    settings = list((tmp_path / "config").rglob("*.conf")) + list((tmp_path / "config").rglob("*.ini"))
    text = "".join(path.read_text(encoding="utf-8", errors="replace") for path in settings)
    assert "geometry=" in text and "recent_files" in text, settings


def test_a_verb_runs_with_the_collector_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """main.py holds the cyclic collector back while the modules load; a verb (a roll-up of thousands of files)
    runs with it on."""
    from gkdesk.cli import main

    seen: list[bool] = []
    monkeypatch.setattr("gkdesk.cli.check.run", lambda args: seen.append(gc.isenabled()) or 0, raising=False)
    gc.disable()
    try:
        main(["check", str(SAMPLE_GKR)])
    finally:
        gc.enable()
    assert seen == [True]


def test_the_window_runs_with_the_collector_on_and_what_the_start_built_frozen(tmp_path: Path) -> None:
    result = run_window_then('print("collector", gc.isenabled(), gc.get_freeze_count() > 10000, flush=True)', tmp_path)
    assert "collector True True" in result.stdout


def test_work_in_another_thread_is_finished_before_the_program_leaves(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, threading, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from gkdesk.cli.exit import exit_now

        def work():
            time.sleep(0.3)
            Path({str(tmp_path / "done")!r}).write_text("whole", encoding="utf-8")

        threading.Thread(target=work).start()
        exit_now(3)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert (tmp_path / "done").read_text(encoding="utf-8") == "whole"


def test_closing_the_window_during_a_roll_up_ends_the_roll_up_first(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    for number in range(200):
        (returns / f"{number:03d}.gkr").write_bytes(SAMPLE_GKR.read_bytes())
    action = (
        f"dialog = window.rollups.open_dialog(); dialog.set_sources([{str(returns)!r}]); dialog.start(); "
        "worker = dialog.worker; print('running', dialog.running(), flush=True); window.close(); "
        "print('after close', worker.isFinished(), flush=True)"
    )
    result = run_window_then(action, tmp_path)
    assert "running True" in result.stdout and "after close True" in result.stdout
    assert "QThread" not in result.stderr and "Destroyed" not in result.stderr
