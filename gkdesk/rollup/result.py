"""What a roll-up found: one row per unit, the refused files, the county totals. No Qt."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gkdesk.checks import Finding
from gkdesk.template.model import Unit

if TYPE_CHECKING:
    from gkdesk.rollup.spool import Spool
    from gkdesk.rollup.totals import Totals

# Row statuses (interface: `rollup --json`) and how they are shown.
RETURNED, MISSING, DUPLICATE, UNLISTED = "returned", "missing", "duplicate", "unlisted"
STATUS_LABELS = {RETURNED: "已报送", MISSING: "未报送", DUPLICATE: "重复报送", UNLISTED: "已报送（不在名单中）"}
COUNTED = (RETURNED, UNLISTED)


@dataclass(frozen=True)
class Refusal:
    file: str
    reason: str


@dataclass
class UnitRow:
    """One row of the completeness table. Units still missing have no file."""

    organ: str
    status: str
    file: str | None = None
    unit: Unit | None = None  # the template's entry, where there is a list
    errors: int = 0
    warnings: int = 0  # warnings not acknowledged (说明) in the report
    acknowledged: int = 0
    open_comments: int = 0  # review comments not yet 已确认
    note: str = ""
    spool_index: int | None = None  # where its values and findings are kept for the export

    @property
    def counted(self) -> bool:
        return self.status in COUNTED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class RollupResult:
    year: int | None
    edition: str | None
    rows: Sequence[UnitRow]  # a RowStore (read back from a temporary file) after roll_up
    refused: list[Refusal]
    totals: Totals | None
    total_findings: list[Finding] = field(default_factory=list)
    spool: Spool | None = None
    template_files: list[str] = field(default_factory=list)
    files_found: int = 0  # report files read (.gkr, .docx, .xlsx), refused ones included
    choice_note: str = ""  # why this year was rolled up when the returns are of several years

    @property
    def counted_rows(self) -> list[UnitRow]:
        """All counted rows at once (for the window); the workbook and the command line stream counted()."""
        return list(self.counted())

    def counted(self) -> Iterator[UnitRow]:
        """The rows counted in the totals, read one at a time, in the completeness table's order."""
        return (row for row in self.rows if row.counted)

    @property
    def counted_count(self) -> int:
        return sum(1 for _ in self.counted())

    @property
    def missing_count(self) -> int:
        return sum(1 for row in self.rows if row.status == MISSING)

    @property
    def nothing_reason(self) -> str:
        """Why nothing could be rolled up (empty when there are totals), in Chinese for the person."""
        if self.totals is not None:
            return ""
        if self.files_found == 0 and self.refused:
            return f"没有可读取的报告文件：所给的 {len(self.refused)} 个路径或文件均未受理（原因见上）"
        if self.files_found == 0:
            from gkdesk.io.open import READERS  # the kinds of file a roll-up reads

            return f"文件夹中没有可汇总的报告文件（{'/'.join(READERS)}）"
        return f"{self.files_found} 个报告文件均未受理（原因见各文件），没有可汇总的报告"

    def close(self) -> None:
        """Drop the temporary per-unit stores (values and findings, rows)."""
        if self.spool is not None:
            self.spool.close()
            self.spool = None
        close_rows = getattr(self.rows, "close", None)
        if close_rows is not None:
            close_rows()
