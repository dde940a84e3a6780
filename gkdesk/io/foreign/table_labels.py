"""The labels of one table of the format, indexed for reading files (all taken from the spec)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gkdesk.io.foreign.labels import STRONG_MATCH, label_score
from gkdesk.spec import Table, build_layout, load_spec


@dataclass(frozen=True)
class TableLabels:
    table: Table
    rows: tuple[tuple[str, str], ...]  # (row key, label)
    groups: tuple[tuple[str, str], ...]  # (group key, label)
    band_columns: tuple[tuple[tuple[str, str], ...], ...]  # per band: (column key, label)
    row_band: dict[str, int]
    header_texts: tuple[str, ...]  # every header text of the printed grid (captions, corner, column labels)

    @property
    def inline(self) -> bool:
        return self.table.layout == "inline"

    def all_labels(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.rows + self.groups) + self.header_texts

    def affinity(self, text: str) -> float:
        """How strongly `text` says “this is a cell of this table” (0 if it is no label of it)."""
        best = max((label_score(text, label) for label in self.all_labels()), default=0.0)
        return best if best >= STRONG_MATCH else 0.0


@cache
def table_labels(edition: str, table_key: str) -> TableLabels:
    table = load_spec(edition).tables[table_key]
    layout = build_layout(table)
    headers = tuple(dict.fromkeys(cell.text for cell in layout.cells if cell.kind == "header" and cell.text))
    row_band = {row.key: index for index, band in enumerate(table.bands) for row in band.rows}
    return TableLabels(
        table=table,
        rows=tuple((row.key, row.label) for row in table.rows),
        groups=tuple((group.key, group.label) for group in table.groups),
        band_columns=tuple(tuple((column.key, column.label) for column in band.columns) for band in table.bands),
        row_band=row_band,
        header_texts=headers,
    )
