"""Work around PySide6 6.12's lost references to None (and True/False) on Python 3.11.

Some void methods of PySide6 6.12.0 (QTextLayout.beginLayout/endLayout, QTextLine.setPosition, QFont and
QPointF setters, …) return None without taking a reference to it, and some call paths do the same with True
and False. From Python 3.12 these objects are immortal and this is harmless; on 3.11 each such call drops
the reference count by one, and after some thousands of calls (laying out a report's pages makes tens of
thousands; a long session of the window as many) Python aborts with "deallocating None" or "deallocating
True or False". They are never freed, so giving them very large counts in advance makes them as immortal as
on newer Pythons.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40


def keep_none_alive() -> None:
    """Give None, True and False references for any number of such calls (CPython before 3.12 only)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for constant in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt is the first field of every object
        if count.value < _SPARE_REFERENCES:
            count.value += _SPARE_REFERENCES
