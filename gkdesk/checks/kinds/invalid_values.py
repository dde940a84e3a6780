"""Check kind `invalid_values`: every cell (inputs and declared totals) holds a valid number for its type."""

from __future__ import annotations

from gkdesk.checks.cells import check_invalid_values
from gkdesk.checks.kind import CheckKind, NoParams

KIND = CheckKind("invalid_values", NoParams, check_invalid_values)
