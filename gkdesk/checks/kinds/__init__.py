"""The registry of check kinds: every module of this package defines one kind as `KIND`. Importing the package
installs them in the definition loader (gkdesk.spec.check_kinds); the engine and the .xlsx 校验 sheet read them
here. Adding a kind is adding a module."""

from __future__ import annotations

import importlib
import pkgutil

from gkdesk.checks.kind import CheckKind
from gkdesk.spec.check_kinds import install_check_kinds


def _discover() -> dict[str, CheckKind]:
    kinds: dict[str, CheckKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        kind = getattr(importlib.import_module(f"{__name__}.{info.name}"), "KIND", None)
        if isinstance(kind, CheckKind):
            kinds[kind.name] = kind
    return kinds


KINDS: dict[str, CheckKind] = _discover()
install_check_kinds(KINDS.values())

