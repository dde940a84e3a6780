"""Check kind `in_force`: 现行有效件数 equals last year's plus issued minus repealed, within a tolerance."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.cross_year import check_in_force
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    rows: list[str]
    in_force: str
    issued: str
    repealed: str
    previous_in_force: list[str]
    tolerance: int = 0


KIND = CheckKind("in_force", Params, check_in_force, needs_previous=True)
