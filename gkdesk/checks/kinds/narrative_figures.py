"""Check kind `narrative_figures`: a figure the narrative states about the tables equals the table's figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gkdesk.checks.kind import CheckKind
from gkdesk.checks.text import check_narrative_figures


@dataclass(frozen=True)
class Params:
    figures: list[dict[str, Any]]


KIND = CheckKind("narrative_figures", Params, check_narrative_figures)
