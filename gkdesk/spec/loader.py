"""Load and validate a format definition (forms/*.toml) into frozen dataclasses.

A broken definition is refused with a message that names the place: unknown or duplicate keys,
dangling references and overlapping merges.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gkdesk import paths
from gkdesk.spec.cache import cached_spec, definitions_kept
from gkdesk.spec.check_kinds import defined_kind
from gkdesk.spec.drafts import DraftSpecError, DraftTopic, all_figure_patterns, parse_drafts
from gkdesk.spec.layout import LayoutError, build_layout
from gkdesk.spec.phrases import phrase_error
from gkdesk.spec.types import (
    Band,
    CellSpec,
    Check,
    Column,
    Field,
    FormatSpec,
    Group,
    HeaderCell,
    OrganLevel,
    Row,
    Section,
    Table,
    TotalRule,
    ValueType,
    years_cover,
)

EDITIONS = ("2021", "2019")  # every format definition in forms/, newest first
CURRENT_EDITION = EDITIONS[0]  # the format of new reports and of text read without a table
# The 基本信息 fields a definition declares (keys are interface: the model's attributes and the files' names).
FIELD_KEYS = (
    "organ",
    "organ_level",
    "year",
    "edition",
    "title",
    "contact.office",
    "contact.address",
    "contact.phone",
    "contact.email",
)


class SpecError(ValueError):
    """The format definition itself is broken."""


_ALLOWED: dict[str, set[str]] = {
    "root": {"edition", "name", "first_year", "last_year", "title", "opening", "citations", "organ_levels", "fields"}
    | {"sections", "tables", "checks", "drafts"},
    "organ_level": {"key", "label", "may_make_regulations", "fee_plausible_max_wan", "aliases", "name_endings"},
    "field": {"key", "label", "required", "aliases"},
    "section": {"key", "number", "heading", "table", "outline"},
    "table": {"title", "grid_columns", "label_columns", "layout", "bands", "groups", "totals"},
    "band": {"header", "columns", "rows"},
    "header_cell": {"text", "column", "row", "rowspan", "colspan", "help"},
    "column": {"key", "label", "span", "type", "help"},
    "row": {"key", "label", "short", "group", "help"},
    "group": {"key", "label", "parent", "help"},
    "total": {"column", "row", "of"},
    "check": {"id", "severity", "kind", "text"},
}


def _fields(data: Any, kind: str, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise SpecError(f"{where}：应为表（键值对），实际是 {type(data).__name__}")
    unknown = set(data) - _ALLOWED[kind]
    if unknown:
        raise SpecError(f"{where}：未知的键 {', '.join(sorted(unknown))}")
    return data


def _require(data: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in data:
        raise SpecError(f"{where}：缺少 {key}")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SpecError(f"{where}.{key}：类型应为 {kind.__name__}")
    return value


def _unique(keys: list[str], where: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise SpecError(f"{where}：重复的键 {key}")
        seen.add(key)


def _column(data: Any, where: str) -> Column:
    data = _fields(data, "column", where)
    type_name = data.get("type", "count")
    try:
        value_type = ValueType(type_name)
    except ValueError:
        raise SpecError(f"{where}.type：未知的数值类型 {type_name}") from None
    return Column(
        key=_require(data, "key", where),
        label=_require(data, "label", where),
        span=int(data.get("span", 1)),
        value_type=value_type,
        help=str(data.get("help", "")),
    )


def _band(data: Any, where: str, group_keys: set[str]) -> Band:
    data = _fields(data, "band", where)
    columns = tuple(_column(c, f"{where}.columns[{i}]") for i, c in enumerate(_require(data, "columns", where, list)))
    _unique([c.key for c in columns], f"{where}.columns")
    rows = []
    for i, raw in enumerate(_require(data, "rows", where, list)):
        row_where = f"{where}.rows[{i}]"
        raw = _fields(raw, "row", row_where)
        group = raw.get("group")
        if group is not None and group not in group_keys:
            raise SpecError(f"{row_where}.group：引用了未定义的分组 {group}")
        rows.append(
            Row(
                key=_require(raw, "key", row_where),
                label=_require(raw, "label", row_where),
                columns=columns,
                short=str(raw.get("short", "")),
                group=group,
                help=str(raw.get("help", "")),
            )
        )
    header = []
    for i, header_row in enumerate(_require(data, "header", where, list)):
        cells = []
        for j, raw in enumerate(header_row):
            cell_where = f"{where}.header[{i}][{j}]"
            raw = _fields(raw, "header_cell", cell_where)
            sources = [k for k in ("text", "column", "row") if k in raw]
            if len(sources) != 1:
                raise SpecError(f"{cell_where}：text、column、row 三者必须且只能有一个")
            cells.append(
                HeaderCell(
                    text=str(raw.get("text", "")),
                    rowspan=int(raw.get("rowspan", 1)),
                    colspan=int(raw.get("colspan", 1)),
                    column=raw.get("column"),
                    row=raw.get("row"),
                    help=str(raw.get("help", "")),
                )
            )
        header.append(tuple(cells))
    return Band(tuple(header), columns, tuple(rows))


def _check_header_refs(table: Table, where: str) -> None:
    row_keys = {row.key for row in table.rows}
    for b, band in enumerate(table.bands):
        column_keys = {column.key for column in band.columns}
        for i, header_row in enumerate(band.header):
            for j, cell in enumerate(header_row):
                cell_where = f"{where}.bands[{b}].header[{i}][{j}]"
                if cell.column is not None and cell.column not in column_keys:
                    raise SpecError(f"{cell_where}：引用了本段未定义的列 {cell.column}")
                if cell.row is not None and cell.row not in row_keys:
                    raise SpecError(f"{cell_where}：引用了未定义的行 {cell.row}")


def _totals(raw_totals: list[Any], table_key: str, rows: tuple[Row, ...], where: str) -> tuple[TotalRule, ...]:
    row_keys = {row.key for row in rows}
    column_keys = {column.key for row in rows for column in row.columns}
    totals = []
    for i, raw in enumerate(raw_totals):
        total_where = f"{where}.totals[{i}]"
        raw = _fields(raw, "total", total_where)
        if ("column" in raw) == ("row" in raw):
            raise SpecError(f"{total_where}：column 与 row 必须且只能有一个")
        axis = "column" if "column" in raw else "row"
        known = column_keys if axis == "column" else row_keys
        target = raw[axis]
        parts = tuple(_require(raw, "of", total_where, list))
        for key in (target, *parts):
            if key not in known:
                raise SpecError(f"{total_where}：引用了未定义的{'列' if axis == 'column' else '行'} {key}")
        totals.append(TotalRule(axis, target, parts))
    return tuple(totals)


def _table(key: str, data: Any, where: str) -> Table:
    data = _fields(data, "table", where)
    groups = []
    for i, raw in enumerate(data.get("groups", [])):
        raw = _fields(raw, "group", f"{where}.groups[{i}]")
        groups.append(
            Group(
                _require(raw, "key", f"{where}.groups[{i}]"),
                _require(raw, "label", where),
                raw.get("parent"),
                str(raw.get("help", "")),
            )
        )
    group_keys = {g.key for g in groups}
    _unique([g.key for g in groups], f"{where}.groups")
    for group in groups:
        if group.parent is not None and group.parent not in group_keys:
            raise SpecError(f"{where}.groups.{group.key}.parent：引用了未定义的分组 {group.parent}")
    bands = tuple(_band(b, f"{where}.bands[{i}]", group_keys) for i, b in enumerate(_require(data, "bands", where, list)))
    layout = data.get("layout", "rows")
    if layout not in ("rows", "inline"):
        raise SpecError(f"{where}.layout：应为 rows 或 inline")
    table = Table(
        key=key,
        title=_require(data, "title", where),
        grid_columns=_require(data, "grid_columns", where, int),
        label_columns=_require(data, "label_columns", where, int),
        layout=layout,
        bands=bands,
        groups=tuple(groups),
        totals=(),
    )
    _unique([row.key for row in table.rows], f"{where}.rows")
    _check_header_refs(table, where)
    totals = _totals(data.get("totals", []), key, table.rows, where)
    table = Table(**{**table.__dict__, "totals": totals})
    try:
        build_layout(table)
    except LayoutError as error:
        raise SpecError(f"{where}：{error}") from None
    return table


def _cells(tables: Mapping[str, Table]) -> dict[str, CellSpec]:
    cells: dict[str, CellSpec] = {}
    for table in tables.values():
        column_targets = {t.target for t in table.totals if t.axis == "column"}
        row_targets = {t.target for t in table.totals if t.axis == "row"}
        for row in table.rows:
            for column in row.columns:
                key = table.cell_key(row.key, column.key)
                derived = column.key in column_targets or row.key in row_targets
                cells[key] = CellSpec(key, table.key, row.key, column.key, column.value_type, derived)
    return cells


def _check(data: Any, where: str, tables: Mapping[str, Table], cells: Mapping[str, CellSpec], sections: set[str]) -> Check:
    if not isinstance(data, Mapping):
        raise SpecError(f"{where}：应为表（键值对）")
    kind_name = _require(data, "kind", where)
    kind = defined_kind(kind_name)
    if kind is None:
        raise SpecError(f"{where}.kind：未知的校验类型 {kind_name}")
    unknown = set(data) - _ALLOWED["check"] - kind.accepts()
    if unknown:
        raise SpecError(f"{where}：未知的键 {', '.join(sorted(unknown))}")
    severity = _require(data, "severity", where)
    if severity not in ("error", "warning"):
        raise SpecError(f"{where}.severity：应为 error 或 warning")
    params = {k: v for k, v in data.items() if k not in _ALLOWED["check"]}
    kind.validate(params, where)
    _check_refs(params, where, tables, cells, sections)
    return Check(
        _require(data, "id", where),
        severity,
        kind_name,
        _require(data, "text", where),
        MappingProxyType(params),
        kind.needs_previous,
    )


def _check_refs(
    params: Mapping[str, Any], where: str, tables: Mapping[str, Table], cells: Mapping[str, CellSpec], sections: set[str]
) -> None:
    table = None
    if "table" in params:
        if params["table"] not in tables:
            raise SpecError(f"{where}.table：引用了未定义的表格 {params['table']}")
        table = tables[params["table"]]
    row_keys = {row.key for row in table.rows} if table else set()
    column_keys = {column.key for row in table.rows for column in row.columns} if table else set()
    per_column = params.get("per") == "column"
    for name in ("left", "right"):
        for key in params.get(name, []):
            if key not in (row_keys if per_column else column_keys):
                raise SpecError(f"{where}.{name}：引用了未定义的{'行' if per_column else '列'} {key}")
    for name in ("row", "previous_row", "in_force", "issued", "repealed", "column", "rows"):
        if name not in params or table is None:
            continue
        keys = params[name] if isinstance(params[name], list) else [params[name]]
        known = row_keys if name in ("row", "previous_row", "rows") else column_keys
        for key in keys:
            if key not in known:
                raise SpecError(f"{where}.{name}：引用了未定义的{'行' if known is row_keys else '列'} {key}")
    total_column = params.get("column") if params.get("per") is None and "row" not in params else None
    if table is not None and total_column and not any(t.axis == "column" and t.target == total_column for t in table.totals):
        raise SpecError(f"{where}.column：{params['column']} 不是合计列")
    for figure_index, figure in enumerate(params.get("figures", [])):
        for key in figure.get("cells", []):
            if key not in cells:
                raise SpecError(f"{where}.figures[{figure_index}]：引用了未定义的单元格 {key}")
        for name in ("patterns", "zero_patterns"):
            for pattern_index, pattern in enumerate(figure.get(name, [])):
                error = phrase_error(pattern, zero=name == "zero_patterns")
                if error is not None:
                    raise SpecError(f"{where}.figures[{figure_index}].{name}[{pattern_index}]：{error}")
    if "section" in params and params["section"] not in sections:
        raise SpecError(f"{where}.section：引用了未定义的部分 {params['section']}")


def _texts(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise SpecError(f"{where}.{key}：应为非空文字的列表")
    return tuple(value)


def _unique_aliases(levels: list[OrganLevel], where: str) -> None:
    """An alias names one level only, and is no other level's label."""
    owner: dict[str, str] = {level.label: level.key for level in levels}
    for level in levels:
        for alias in level.aliases:
            if owner.setdefault(alias, level.key) != level.key:
                raise SpecError(f"{where}.{level.key}.aliases：“{alias}”已指 {owner[alias]}")


