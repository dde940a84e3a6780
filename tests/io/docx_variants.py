"""Build hand-typed-style report .docx files in test code, in many variants (python-docx).

Labels come from the spec's own layout, then are disfigured the way real documents disfigure them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import docx

from gkdesk.model import CellValue
from gkdesk.spec import GridCell, build_layout, load_spec

HALF = str.maketrans({"（": "(", "）": ")", "“": '"', "”": '"', "，": ",", "：": ":", "、": ","})
FULL_DIGITS = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass
class Variant:
    edition: str = "2021"
    organ: str = "某某县"
    year: int = 2021
    merge: str = "merge"  # "merge": real merged cells; "repeat": same text in every cell of the would-be merge;
    # "none": no merged cells, the text in the first cell of the would-be merge only
    corner_text: bool = True  # False: table 三's corner cell (the 勾稽关系 note) left empty
    halfwidth: bool = False
    spaces: bool = False  # spaces and line breaks inside labels
    altered_headers: bool = False  # 本年发件 for 本年制发件数 etc.
    fullwidth_digits: bool = False
    padding: bool = False
    split_requests_at: int | None = None  # grid row where table 三 continues in a second table
    repeat_header_on_split: bool = False
    extra_empty_rows: bool = False
    extra_empty_col: bool = False
    text_overrides: dict[str, str] = field(default_factory=dict)  # cell key → text typed in the file


def expected_values(edition: str) -> dict[str, CellValue]:
    """A distinct value for every cell, so a cell landing on the wrong key is noticed."""
    values: dict[str, CellValue] = {}
    for index, cell in enumerate(load_spec(edition).cells.values(), start=1):
        values[cell.key] = Decimal(f"{index}.25") if cell.value_type.max_decimals else index
    return values


def _label(text: str, variant: Variant) -> str:
    if variant.halfwidth:
        text = text.translate(HALF)
    if variant.spaces and len(text) > 4:
        text = f"{text[:2]} {text[2:4]}\n{text[4:]}"
    return text


def _header(text: str, variant: Variant, column_labels: set[str]) -> str:
    if variant.altered_headers and text in column_labels:
        if text == "本年制发件数":
            text = "本年发件"
        elif len(text) >= 6:
            text = text[:2] + text[3:]
    return _label(text, variant)


def _value(key: str, value: CellValue, variant: Variant) -> str:
    if key in variant.text_overrides:
        return variant.text_overrides[key]
    text = str(value)
    if variant.fullwidth_digits:
        text = text.translate(FULL_DIGITS)
    if variant.padding:
        text = f"  {text} "
    return text


def _text(cell: GridCell, variant: Variant, values: dict[str, CellValue], column_labels: set[str]) -> str:
    if cell.kind == "value":
        assert cell.cell_key is not None
        return _value(cell.cell_key, values[cell.cell_key], variant)
    if cell.kind == "header":
        return _header(cell.text, variant, column_labels)
    return _label(cell.text, variant)


def _add_table(
    document: docx.document.Document,
    cells: list[GridCell],
    top: int,
    rows: int,
    cols: int,
    variant: Variant,
    values: dict[str, CellValue],
    column_labels: set[str],
) -> None:
    extra_rows = 1 if variant.extra_empty_rows else 0
    extra_col = 1 if variant.extra_empty_col else 0
    table = document.add_table(rows=rows + 2 * extra_rows, cols=cols + extra_col)
    width = cols + extra_col
    if variant.merge == "merge":
        for cell in cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                r = cell.row - top + extra_rows
                table.cell(r, cell.col).merge(table.cell(r + cell.rowspan - 1, cell.col + cell.colspan - 1))
    grid = table._cells  # row-major, computed once (python-docx recomputes it on every table.cell call)
    for cell in cells:
        r = cell.row - top + extra_rows
        text = _text(cell, variant, values, column_labels)
        if not variant.corner_text and cell.kind == "header" and cell.rowspan > 1 and cell.colspan > 1:
            text = ""
        if variant.merge in ("merge", "none"):
            grid[r * width + cell.col].text = text
            continue
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                grid[(r + dr) * width + cell.col + dc].text = text


def build_docx(path: Path, variant: Variant | None = None) -> dict[str, CellValue]:
    """Write the report and return the values it shows, by cell key."""
    variant = variant or Variant()
    spec = load_spec(variant.edition)
    values = expected_values(variant.edition)
    document = docx.Document()
    document.add_paragraph(f"{variant.organ}{variant.year}年政府信息公开工作年度报告")
    document.add_paragraph(f"根据《中华人民共和国政府信息公开条例》规定和（{spec.name}）要求，现发布本报告。")
    for section in spec.sections:
        document.add_paragraph(_label(section.heading, variant))
        if section.table is None:
            document.add_paragraph(f"{section.heading}的正文。本年度未收取信息处理费。")
            continue
        table = spec.tables[section.table]
        layout = build_layout(table)
        column_labels = {column.label for row in table.rows for column in row.columns}
        split = variant.split_requests_at if section.table == "requests" else None
        if split is None:
            _add_table(document, list(layout.cells), 0, layout.n_rows, layout.n_cols, variant, values, column_labels)
            continue
        head = [replace(c, rowspan=min(c.rowspan, split - c.row)) for c in layout.cells if c.row < split]
        tail = [c for c in layout.cells if c.row >= split]
        tail += [
            replace(c, row=split, rowspan=c.row + c.rowspan - split)
            for c in layout.cells
            if c.row < split < c.row + c.rowspan
        ]
        _add_table(document, head, 0, split, layout.n_cols, variant, values, column_labels)
        document.add_paragraph("")
        top = split
        if variant.repeat_header_on_split:
            header = [c for c in layout.cells if c.row < layout.leading_header_rows]
            shifted = [
                GridCell(c.row + split - layout.leading_header_rows, c.col, c.rowspan, c.colspan, c.kind, c.text)
                for c in header
            ]
            tail = shifted + tail
            top = split - layout.leading_header_rows
        _add_table(document, tail, top, layout.n_rows - top, layout.n_cols, variant, values, column_labels)
    document.save(str(path))
    return values
