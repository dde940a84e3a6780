"""The report format definition (forms/*.toml) as frozen dataclasses. No Qt."""

from gkdesk.spec.layout import GridCell, TableLayout, build_layout
from gkdesk.spec.loader import EDITIONS, SpecError, edition_for_year, load_spec, load_spec_file, parse_spec
from gkdesk.spec.types import (
    Band,
    CellSpec,
    Check,
    Column,
    FormatSpec,
    Group,
    HeaderCell,
    OrganLevel,
    Row,
    Section,
    Table,
    TotalRule,
    ValueType,
)

__all__ = [
    "EDITIONS",
    "Band",
    "CellSpec",
    "Check",
    "Column",
    "FormatSpec",
    "GridCell",
    "Group",
    "HeaderCell",
    "OrganLevel",
    "Row",
    "Section",
    "SpecError",
    "Table",
    "TableLayout",
    "TotalRule",
    "ValueType",
    "build_layout",
    "edition_for_year",
    "load_spec",
    "load_spec_file",
    "parse_spec",
]