def _report_fields(raw_fields: Any, where: str) -> tuple[Field, ...]:
    if not isinstance(raw_fields, list):
        raise SpecError(f"{where}：应为列表")
    fields = []
    for i, raw in enumerate(raw_fields):
        field_where = f"{where}[{i}]"
        raw = _fields(raw, "field", field_where)
        key = _require(raw, "key", field_where)
        if key not in FIELD_KEYS:
            raise SpecError(f"{field_where}.key：未知的基本信息项 {key}")
        required = raw.get("required", False)
        if not isinstance(required, bool):
            raise SpecError(f"{field_where}.required：类型应为 bool")
        fields.append(Field(key, _require(raw, "label", field_where), required, _texts(raw, "aliases", field_where)))
    _unique([f.key for f in fields], where)
    missing = [key for key in FIELD_KEYS if key not in {f.key for f in fields}]
    if missing:
        raise SpecError(f"{where}：缺少基本信息项 {', '.join(missing)}")
    return tuple(fields)


def parse_spec(data: Mapping[str, Any], source: str = "<spec>") -> FormatSpec:
    """Build a FormatSpec from parsed TOML data, validating it completely."""
    root = _fields(data, "root", source)
    levels = []
    for i, raw in enumerate(root.get("organ_levels", [])):
        level_where = f"{source}: organ_levels[{i}]"
        raw = _fields(raw, "organ_level", level_where)
        levels.append(
            OrganLevel(
                _require(raw, "key", level_where),
                _require(raw, "label", level_where),
                bool(raw.get("may_make_regulations", False)),
                int(raw.get("fee_plausible_max_wan", 10**7)),
                _texts(raw, "aliases", level_where),
                _texts(raw, "name_endings", level_where),
            )
        )
    _unique([level.key for level in levels], f"{source}: organ_levels")
    _unique_aliases(levels, f"{source}: organ_levels")
    fields = _report_fields(root.get("fields", []), f"{source}: fields")
    tables_raw = _require(root, "tables", source, dict)
    tables = {key: _table(key, raw, f"{source}: tables.{key}") for key, raw in tables_raw.items()}
    sections = []
    for i, raw in enumerate(_require(root, "sections", source, list)):
        section_where = f"{source}: sections[{i}]"
        raw = _fields(raw, "section", section_where)
        table_key = raw.get("table")
        if table_key is not None and table_key not in tables:
            raise SpecError(f"{section_where}.table：引用了未定义的表格 {table_key}")
        sections.append(
            Section(
                _require(raw, "key", section_where),
                _require(raw, "number", section_where),
                _require(raw, "heading", section_where),
                table_key,
                tuple(raw.get("outline", ())),
            )
        )
    _unique([s.key for s in sections], f"{source}: sections")
    cells = _cells(tables)
    section_keys = {s.key for s in sections}
    checks = tuple(
        _check(raw, f"{source}: checks[{i}]", tables, cells, section_keys)
        for i, raw in enumerate(_require(root, "checks", source, list))
    )
    _unique([c.id for c in checks], f"{source}: checks")
    try:
        drafts = parse_drafts(root.get("drafts"), source, cells, section_keys)
    except DraftSpecError as error:
        raise SpecError(str(error)) from None
    return FormatSpec(
        edition=_require(root, "edition", source),
        name=_require(root, "name", source),
        first_year=_require(root, "first_year", source, int),
        last_year=root.get("last_year"),
        title=_require(root, "title", source),
        opening=str(root.get("opening", "")),
        organ_levels=tuple(levels),
        sections=tuple(sections),
        tables=MappingProxyType(tables),
        checks=checks,
        cells=MappingProxyType(cells),
        drafts=drafts,
        narrative_figures=_narrative_figures(checks, drafts),
        fields=fields,
        citations=_texts(root, "citations", source),
    )


