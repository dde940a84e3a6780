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
