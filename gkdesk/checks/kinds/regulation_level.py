"""Check kind `regulation_level`: organs below 设区的市 level make no 规章: the row should be 0."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.cells import check_regulation_level
from gkdesk.checks.kind import CheckKind


@dataclass(frozen=True)
class Params:
    table: str
    row: str


KIND = CheckKind("regulation_level", Params, check_regulation_level)
