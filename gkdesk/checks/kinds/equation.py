"""Check kind `equation`: per line (row or column) of a table, the sum of the left terms equals the sum of the right terms."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.arithmetic import check_equation
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    per: str
    left: list[str]
    right: list[str]
    left_name: str | None = None
    right_name: str | None = None


KIND = CheckKind("equation", Params, check_equation)
