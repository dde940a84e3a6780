"""Make PySide6's question to every imported module cheap.

Once PySide6 is loaded it asks each module imported afterwards whether it uses PySide6 (for its
`from __feature__ import …` switches, which gkdesk does not use). PySide6 6.12 answers by reading the module's
source through inspect.getsource (linecache and tokenize): about 0.1 ms a module, a tenth of the window's start.
The same answer is read here from the file's bytes. Modules without a .py file keep PySide6's own answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if not (isinstance(file, str) and file.endswith(".py")):
            return original(module)
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # what inspect.getsource says of a module whose source cannot be read
            return False

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside


def read_feature_use_from_bytes() -> None:
    """Replace PySide6's source reader (once); nothing happens where PySide6 has no such reader."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "reads_bytes", False):
        return
    feature._mod_uses_pyside = _reading_bytes(original)  # type: ignore[attr-defined]
