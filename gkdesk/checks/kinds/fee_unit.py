"""Check kind `fee_unit`: a fee far larger than plausible for the organ's level was probably typed in 元, not 万元."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.cells import check_fee_unit
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    row: str
    column: str


KIND = CheckKind("fee_unit", Params, check_fee_unit)
