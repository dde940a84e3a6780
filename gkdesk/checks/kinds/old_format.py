"""Check kind `old_format`: a report uses the edition its year's definition covers and cites the current format's notice."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.kind import CheckKind
from gkdesk.checks.text import check_old_format


@dataclass(frozen=True)
class Params:
    citation: str
    current_edition: str


KIND = CheckKind("old_format", Params, check_old_format)
