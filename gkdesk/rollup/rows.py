"""The completeness table's rows kept in a temporary file, so a province's roll-up holds none of them. No Qt.

A RowStore is a read-only sequence once filled: iterating it reads the rows back one at a time (the workbook,
`--json` and the text summary stream them); the window may take them all to show them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

from gkdesk.rollup.result import UnitRow
from gkdesk.rollup.spool import Spool
from gkdesk.template.model import Unit


class RowStore(Sequence[UnitRow]):
    def __init__(self, units: Sequence[Unit] = ()) -> None:
        """`units`: the template's list, which rows name their unit from (by position)."""
        self._spool = Spool()
        self._units = tuple(units)
        self._positions = {id(unit): index for index, unit in enumerate(self._units)}

    def append(self, row: UnitRow) -> None:
        unit = None if row.unit is None else self._positions[id(row.unit)]
        fields = [row.organ, row.status, row.file, unit, row.errors, row.warnings, row.acknowledged]
        self._spool.add_value([*fields, row.open_comments, row.note, row.spool_index])

    def _row(self, index: int) -> UnitRow:
        fields: list[Any] = self._spool.record(index)
        organ, status, file, unit, errors, warnings, acknowledged, open_comments, note, spool_index = fields
        listed = None if unit is None else self._units[unit]
        return UnitRow(organ, status, file, listed, errors, warnings, acknowledged, open_comments, note, spool_index)

    def __len__(self) -> int:
        return self._spool.count

    @overload
    def __getitem__(self, index: int) -> UnitRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[UnitRow]: ...

    def __getitem__(self, index: int | slice) -> UnitRow | list[UnitRow]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._row(index)

    def __iter__(self) -> Iterator[UnitRow]:
        for index in range(len(self)):
            yield self._row(index)

    def close(self) -> None:
        self._spool.close()
