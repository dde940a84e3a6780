"""The check kinds a definition may name in `[[checks]]`. The kinds themselves (parameters, evaluation, Excel
formula rows) are classes of gkdesk/checks/kinds/, one module each; that package installs them here when it is
imported, so the loader validates every check against them without the spec importing the checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol


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


def defined_kind(name: str) -> DefinedKind | None:
    return _KINDS.get(name)


def defined_kinds() -> Mapping[str, DefinedKind]:
    return dict(_KINDS)
