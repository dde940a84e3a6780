"""Never lose work: autosave, a killed process, and the offer to recover at the next start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from gkdesk.io.gkr import report_to_dict
from gkdesk.model import Report
from gkdesk.ui.recovery import SUFFIX, find_recovered
from tests.conftest import ROOT
from tests.ui.helpers import type_in_cell

# A window in a separate process: type into table 三, wait for the autosave, then die without closing.
EDIT_AND_DIE = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QSettings, QStandardPaths, QTimer
    from gkdesk.ui.app import make_application
    QStandardPaths.setTestModeEnabled(True)
    app = make_application()
    from gkdesk.ui.main_window import MainWindow
    window = MainWindow(autosave_ms=100)
    window.show()
    grid = window.page_stack.table_page("requests").grid
    grid.model().setData(grid.grid_model.index_of("requests.new.natural"), "42")
    window.report.set_field("organ", "某某镇人民政府")
    def die():
        if list(window.autosaver.file.parent.glob("*{suffix}")):
            os._exit(9)  # like a power cut: no closeEvent, no clean-up
    timer = QTimer(); timer.timeout.connect(die); timer.start(50)
    QTimer.singleShot(10000, lambda: os._exit(3))
    app.exec()
    """
)


def test_autosave_kill_restart_and_recover(isolated: Path, make_window: Any, prompts: Any) -> None:
    script = EDIT_AND_DIE.format(root=str(ROOT), suffix=SUFFIX)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKDESK_RECOVERY_DIR": str(isolated)}
    result = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    assert len(list(isolated.glob(f"*{SUFFIX}"))) == 1

    prompts.script("recovery", "restore")
    window = make_window()
    assert window.offer_recovery()
    question = prompts.asked[0][1]
    assert "某某镇人民政府" in question and "自动保存时间" in question
    assert window.report.value("requests.new.natural") == 42
    assert window.report.organ == "某某镇人民政府"
    assert window.isWindowModified()  # recovered work is not saved yet
    # the old recovery file is gone; this session keeps its own until saved or closed
    assert sorted(isolated.glob(f"*{SUFFIX}")) == [window.autosaver.file]
    assert find_recovered() == []  # and nobody else is offered it while this window runs


def test_discarding_a_recovered_report_needs_the_answer(isolated: Path, qtbot: Any, make_window: Any, prompts: Any) -> None:
    first = make_window(autosave_ms=20)
    type_in_cell(qtbot, first, "requests.new.natural", "5")
    qtbot.waitUntil(lambda: first.autosaver.file.exists(), timeout=3000)
    data = json.loads(first.autosaver.file.read_text(encoding="utf-8"))
    assert data["report"]["values"]["requests"]["new"]["natural"] == 5
    first.autosaver.file.rename(isolated / f"crashed{SUFFIX}")  # as if left by a dead process

    prompts.script("recovery", "later")
    second = make_window()
    assert not second.offer_recovery()
    assert (isolated / f"crashed{SUFFIX}").exists()  # "以后再说" keeps it
    prompts.script("recovery", "discard")
    prompts.script("confirm", False)  # 确认丢弃？ — no
    assert not second.offer_recovery()
    assert (isolated / f"crashed{SUFFIX}").exists()
    prompts.script("recovery", "discard")
    prompts.script("confirm", True)
    assert not second.offer_recovery()
    assert not (isolated / f"crashed{SUFFIX}").exists()


def test_autosave_goes_away_after_saving(isolated: Path, tmp_path: Path, qtbot: Any, make_window: Any, prompts: Any) -> None:
    window = make_window(autosave_ms=20)
    type_in_cell(qtbot, window, "requests.new.natural", "5")
    qtbot.waitUntil(lambda: window.autosaver.file.exists(), timeout=3000)
    assert window.autosaver.file.parent == isolated  # the recovery folder, not beside the report
    prompts.script("save_as", str(tmp_path / "r.gkr"))
    assert window.files.save()
    assert not window.autosaver.file.exists()


def test_a_running_windows_autosave_is_not_offered_to_another(qtbot: Any, make_window: Any, prompts: Any) -> None:
    first = make_window(autosave_ms=20)
    type_in_cell(qtbot, first, "requests.new.natural", "5")
    qtbot.waitUntil(lambda: first.autosaver.file.exists(), timeout=3000)
    second = make_window()
    assert not second.offer_recovery()  # no prompt: the first window is alive and owns its file
    assert prompts.asked == []


def test_damaged_recovery_files_are_skipped(isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    report = report_to_dict(Report.new(2021))
    damaged = [
        [1, 2],
        {"kind": "gkdesk-recovery", "saved_at": 5, "path": None, "report": report},
        {"kind": "gkdesk-recovery", "saved_at": "2022-01-01T00:00:00", "path": 7, "report": report},
    ]
    for number, data in enumerate(damaged):
        (isolated / f"damaged-{number}{SUFFIX}").write_text(json.dumps(data), encoding="utf-8")
    (isolated / f"truncated{SUFFIX}").write_text("{", encoding="utf-8")
    assert find_recovered() == []
    data = {"kind": "gkdesk-recovery", "saved_at": "2022-01-01T00:00:00", "path": None, "report": report}
    (isolated / f"good{SUFFIX}").write_text(json.dumps(data), encoding="utf-8")
    assert [r.file.name for r in find_recovered()] == [f"good{SUFFIX}"]
