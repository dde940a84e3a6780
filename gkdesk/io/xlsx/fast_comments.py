"""Cell comments (批注) and the sheets holding them, read straight from an .xlsx's parts.

`sheets_with_comments(data)` (the bytes, or the XlsxPackage already open) gives what xlsx_comments reads from
openpyxl: each worksheet that has comments (in workbook order), with its comments as (row, col, comment) in
reading order, row by row; the sheets answer `title`, `max_row`, `max_column`, `iter_rows(...)` and
`merged_cells.ranges` as openpyxl's do with data_only=True. None when the package is unexpected: read it with
openpyxl then.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.cell import coordinate_to_tuple

from gkdesk.io.xlsx.package import COMMENTS_TYPE, FAST_ERRORS, UnexpectedPackage, XlsxPackage, q
from gkdesk.io.xlsx.sheet_xml import MergedRange, SheetCells, string_content


@dataclass(frozen=True)
class CellComment:
    text: str
    author: str


@dataclass(frozen=True)
class _Merged:
    ranges: list[MergedRange]


class CommentedSheet:
    """A parsed worksheet seen as openpyxl shows it with data_only=True (formulas give their stored value)."""

    def __init__(self, cells: SheetCells, commented: list[tuple[int, int]]) -> None:
        self.title = cells.title
        self._values = {place: (c.cached if c.data_type == "f" else c.value) for place, c in cells.cells.items()}
        places = [*cells.cells, *commented]
        for merged in cells.merges:
            places += [(merged.min_row, merged.min_col), (merged.max_row, merged.max_col)]
        self.max_row = max((row for row, _ in places), default=1)
        self.max_column = max((col for _, col in places), default=1)
        self.merged_cells = _Merged(cells.merges)

    def iter_rows(
        self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None, values_only: bool = True
    ) -> Iterator[tuple[Any, ...]]:
        if not values_only:
            raise ValueError("values only")
        for row in range(min_row, (max_row or self.max_row) + 1):
            yield tuple(self._values.get((row, col)) for col in range(1, (max_col or self.max_column) + 1))


def _comments(package: XlsxPackage, part: str, cells: SheetCells) -> list[tuple[int, int, CellComment]]:
    root = package.xml(part)
    authors = [author.text or "" for author in root.iter(q("author"))]
    hidden = {
        (row, col)
        for m in cells.merges
        for row in range(m.min_row, m.max_row + 1)
        for col in range(m.min_col, m.max_col + 1)
        if (row, col) != (m.min_row, m.min_col)
    }
    found = {}
    for comment in root.iter(q("comment")):
        row, col = coordinate_to_tuple(comment.get("ref", ""))
        text = comment.find(q("text"))
        if (row, col) not in hidden:  # openpyxl drops a comment on a cell hidden by a merge
            body = string_content(text) if text is not None else ""
            found[(row, col)] = CellComment(body, authors[int(comment.get("authorId", ""))])
    return [(row - 1, col - 1, found[(row, col)]) for row, col in sorted(found)]


def _read(package: XlsxPackage) -> list[tuple[CommentedSheet, list[tuple[int, int, CellComment]]]]:
    found = []
    for entry in package.sheets:
        parts = [part for kind, part in package.relationships(entry.part).values() if kind == COMMENTS_TYPE]
        if len(parts) > 1:
            raise UnexpectedPackage("several comment parts for one sheet")
        if not parts:
            continue
        cells = package.sheet_cells(entry.name)  # parsed once: the own reader may have read it already
        comments = _comments(package, parts[0], cells)
        if comments:
            found.append((CommentedSheet(cells, [(r + 1, c + 1) for r, c, _ in comments]), comments))
    return found


def sheets_with_comments(
    data: bytes | XlsxPackage,
) -> list[tuple[CommentedSheet, list[tuple[int, int, CellComment]]]] | None:
    """Each sheet with comments and its comments (0-based row, col), from the file's bytes or its package
    already open (left open); None if openpyxl must read the file."""
    try:
        if isinstance(data, XlsxPackage):
            return _read(data)
        with XlsxPackage(data) as package:
            return _read(package)
    except FAST_ERRORS:
        return None
