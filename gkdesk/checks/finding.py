"""A finding: one broken rule at one place."""

from __future__ import annotations

from dataclasses import dataclass

BASIC_SECTION = "basic"  # findings about 基本信息 (organ, level, contact), shown before section 一
BASIC_HEADING = "基本信息"


@dataclass(frozen=True)
class Finding:
    rule: str  # rule id from the format definition, e.g. "T3.balance"
    severity: str  # "error" or "warning"
    cells: tuple[str, ...]  # cell keys involved, e.g. ("requests.new.commercial", ...)
    message: str  # Chinese, names rows, columns and numbers
    section: str  # section key the finding belongs to ("requests", "overview", …) or BASIC_SECTION
    anchor: str  # the place it points at: a cell key, a section key, or "overview#3" for its 3rd paragraph (from 1)

    @property
    def key(self) -> str:
        """Stable identity, used to keep acknowledgements of warnings."""
        return f"{self.rule}@{self.anchor}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
