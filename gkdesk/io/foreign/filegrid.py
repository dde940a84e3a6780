"""A table as read from a file: a rectangular grid of texts where merged cells share one origin.

Word tables and Excel sheets are both turned into this, so one matcher reads both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gkdesk.io.files.limits import MAX_COLUMNS, MAX_ROWS

MAX_GRID_ROWS = MAX_ROWS
MAX_GRID_COLS = MAX_COLUMNS


@dataclass(frozen=True)
class FileCell:
    """One grid position: its text and the (row, col) of the merged cell it belongs to."""

    text: str
    origin: tuple[int, int]

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class FileGrid:
    """A table or sheet: `source` names it for messages (e.g. “第2个表格”, “工作表“Sheet1””)."""

    source: str
    rows: list[list[FileCell]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def cell(self, row: int, col: int) -> FileCell:
        cells = self.rows[row]
        if col < len(cells):
            return cells[col]
        return FileCell("", (row, col))

    def distinct(self, row: int) -> list[tuple[int, FileCell]]:
        """The row's cells left to right, one per merged cell (its first column), blanks included."""
        seen: set[tuple[int, int]] = set()
        result = []
        for col, cell in enumerate(self.rows[row]):
            if cell.origin not in seen:
                seen.add(cell.origin)
                result.append((col, cell))
        return result

    def last_col_of(self, row: int, col: int) -> int:
        """The last column of the merged cell at (row, col) within this row."""
        origin = self.cell(row, col).origin
        end = col
        while end + 1 < len(self.rows[row]) and self.rows[row][end + 1].origin == origin:
            end += 1
        return end

    def position(self, row: int, col: int) -> str:
        return f"{self.source}第{row + 1}行第{col + 1}列"

    def is_blank_row(self, row: int) -> bool:
        return all(cell.blank for cell in self.rows[row])


def pad(rows: list[list[FileCell]]) -> list[list[FileCell]]:
    """Make every row as wide as the widest (missing cells are blank)."""
    width = max((len(row) for row in rows), default=0)
    return [row + [FileCell("", (r, c)) for c in range(len(row), width)] for r, row in enumerate(rows)]
