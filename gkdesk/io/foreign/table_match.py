"""Map the cells of tables read from a file onto the format's canonical cell keys, by their labels.

Rows are found by their row labels (leftmost cells), value columns by the header rows above them,
tables by which table's labels their rows carry. A table may be split over several grids (a page
break) or several tables may share one grid (a spreadsheet). Whatever cannot be placed is reported
with its table, row and column; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from gkdesk.io.foreign.filegrid import FileCell, FileGrid
from gkdesk.io.foreign.labels import STRONG_MATCH, best_match, label_score, looks_numeric, normalise_label
from gkdesk.io.foreign.table_labels import TableLabels, table_labels
from gkdesk.io.import_result import ImportProblem
from gkdesk.model import CellValue, Invalid, parse_lenient
from gkdesk.spec import load_spec

PLACEHOLDERS = frozenset({"/", "-", "—", "——", "－", "无", "空", "×", "x", "X", "\\"})
_BLANK_ROW_LIMIT = 40  # never scan more than this many cells of a row for labels


def is_sentence(text: str) -> bool:
    """Narrative, not a label: no label of the format ends a sentence."""
    return "。" in text


def _valueish(text: str) -> bool:
    stripped = text.strip()
    return looks_numeric(stripped) or stripped in PLACEHOLDERS


@lru_cache(maxsize=32768)
def affinity(edition: str, table_key: str, text: str) -> float:
    return table_labels(edition, table_key).affinity(text)


@dataclass
class _Entry:
    text: str
    where: str


@dataclass
class TableReading:
    """Everything the tables of one file gave, read against one edition."""

    edition: str
    entries: dict[str, list[_Entry]] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    tables_found: set[str] = field(default_factory=set)
    positions: dict[str, str] = field(default_factory=dict)  # cell key → where it was read
    coords: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # cell key → (id(grid), row, col)
    _origins: set[tuple[str, tuple[int, int]]] = field(default_factory=set)
    _inherited: dict[tuple[str, int], tuple[int, dict[int, str]]] = field(default_factory=dict)

    def add(self, key: str, grid: FileGrid, row: int, col: int) -> None:
        cell = grid.cell(row, col)
        origin_id = (f"{id(grid)}:{key}", cell.origin)
        if origin_id in self._origins:
            return
        self._origins.add(origin_id)
        self._origins.add((str(id(grid)), cell.origin))
        self.entries.setdefault(key, []).append(_Entry(cell.text, grid.position(row, col)))
        self.positions.setdefault(key, grid.position(row, col))
        self.coords.setdefault(key, (id(grid), row, col))

    def placed(self, grid: FileGrid, row: int, col: int) -> bool:
        return (str(id(grid)), grid.cell(row, col).origin) in self._origins

    def unplaced(self, grid: FileGrid, row: int, col: int, why: str, table_key: str) -> None:
        text = grid.cell(row, col).text.strip().replace("\n", " ")
        message = f"“{text[:40]}”无法对应到报告的单元格（{why}），未读入"
        self.problems.append(ImportProblem("unplaced", message, grid.position(row, col), table_key))

    @property
    def unplaced_count(self) -> int:
        return sum(1 for p in self.problems if p.kind == "unplaced")

    @property
    def score(self) -> int:
        """How well the file fits this edition: cells placed minus cells that could not be placed."""
        filled = sum(1 for entries in self.entries.values() if any(e.text.strip() for e in entries))
        return filled - 2 * self.unplaced_count

    def results(self) -> tuple[dict[str, CellValue], dict[str, CellValue], list[ImportProblem]]:
        """(input values, declared totals, problems): blank cells are left absent."""
        spec = load_spec(self.edition)
        values: dict[str, CellValue] = {}
        declared: dict[str, CellValue] = {}
        problems = list(self.problems)
        filled_tables = {
            key.split(".", 1)[0] for key, entries in self.entries.items() if any(e.text.strip() for e in entries)
        }
        for key, entries in self.entries.items():
            cell = spec.cells[key]
            texts = list(dict.fromkeys(e.text.strip() for e in entries if e.text.strip()))
            if not texts:
                # A blank input cell is reported by the checks (value.blank); a blank total is not a value
                # of the report (totals are derived), so only reading the file can tell it was left empty.
                if cell.derived and cell.table in filled_tables:
                    declared[key] = None  # stated as blank: shown blank, null in check --json
                    problems.append(
                        ImportProblem(
                            "blank",
                            f"{_cell_place(self.edition, key)}为空白；公开的报告应填写合计数",
                            entries[0].where,
                            key,
                        )
                    )
                continue
            if len({normalise_label(t) or t for t in texts}) > 1:
                shown = "、".join(f"“{t}”" for t in texts)
                problems.append(
                    ImportProblem("conflict", f"同一单元格有不同的数值 {shown}，未采用任何一个", entries[0].where, key)
                )
                value: CellValue = Invalid(" / ".join(texts))
            else:
                value = parse_lenient(texts[0], cell.value_type)
            if value is None:
                continue
            (declared if cell.derived else values)[key] = value
        problems += self._missing()
        return values, declared, problems

    def _missing(self) -> list[ImportProblem]:
        spec = load_spec(self.edition)
        problems = []
        for section in spec.sections:
            if section.table is None:
                continue
            table = spec.tables[section.table]
            name = f"表{section.number}（{table.title}）"
            if section.table not in self.tables_found:
                problems.append(ImportProblem("missing_table", f"未找到{name}，其数据按空白处理", cell=section.table))
                continue
            for row in table.rows:
                if not any(table.cell_key(row.key, column.key) in self.entries for column in row.columns):
                    problems.append(
                        ImportProblem("missing", f"{name}中未找到“{row.label}”的数据", cell=f"{table.key}.{row.key}")
                    )
        return problems


def _cell_place(edition: str, key: str) -> str:
    """“表三「一、本年新收政府信息公开申请数量」行「总计」列”, as the checks name cells."""
    return load_spec(edition).describe_key(key)


# ------------------------------------------------------------------ segmentation


def _row_owner(grid: FileGrid, row: int, edition: str, tables: tuple[str, ...]) -> str | None:
    scores = dict.fromkeys(tables, 0.0)
    for _, cell in grid.distinct(row)[:_BLANK_ROW_LIMIT]:
        if cell.blank or _valueish(cell.text) or is_sentence(cell.text):
            continue
        for key in tables:
            scores[key] += affinity(edition, key, cell.text)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def is_text_row(grid: FileGrid, row: int) -> bool:
    """A row holding one text and nothing else (a heading, a paragraph, a page's share bar) that is no figure."""
    texts = [cell.text for _, cell in grid.distinct(row)[:_BLANK_ROW_LIMIT] if not cell.blank]
    return len(texts) == 1 and not _valueish(texts[0])


def segments(grid: FileGrid, edition: str) -> list[tuple[str, list[int]]]:
    """Consecutive rows belonging to one table; rows that carry no label join the segment above.

    A text row that is no label (a section heading or a paragraph between the tables of a sheet made from a
    web page) ends the segment: it belongs to the narrative, not to the table above it.
    """
    tables = tuple(load_spec(edition).tables)
    result: list[tuple[str, list[int]]] = []
    pending: list[int] = []
    closed = False
    for row in range(len(grid.rows)):
        owner = _row_owner(grid, row, edition, tables)
        if owner is None and is_text_row(grid, row):
            closed, pending = True, []
            continue
        if owner is None and closed:
            pending.append(row)
            continue
        closed = False
        if owner is None:
            if result:
                result[-1][1].append(row)
            else:
                pending.append(row)
            continue
        if result and result[-1][0] == owner:
            result[-1][1].extend([*pending, row])
        else:
            result.append((owner, [*pending, row]))
        pending = []
    return result


# ------------------------------------------------------------------ header → columns


def _column_mapping(grid: FileGrid, block: list[int], labels: TableLabels, band: int) -> dict[int, str]:
    """Grid column → column key of `band`, from the lowest header text in each column that names one."""
    columns = labels.band_columns[band]
    mapping: dict[int, str] = {}
    unnamed: dict[int, FileCell] = {}  # column → its lowest header text, where no header text names a column
    for col in range(grid.width):
        for header_row in reversed(block):
            cell = grid.cell(header_row, col)
            if cell.blank:
                continue
            key = best_match(cell.text, columns)
            if key is not None:
                mapping[col] = key
                unnamed.pop(col, None)
                break
            unnamed.setdefault(col, cell)
    _by_elimination(mapping, unnamed, labels, columns)
    return mapping


def _by_elimination(
    mapping: dict[int, str], unnamed: dict[int, FileCell], labels: TableLabels, columns: tuple[tuple[str, str], ...]
) -> None:
    """A header cut short (“本年新” over 本年制发件数) names the one column left when every other column is
    named and it is the one header left, beginning as that column's label does. With two columns left,
    nothing is guessed: their cells are reported."""
    left = [(key, label) for key, label in columns if key not in mapping.values()]
    headers = {cell.origin: cell for col, cell in unnamed.items() if labels.affinity(cell.text) < STRONG_MATCH}
    if len(left) != 1 or len(headers) != 1:
        return
    key, label = left[0]
    (header,) = headers.values()
    typed, official = normalise_label(header.text), normalise_label(label)
    if len(typed) >= 2 and typed[:2] == official[:2]:
        for col, cell in unnamed.items():
            if cell.origin == header.origin:
                mapping[col] = key


def _inline_mapping(grid: FileGrid, block: list[int], labels: TableLabels) -> dict[int, str]:
    """Grid column → cell key for a one-row table: the row label above, the column label below."""
    columns = labels.band_columns[0]
    mapping: dict[int, str] = {}
    for col in range(grid.width):
        texts = [grid.cell(r, col).text for r in block if not grid.cell(r, col).blank]
        column_key = next((k for t in reversed(texts) if (k := best_match(t, columns)) is not None), None)
        # the row named nearest above the figures: a caption or section heading higher up may mention a row too
        row_key = next((k for t in reversed(texts) if (k := best_match(t, labels.rows)) is not None), None)
        if row_key is None:
            row_key = _group_to_the_left(grid, block, col, labels)
        if column_key is not None and row_key is not None:
            mapping[col] = labels.table.cell_key(row_key, column_key)
    return mapping


def _group_to_the_left(grid: FileGrid, block: list[int], col: int, labels: TableLabels) -> str | None:
    """The group named left of `col` in a header row, for headers typed without merged cells.

    “行政复议” typed in its first column only stands over the blank cells to its right: in the header
    rows where this column is blank (nearest the figures first), the nearest text to the left is taken
    if it names a group.
    """
    for r in reversed(block):
        if not grid.cell(r, col).blank:
            continue
        left = next((grid.cell(r, c) for c in range(col - 1, -1, -1) if not grid.cell(r, c).blank), None)
        if left is not None and (key := best_match(left.text, labels.rows)) is not None:
            return key
    return None


def _with_inherited(
    reading: TableReading, grid: FileGrid, labels: TableLabels, band: int, mapping: dict[int, str]
) -> dict[int, str]:
    """A part of a table split by a page break may lack its header: reuse the one above if as wide."""
    slot = (labels.table.key, band)
    if mapping:
        reading._inherited[slot] = (grid.width, mapping)
        return mapping
    width, previous = reading._inherited.get(slot, (-1, {}))
    return previous if width == grid.width else {}


# ------------------------------------------------------------------ rows


def _names_column(text: str, labels: TableLabels) -> bool:
    """True when `text` is a column header at least as much as a row label (“总计”, “其他”)."""
    as_column = max((label_score(text, label) for band in labels.band_columns for _, label in band), default=0.0)
    as_row = max((label_score(text, label) for _, label in labels.rows), default=0.0)
    return as_column >= STRONG_MATCH and as_column >= as_row


def _row_label(grid: FileGrid, row: int, labels: TableLabels) -> tuple[str, int] | None:
    """(row key, last label column) when the row's leading cells carry one of the table's row labels.

    A row without figures whose matching text is a column header (“总计” over the total column, which
    also resembles the row label “（七）总计”) is a header row: without merged cells and corner text,
    nothing else tells the two apart.
    """
    found: tuple[str, int] | None = None
    header_text = False
    seen = 0
    for col, cell in grid.distinct(row):
        if cell.blank:
            continue
        if _valueish(cell.text) or seen > labels.table.label_columns + 1:
            break
        seen += 1
        key = best_match(cell.text, labels.rows)
        if key is not None:
            found = (key, grid.last_col_of(row, col))
            header_text = _names_column(cell.text, labels)
    if found is not None and header_text and not _unlabelled_values(grid, row):
        return None
    return found


def _unlabelled_values(grid: FileGrid, row: int) -> list[int]:
    return [col for col, cell in grid.distinct(row) if not cell.blank and _valueish(cell.text)]


def _read_rows(reading: TableReading, grid: FileGrid, rows: list[int], labels: TableLabels) -> None:
    block: list[int] = []
    after_data = False
    for row in rows:
        if grid.is_blank_row(row):
            continue
        match = _row_label(grid, row, labels)
        if match is None:
            if after_data:
                block, after_data = [], False
            stray = _unlabelled_values(grid, row)
            for col in stray:
                reading.unplaced(grid, row, col, "所在行没有可识别的行标题", labels.table.key)
            if not stray:
                block.append(row)
            continue
        after_data = True
        row_key, label_end = match
        band = labels.row_band[row_key]
        mapping = _with_inherited(reading, grid, labels, band, _column_mapping(grid, block, labels, band))
        for col in range(label_end + 1, len(grid.rows[row])):
            column_key = mapping.get(col)
            if column_key is not None:
                reading.add(labels.table.cell_key(row_key, column_key), grid, row, col)
        for col in range(label_end + 1, len(grid.rows[row])):
            if col not in mapping and not grid.cell(row, col).blank and not reading.placed(grid, row, col):
                reading.unplaced(grid, row, col, "所在列没有可识别的列标题", labels.table.key)


def _is_header_row(grid: FileGrid, row: int, labels: TableLabels) -> bool:
    cells = [cell for _, cell in grid.distinct(row) if not cell.blank]
    if any(_valueish(cell.text) for cell in cells):
        return False
    return any(labels.affinity(cell.text) >= STRONG_MATCH for cell in cells)


def _read_inline(reading: TableReading, grid: FileGrid, rows: list[int], labels: TableLabels) -> None:
    block: list[int] = []
    after_data = False
    blank_row: int | None = None  # the first blank row under a header: the figures, when none are typed
    for row in rows:
        if grid.is_blank_row(row):
            if block and not after_data and blank_row is None:
                blank_row = row
            continue
        if _is_header_row(grid, row, labels):
            if after_data:
                block, after_data = [], False
            block.append(row)
            continue
        if after_data:  # a one-row table: a further row of figures has no place
            for col, cell in enumerate(grid.rows[row]):
                if not cell.blank and not reading.placed(grid, row, col):
                    reading.unplaced(grid, row, col, f"{labels.table.title}只有一行数据", labels.table.key)
            continue
        after_data = True
        _read_inline_row(reading, grid, row, block, labels)
    if block and not after_data and blank_row is not None:  # every figure left blank: the table is still there
        _read_inline_row(reading, grid, blank_row, block, labels)


def _read_inline_row(reading: TableReading, grid: FileGrid, row: int, block: list[int], labels: TableLabels) -> None:
    mapping = _with_inherited(reading, grid, labels, 0, _inline_mapping(grid, block, labels))
    for col, cell in enumerate(grid.rows[row]):
        if col in mapping:
            reading.add(mapping[col], grid, row, col)
        elif not cell.blank and not reading.placed(grid, row, col):
            reading.unplaced(grid, row, col, "所在列没有可识别的列标题", labels.table.key)


def read_tables(grids: list[FileGrid], edition: str) -> TableReading:
    """Read every grid against `edition`'s tables."""
    reading = TableReading(edition)
    for grid in grids:
        for table_key, rows in segments(grid, edition):
            labels = table_labels(edition, table_key)
            reading.tables_found.add(table_key)
            if labels.inline:
                _read_inline(reading, grid, rows, labels)
            else:
                _read_rows(reading, grid, rows, labels)
    return reading
