"""Frozen dataclasses describing one edition of the report format (read from forms/*.toml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from gkdesk.spec.drafts import DraftTopic
from gkdesk.spec.places import OPENING, OPENING_NAME, CellRef, FieldRef, ParagraphRef, Place, RowRef, SectionRef


class ValueType(Enum):
    """What a table cell may hold."""

    COUNT = "count"  # non-negative integer
    SIGNED_COUNT = "signed_count"  # integer, may be negative (2019 本年增/减)
    AMOUNT_WAN = "amount_wan"  # non-negative amount in 万元, at most 4 decimals

    @property
    def max_decimals(self) -> int:
        return 4 if self is ValueType.AMOUNT_WAN else 0

    @property
    def allows_negative(self) -> bool:
        return self is ValueType.SIGNED_COUNT


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    span: int = 1
    value_type: ValueType = ValueType.COUNT
    help: str = ""


@dataclass(frozen=True)
class Group:
    """A merged label that spans several rows (e.g. （三）不予公开)."""

    key: str
    label: str
    parent: str | None = None
    help: str = ""  # the counting rule shown as the label's tooltip


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    columns: tuple[Column, ...]
    short: str = ""
    group: str | None = None
    help: str = ""

    @property
    def short_label(self) -> str:
        return self.short or self.label

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@dataclass(frozen=True)
class HeaderCell:
    """A header cell; its text is literal or taken from a column or row label."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    column: str | None = None
    row: str | None = None
    help: str = ""  # for literal text (申请人情况, 行政诉讼…): shown as its tooltip


@dataclass(frozen=True)
class Band:
    """Header rows followed by data rows sharing one set of value columns."""

    header: tuple[tuple[HeaderCell, ...], ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class TotalRule:
    """A derived total: along `axis`, cell `target` = sum of `parts`.

    axis "column": a total column (each row's target column sums the part columns).
    axis "row": a total row (each column's target row sums the part rows).
    """

    axis: str
    target: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class CellSpec:
    key: str  # "table.row.column"
    table: str
    row: str
    column: str
    value_type: ValueType
    derived: bool


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    grid_columns: int
    label_columns: int
    layout: str  # "rows" or "inline"
    bands: tuple[Band, ...]
    groups: tuple[Group, ...]
    totals: tuple[TotalRule, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for band in self.bands for row in band.rows)

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every value column once, in printed order (bands may share column keys)."""
        seen: dict[str, Column] = {}
        for row in self.rows:
            for column in row.columns:
                seen.setdefault(column.key, column)
        return tuple(seen.values())

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def group(self, key: str) -> Group:
        for group in self.groups:
            if group.key == key:
                return group
        raise KeyError(key)

    def group_chain(self, row: Row) -> tuple[Group, ...]:
        """The row's groups, outermost first."""
        chain: list[Group] = []
        key = row.group
        while key is not None:
            group = self.group(key)
            chain.insert(0, group)
            key = group.parent
        return tuple(chain)

    def cell_key(self, row: str, column: str) -> str:
        return f"{self.key}.{row}.{column}"


@dataclass(frozen=True)
class Section:
    key: str
    number: str
    heading: str
    table: str | None = None
    outline: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    """A rule with an id and severity; `kind` names its check kind (gkdesk/checks/kinds/), `params` its
    arguments, validated by the kind when the definition loads; `needs_previous`: the kind compares with last
    year's report."""

    id: str
    severity: str  # "error" or "warning"
    kind: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict)
    needs_previous: bool = False


@dataclass(frozen=True)
class OrganLevel:
    key: str
    label: str
    may_make_regulations: bool
    fee_plausible_max_wan: int
    aliases: tuple[str, ...] = ()  # what people type for the level in a unit list (镇, 县直部门 …)
    name_endings: tuple[str, ...] = ()  # an organ name ending so has this level for sure


@dataclass(frozen=True)
class Field:
    """A 基本信息 field: `key` names it in files and code ("organ", "contact.phone"), `label` wherever a person
    reads it; `required` fields are needed by the title and the opening; `aliases` are labels seen in files."""

    key: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()


