"""Autosave has an upper bound: work typed without a pause is in the recovery file within the bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog

from gkdesk.ui.basic_page import BasicInfoPage
from gkdesk.ui.page_stack import BASIC_KEY
from gkdesk.ui.recovery import DEFAULT_BOUND_MS, DEFAULT_DELAY_MS
from tests.conftest import ROOT

KEY_INTERVAL_MS = 300  # one key every 0.3 s: the 3 s pause autosave used to wait for never comes
TYPING_MS = DEFAULT_BOUND_MS + 2500

# A window in its own process with the program's own autosave timings: type into 机关名称 without pausing,
# then die (no closeEvent, no clean-up) while still typing.
TYPE_AND_DIE = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtTest import QTest
    from gkdesk.ui.app import make_application
    QStandardPaths.setTestModeEnabled(True)
    app = make_application()
    from gkdesk.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    organ = window.page_stack.pages["basic"].organ
    organ.setFocus()
    def key():
        QTest.keyClicks(organ, "a")
    typing = QTimer(); typing.timeout.connect(key); typing.start({interval})
    QTimer.singleShot({typing_ms}, lambda: os._exit(9))  # killed mid-typing
    QTimer.singleShot(60000, lambda: os._exit(3))
    app.exec()
    """
)


def _organ_field(window: Any) -> Any:
    page = window.page_stack.pages[BASIC_KEY]
    assert isinstance(page, BasicInfoPage)
    return page.organ


def test_continuous_typing_is_saved_within_the_bound(qtbot: Any, make_window: Any) -> None:
    assert DEFAULT_BOUND_MS <= 10_000
    window = make_window(autosave_ms=DEFAULT_DELAY_MS)
    organ = _organ_field(window)
    window.activateWindow()
    organ.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle(), timeout=2000)
    qtbot.wait(200)  # let the activation settle: from here on only the timers can save
    start = time.monotonic()
    written_at = None
    while time.monotonic() - start < TYPING_MS / 1000:
        qtbot.keyClicks(organ, "b")
        qtbot.wait(KEY_INTERVAL_MS)
        if written_at is None and window.autosaver.file.exists():
            written_at = time.monotonic() - start
    assert written_at is not None, "nothing was autosaved while typing"
    assert written_at <= DEFAULT_BOUND_MS / 1000 + 1.0
    saved = json.loads(window.autosaver.file.read_text(encoding="utf-8"))["report"]["organ"]
    assert saved and set(saved) == {"b"}


def test_focus_leaving_for_a_dialog_saves_at_once(qtbot: Any, make_window: Any) -> None:
    window = make_window(autosave_ms=DEFAULT_DELAY_MS)
    organ = _organ_field(window)
    organ.setFocus()
    qtbot.keyClicks(organ, "c")
    assert not window.autosaver.file.exists()
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not window.windowHandle(), timeout=2000)
    qtbot.waitUntil(window.autosaver.file.exists, timeout=1000)  # long before the 3 s pause


def test_export_saves_the_recovery_file_first(qtbot: Any, make_window: Any) -> None:
    window = make_window(autosave_ms=60_000)
    qtbot.keyClicks(_organ_field(window), "d")
    assert window.document.dirty and not window.autosaver.file.exists()
    asked: list[bool] = []
    exports = window.exports
    exports.confirm_errors = lambda _text: False  # type: ignore[method-assign]
    exports.choose_path = lambda _suffix, _suggested: asked.append(True) and None  # type: ignore[method-assign]
    assert exports.export(".docx") is None  # answered 不导出 / no file chosen
    assert window.autosaver.file.exists()


def test_killed_while_typing_recovers_the_typed_work(isolated: Path, make_window: Any, prompts: Any) -> None:
    script = TYPE_AND_DIE.format(root=str(ROOT), interval=KEY_INTERVAL_MS, typing_ms=TYPING_MS)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKDESK_RECOVERY_DIR": str(isolated)}
    result = subprocess.run([sys.executable, "-c", script], env=env, timeout=90, capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    prompts.script("recovery", "restore")
    window = make_window()
    assert window.offer_recovery()
    typed_within_bound = (DEFAULT_BOUND_MS - 1000) // KEY_INTERVAL_MS
    assert set(window.report.organ) == {"a"} and len(window.report.organ) >= typed_within_bound