def _narrative_figures(checks: tuple[Check, ...], drafts: tuple[DraftTopic, ...]) -> tuple[Mapping[str, Any], ...]:
    """Every table figure the narrative may state: the phrases of text.table_mismatch, then the drafted
    wording, read back by the same reader."""
    stated = [figure for check in checks for figure in check.params.get("figures", ())]
    drafted = [{"name": f.name, "cells": f.cells, "patterns": f.patterns} for f in all_figure_patterns(drafts)]
    return tuple(stated + drafted)


def load_spec_file(path: Path) -> FormatSpec:
    """Load a definition file; a syntax error is reported with the file name."""
    return load_spec_text(path.read_text(encoding="utf-8"), path.name)


def load_spec_text(text: str, name: str) -> FormatSpec:
    """Load the text of the definition file `name`."""
    import tomllib  # not needed when the definitions are kept between runs (gkdesk.spec.cache)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SpecError(f"{name}：TOML 语法错误：{error}") from None
    return parse_spec(data, name)


@cache
def load_spec(edition: str = "2021") -> FormatSpec:
    """The format definition of `edition` ("2021" or "2019"), loaded once (and kept between runs when the
    program names a cache folder: gkdesk.spec.cache)."""
    path = _definition_file(edition)
    return cached_spec(path.read_text(encoding="utf-8"), path.name, lambda text: load_spec_text(text, path.name))


