"""Placement of a table's header, label and value cells on its printed grid.

The UI, the Word and the Excel exporters and the importers all draw the same grid from this.
"""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.spec.types import Band, Group, Table


class LayoutError(ValueError):
    """Cells of a table definition overlap or leave its grid."""


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    kind: str  # "header", "label" or "value"
    text: str = ""
    cell_key: str | None = None  # for "value" cells
    row_key: str | None = None  # data row this cell belongs to (label and value cells)


@dataclass(frozen=True)
class TableLayout:
    table_key: str
    n_rows: int
    n_cols: int
    cells: tuple[GridCell, ...]
    header_rows: tuple[int, ...]  # grid rows that are headers

    def value_cells(self) -> tuple[GridCell, ...]:
        return tuple(cell for cell in self.cells if cell.kind == "value")

    def position_of(self, cell_key: str) -> tuple[int, int]:
        for cell in self.cells:
            if cell.cell_key == cell_key:
                return cell.row, cell.col
        raise KeyError(cell_key)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering grid position (row, col), if any."""
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None

    @property
    def leading_header_rows(self) -> int:
        """Number of header rows before the first data row (repeated on each printed page)."""
        count = 0
        while count in self.header_rows:
            count += 1
        return count


class _Grid:
    def __init__(self, table: Table) -> None:
        self.table = table
        self.width = table.grid_columns
        self.occupied: dict[tuple[int, int], str] = {}
        self.cells: list[GridCell] = []

    def place(self, cell: GridCell, where: str) -> None:
        if cell.col < 0 or cell.col + cell.colspan > self.width or cell.rowspan < 1 or cell.colspan < 1:
            raise LayoutError(f"表格 {self.table.key}：{where} 超出表格的 {self.width} 列")
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                if (r, c) in self.occupied:
                    raise LayoutError(
                        f"表格 {self.table.key}：{where} 与 {self.occupied[(r, c)]} 合并区域重叠（第{r + 1}行第{c + 1}列）"
                    )
                self.occupied[(r, c)] = where
        self.cells.append(cell)

    def first_free(self, row: int, col: int) -> int:
        while (row, col) in self.occupied:
            col += 1
        return col


def _header_text(table: Table, band: Band, band_index: int, cell_row: int, cell_col: int) -> str:
    cell = band.header[cell_row][cell_col]
    if cell.column is not None:
        return next(column.label for column in band.columns if column.key == cell.column)
    if cell.row is not None:
        return table.row(cell.row).label
    return cell.text


def _place_header(grid: _Grid, band: Band, band_index: int, top: int) -> list[int]:
    rows = []
    for i, header_row in enumerate(band.header):
        col = 0
        for j, header_cell in enumerate(header_row):
            col = grid.first_free(top + i, col)
            text = _header_text(grid.table, band, band_index, i, j)
            grid.place(
                GridCell(top + i, col, header_cell.rowspan, header_cell.colspan, "header", text),
                f"bands[{band_index}].header[{i}][{j}]",
            )
            col += header_cell.colspan
        rows.append(top + i)
    return rows


def _place_rows(grid: _Grid, band: Band, band_index: int, top: int) -> int:
    table = grid.table
    chains = [table.group_chain(row) for row in band.rows]
    _place_groups(grid, chains, top)
    for offset, (row, chain) in enumerate(zip(band.rows, chains, strict=True)):
        row_index = top + offset
        where = f"bands[{band_index}].rows.{row.key}"
        if table.label_columns:
            label_span = table.label_columns - len(chain)
            if label_span < 1:
                raise LayoutError(f"表格 {table.key}：{where} 的分组层数超过标签列数")
            grid.place(GridCell(row_index, len(chain), 1, label_span, "label", row.label, row_key=row.key), where)
        col = table.label_columns
        for column in band.columns:
            key = table.cell_key(row.key, column.key)
            grid.place(GridCell(row_index, col, 1, column.span, "value", cell_key=key, row_key=row.key), key)
            col += column.span
    return top + len(band.rows)


def _place_groups(grid: _Grid, chains: list[tuple[Group, ...]], top: int) -> None:
    """One merged label cell per group, spanning its rows; a group's rows must be contiguous."""
    depth = 0
    while any(len(chain) > depth for chain in chains):
        seen: set[str] = set()
        start = 0
        while start < len(chains):
            if len(chains[start]) <= depth:
                start += 1
                continue
            group = chains[start][depth]
            end = start
            while end + 1 < len(chains) and len(chains[end + 1]) > depth and chains[end + 1][depth] == group:
                end += 1
            if group.key in seen:
                raise LayoutError(f"表格 {grid.table.key}：分组 {group.key} 的行不连续")
            seen.add(group.key)
            grid.place(GridCell(top + start, depth, end - start + 1, 1, "label", group.label), f"groups.{group.key}")
            start = end + 1
        depth += 1


def _place_inline(grid: _Grid, band: Band, band_index: int, top: int) -> int:
    col = 0
    for row in band.rows:
        for column in band.columns:
            key = grid.table.cell_key(row.key, column.key)
            grid.place(GridCell(top, col, 1, column.span, "value", cell_key=key, row_key=row.key), key)
            col += column.span
    return top + 1


def build_layout(table: Table) -> TableLayout:
    """Place every cell of `table` on its grid, refusing overlaps and cells outside the grid."""
    grid = _Grid(table)
    top = 0
    header_rows: list[int] = []
    for band_index, band in enumerate(table.bands):
        header_rows += _place_header(grid, band, band_index, top)
        top += len(band.header)
        if table.layout == "inline":
            top = _place_inline(grid, band, band_index, top)
        else:
            top = _place_rows(grid, band, band_index, top)
    for r in range(top):
        for c in range(grid.width):
            if (r, c) not in grid.occupied:
                raise LayoutError(f"表格 {table.key}：第{r + 1}行第{c + 1}列没有单元格")
    cells = tuple(sorted(grid.cells, key=lambda cell: (cell.row, cell.col)))
    return TableLayout(table.key, top, grid.width, cells, tuple(header_rows))
