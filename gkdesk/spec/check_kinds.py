"""The check kinds a definition may name in `[[checks]]`. The kinds themselves (parameters, evaluation, Excel
formula rows) are defined in gkdesk/checks/kinds/, one module each; that package installs them here when it is
imported. The spec sits below the checks and does not import them: the first time the loader needs the kinds it
imports the package the program names (`gkdesk.CHECK_KINDS_PACKAGE`), so a definition is validated against them
whichever module loads it first, and `import gkdesk` stays light."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import gkdesk


class DefinedKind(Protocol):
    """What the loader needs of a check kind."""

    @property
    def name(self) -> str: ...

    @property
    def needs_previous(self) -> bool:
        """Whether the kind compares with last year's report."""
        ...

    def accepts(self) -> frozenset[str]:
        """The parameters a check of this kind may give besides id, severity, kind and text."""
        ...

    def validate(self, params: Mapping[str, Any], where: str) -> None:
        """Raise SpecError, located at `where`, when `params` do not suit the kind."""
        ...


_KINDS: dict[str, DefinedKind] = {}


def install_check_kinds(kinds: Iterable[DefinedKind]) -> None:
    """Make `kinds` known to the loader (a kind installed again replaces the earlier one of its name)."""
    for kind in kinds:
        _KINDS[kind.name] = kind


def _installed() -> dict[str, DefinedKind]:
    if not _KINDS:
        importlib.import_module(gkdesk.CHECK_KINDS_PACKAGE)
    return _KINDS


def defined_kind(name: str) -> DefinedKind | None:
    return _installed().get(name)


def defined_kinds() -> Mapping[str, DefinedKind]:
    return dict(_installed())
