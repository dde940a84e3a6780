"""Check kind `repeated_text`: a section's text is not last year's repeated (similarity at or above the threshold)."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.checks.kind import CheckKind
from gkdesk.checks.text import check_repeated_text


@dataclass(frozen=True)
class Params:
    threshold: float


KIND = CheckKind("repeated_text", Params, check_repeated_text, needs_previous=True)