def years_cover(first_year: int, last_year: int | None, year: int) -> bool:
    """Whether an edition used from `first_year` to `last_year` (None: still in use) covers `year`."""
    return year >= first_year and (last_year is None or year <= last_year)


@dataclass(frozen=True)
class FormatSpec:
    edition: str
    name: str
    first_year: int
    last_year: int | None
    title: str
    opening: str
    organ_levels: tuple[OrganLevel, ...]
    sections: tuple[Section, ...]
    tables: Mapping[str, Table]
    checks: tuple[Check, ...]
    cells: Mapping[str, CellSpec]
    drafts: tuple[DraftTopic, ...] = ()
    # the phrases of text.table_mismatch and the drafted wording: one tuple per definition, so the figure
    # reader can remember what each paragraph states for it
    narrative_figures: tuple[Mapping[str, Any], ...] = ()
    fields: tuple[Field, ...] = ()
    citations: tuple[str, ...] = ()  # how documents cite this format, spaces removed and full-width folded

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def organ_level(self, key: str) -> OrganLevel | None:
        for level in self.organ_levels:
            if level.key == key:
                return level
        return None

    def table_name(self, table_key: str) -> str:
        """“表三” for the table printed in section 三."""
        return next((f"表{s.number}" for s in self.sections if s.table == table_key), table_key)

    def place(self, key: str) -> Place | None:
        """The place a key names in this edition, or None when it names none."""
        paragraph = ParagraphRef.parse(key)
        if paragraph is not None:
            return paragraph if any(s.key == paragraph.section for s in self.sections) else None
        if key in self.cells:
            cell = self.cells[key]
            return CellRef(cell.table, cell.row, cell.column)
        if key == str(OPENING) or any(f.key == key for f in self.fields):
            return FieldRef(key)
        if any(s.key == key for s in self.sections):
            return SectionRef(key)
        table, _, row = key.partition(".")
        if table in self.tables and row and "." not in row and any(r.key == row for r in self.tables[table].rows):
            return RowRef(table, row)
        return None

    def describe(self, place: Place) -> str:
        """The one Chinese description of a place: “表三「…」行「自然人」列”, “表三「…」行”, “一、总体情况 第3段”,
        a section's heading, a field's label."""
        if isinstance(place, CellRef):
            row = self.tables[place.table].row(place.row)
            return f"{self.table_name(place.table)}「{row.label}」行「{row.column(place.column).label}」列"
        if isinstance(place, RowRef):
            return f"{self.table_name(place.table)}「{self.tables[place.table].row(place.row).label}」行"
        if isinstance(place, ParagraphRef):
            return f"{self.section(place.section).heading} 第{place.number}段"
        if isinstance(place, SectionRef):
            return self.section(place.section).heading
        return OPENING_NAME if place == OPENING else self.field(place.key).label

    def describe_key(self, key: str) -> str:
        """`describe` of the place a key names; the key itself when it names none here."""
        place = self.place(key)
        return key if place is None else self.describe(place)

    def field(self, key: str) -> Field:
        for field_ in self.fields:
            if field_.key == key:
                return field_
        raise KeyError(key)

    def level_for_name(self, organ: str) -> str:
        """The level an organ's name makes certain (“…镇人民政府” → township), else ""."""
        endings = [(ending, level.key) for level in self.organ_levels for ending in level.name_endings]
        matching = [(len(ending), key) for ending, key in endings if organ.endswith(ending)]
        return max(matching)[1] if matching else ""

    def cites(self, text: str) -> bool:
        """Whether `text` (spaces removed, full-width folded) cites this format's notice."""
        return any(citation in text for citation in self.citations)

    @property
    def narrative_sections(self) -> tuple[Section, ...]:
        return tuple(section for section in self.sections if section.table is None)

    @property
    def input_cells(self) -> tuple[CellSpec, ...]:
        return tuple(cell for cell in self.cells.values() if not cell.derived)

    def covers_year(self, year: int) -> bool:
        return years_cover(self.first_year, self.last_year, year)

    def title_for(self, organ: str, year: int | None) -> str:
        return self.title.format(organ=organ, year=year if year is not None else "")
