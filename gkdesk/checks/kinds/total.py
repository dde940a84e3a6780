"""Check kind `total`: a total the report states equals the sum of its parts (the definition's total column or row)."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.arithmetic import check_total
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    column: str | None = None
    row: str | None = None
    parts_name: str | None = None


KIND = CheckKind("total", Params, check_total)
