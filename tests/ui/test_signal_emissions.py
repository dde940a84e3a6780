"""The window survives any number of signal emissions (PySide6 6.12 takes a reference from True per emit,
which gkdesk.ui.none_refcount makes harmless)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    emissions = sys.getrefcount(True) + 10_000  # more than True has references: aborts without the fix
    from PySide6.QtCore import QObject, Signal
    from gkdesk.ui.app import make_application
    class Source(QObject):
        fired = Signal(bool)
    make_application()
    source = Source()
    source.fired.connect(lambda on: None)
    for _ in range(emissions):
        source.fired.emit(True)
    print("ok")
    """
)


def test_many_emissions_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT))], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")
