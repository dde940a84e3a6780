"""Check kind `blank_values`: a table otherwise filled in leaves no input cell blank."""

from __future__ import annotations

from gkdesk.checks.cells import check_blank_values
from gkdesk.checks.kind import CheckKind, NoParams

KIND = CheckKind("blank_values", NoParams, check_blank_values)
