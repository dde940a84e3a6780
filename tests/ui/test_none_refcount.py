"""PySide6 6.12 on Python 3.11 loses a reference to None per call of some void methods; gkdesk.ui guards it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CALLS = """
from PySide6.QtCore import QPointF
point = QPointF()
for _ in range(200_000):
    point.setX(1.0)
print("ok")
"""


def test_many_void_calls_do_not_abort_python() -> None:
    code = "import gkdesk.ui\n" + CALLS
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]


def test_true_and_false_are_kept_alive_too() -> None:
    code = "import sys\nimport gkdesk.ui\nprint(min(sys.getrefcount(c) for c in (None, True, False)) > 2**39)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    expected = "True" if sys.version_info < (3, 12) else result.stdout.strip()
    assert result.returncode == 0 and result.stdout.strip() == expected, result.stderr[-500:]
