"""Work around defects of the installed PySide6 that would crash the window.

PySide6 6.12 (with Python before 3.12) returns `True` from `SignalInstance.emit()` without taking a new
reference to it: every signal emitted from Python code takes one reference away from the `True` singleton.
After a few thousand emissions (a few hundred edits in the window) its count reaches zero and the
interpreter aborts with “bool_dealloc: deallocating True or False”. The singleton is never freed, so the
defect is neutralised by giving it a reserve of references that no session can use up.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

PROBES = 16
RESERVE = 1 << 40  # references given to True; one emission uses one
_protected: list[bool] = []  # once per process


class _Probe(QObject):
    fired = Signal()


def emit_steals_true() -> bool:
    """True if emitting a signal from Python takes a reference from `True` (the PySide6 6.12 defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBES):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def protect_true_from_emit() -> bool:
    """Give `True` a reserve of references when this PySide6 needs it; returns whether it did."""
    if _protected:
        return _protected[0]
    needed = sys.implementation.name == "cpython" and emit_steals_true()
    if needed:
        # ob_refcnt is the first field of every CPython object (3.11: a plain Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(True)).value += RESERVE
    _protected.append(needed)
    return needed