def _definition_file(edition: str) -> Path:
    if edition not in EDITIONS:
        raise SpecError(f"未知的报告格式版本：{edition}")
    return paths.resource("forms", f"annual-report-{edition}.toml")


@cache
def edition_years(edition: str) -> tuple[int, int | None]:
    """first_year and last_year of `edition`. Which edition a year takes is asked at every start (a new report's
    year): when the program keeps definitions between runs, loading one costs little once it is kept; otherwise
    the definition's top-level keys are read without loading the rest, and a definition whose top cannot be read
    that way is loaded whole, which says what is wrong with it."""
    if definitions_kept():
        kept = load_spec(edition)
        return kept.first_year, kept.last_year
    import tomllib

    text = _definition_file(edition).read_text(encoding="utf-8")
    head = text[: text.find("\n[")] if "\n[" in text else text  # top-level keys come before the first table
    try:
        root = tomllib.loads(head)
        first, last = root["first_year"], root.get("last_year")
        if isinstance(first, int) and (last is None or isinstance(last, int)):
            return first, last
    except (tomllib.TOMLDecodeError, KeyError):
        pass
    spec = load_spec(edition)
    return spec.first_year, spec.last_year


def edition_for_year(year: int) -> str:
    """The edition whose years (first_year … last_year of its definition) cover `year`; years before every
    edition take the oldest, years after take the current one."""
    for edition in EDITIONS:
        if years_cover(*edition_years(edition), year):
            return edition
    oldest = min(EDITIONS, key=lambda edition: edition_years(edition)[0])
    return oldest if year < edition_years(oldest)[0] else CURRENT_EDITION


def earliest_year() -> int:
    """The first year any edition covers: the oldest report the program can hold."""
    return min(edition_years(edition)[0] for edition in EDITIONS)
