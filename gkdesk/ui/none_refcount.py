"""Work around PySide6 6.12's lost references to None on Python 3.11.

Some void methods of PySide6 6.12.0 (QTextLayout.beginLayout/endLayout, QTextLine.setPosition, QFont and
QPointF setters, …) return None without taking a reference to it. From Python 3.12 None is immortal and this
is harmless; on 3.11 each call drops None's reference count by one, and after some thousands of calls (laying
out a report's pages makes tens of thousands) Python aborts with "deallocating None". None is never freed, so
giving it a very large count in advance makes it as immortal as on newer Pythons.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40


def keep_none_alive() -> None:
    """Give None references for any number of such calls (CPython before 3.12 only; a no-op elsewhere)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if count.value < _SPARE_REFERENCES:
        count.value += _SPARE_REFERENCES
