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
    # what the finding is about when its place moves (a paragraph's number changes on inserts): its content
    identity: str = ""

    @property
    def key(self) -> str:
        """Stable identity, used to keep acknowledgements (说明) of warnings: by content for text findings,
        so an explanation follows its paragraph through inserts, deletes and reorders."""
        return f"{self.rule}@{self.identity or self.anchor}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
