"""Check kind `fee_statement`: the fee section's text says, in one of the definition's keywords, whether fees were charged."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.kind import CheckKind
from gkdesk.checks.text import check_fee_statement


@dataclass(frozen=True)
class Params:
    section: str
    keywords: list[str]


KIND = CheckKind("fee_statement", Params, check_fee_statement)
