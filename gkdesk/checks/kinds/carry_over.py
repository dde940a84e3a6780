"""Check kind `carry_over`: per column, this year's 上年结转 equals last year's 结转下年度继续办理."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.cross_year import check_carry_over
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    row: str
    previous_row: str


KIND = CheckKind("carry_over", Params, check_carry_over, needs_previous=True)
