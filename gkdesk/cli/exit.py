"""How the program ends: at once, once everything it wrote is out.

Tearing down every module and Qt object one by one at interpreter exit costs a short command or a window's
start-and-quit a sixth of its CPU, writes nothing the user needs, and is where PySide6 6.12 on Python 3.11 can
abort ("deallocating None"). So the program flushes its output, runs the exit handlers (logging, temporary
folders left to finalizers) and leaves. Whatever must outlive the process is written before this: reports are
saved atomically with fsync, preferences are synced when the window closes.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn


def exit_now(code: int) -> NoReturn:
    """End the process with `code` without the interpreter's teardown. As at a normal exit, Python threads still
    working are waited for first (threading's own shutdown: executors stopped, then non-daemon threads joined),
    then the exit handlers run. Qt's threads are the window's to end before its event loop returns."""
    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (`check … | head`) or a closed stream: nothing more can be said
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
