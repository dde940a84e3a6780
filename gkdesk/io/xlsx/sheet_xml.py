"""One worksheet part parsed into cell values, the way openpyxl's reader gives them (rich_text=False).

Values: inline and shared strings (plain text of their runs), numbers (int, or float when the text has
".", "e" or "E"), booleans, error texts; a formula is "=" + its text with data type "f", its cached value
kept apart (for data_only readers). Cells hidden under a merged range hold nothing, as in openpyxl.
Dates (a date number format, t="d") and shared or array formulas are unexpected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

from gkdesk.io.files.limits import MAX_CELLS
from gkdesk.io.xlsx.package import UnexpectedPackage, q

Value = str | int | float | bool | None
_T, _R, _IS, _V, _F = q("t"), q("r"), q("is"), q("v"), q("f")


class CellValue(NamedTuple):
    value: Value
    data_type: str  # "n", "s", "b", "e" or "f"
    cached: Value = None  # a formula's stored result


@dataclass(frozen=True)
class MergedRange:
    min_col: int
    min_row: int
    max_col: int
    max_row: int


@dataclass
class SheetCells:
    """The cells of one worksheet by (row, column), 1-based as in Excel."""

    title: str
    cells: dict[tuple[int, int], CellValue] = field(default_factory=dict)
    merges: list[MergedRange] = field(default_factory=list)

    def value(self, row: int, col: int) -> Value:
        cell = self.cells.get((row, col))
        return None if cell is None else cell.value


_EMPTY = {kind: CellValue(None, kind) for kind in ("n", "s", "inlineStr", "str", "b", "e")}


def string_content(node: Any) -> str:
    """Plain text of a string item (<si> or <is>): its <t>, then each run's <t>; phonetic runs left out."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        if child.tag == _T:
            plain = child.text
        elif child.tag == _R:
            texts = [t.text for t in child if t.tag == _T]
            if texts and texts[-1] is not None:
                runs.append(texts[-1])
    return "".join([plain] if plain is not None else []) + "".join(runs)


def _number(text: str) -> int | float:
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


def _children(element: Any) -> tuple[Any, Any, Any]:
    """The first <v>, <f> and <is> of a cell element (what openpyxl's find/findtext see)."""
    value = formula = inline = None
    for child in element:
        tag = child.tag
        if tag == _V and value is None:
            value = child
        elif tag == _F and formula is None:
            formula = child
        elif tag == _IS and inline is None:
            inline = child
    return value, formula, inline


def _cell(element: Any, shared: list[str], date_styles: frozenset[int]) -> CellValue:
    kind = element.get("t", "n")
    if not len(element):  # an empty (styled) cell
        return _EMPTY.get(kind) or CellValue(None, kind)
    value_element, formula, inline = _children(element)
    raw = None if kind == "inlineStr" or value_element is None else (value_element.text or None)
    value: Value = raw
    if raw is not None:
        if kind == "n":
            if int(element.get("s", "0") or 0) in date_styles:
                raise UnexpectedPackage("date cell")
            value = _number(raw)
        elif kind == "s":
            value = shared[int(raw)]
        elif kind == "b":
            value = bool(int(raw))
        elif kind == "str":
            kind = "s"
        elif kind != "e":
            raise UnexpectedPackage(f"cell type {kind}")
    elif kind == "inlineStr" and inline is not None:
        kind, value = "s", string_content(inline)
    if formula is not None:
        if formula.get("t", "normal") != "normal":
            raise UnexpectedPackage("shared or array formula")
        return CellValue("=" + (formula.text or ""), "f", value)
    return CellValue(value, kind)


_PLACES: dict[str, tuple[int, int]] = {}


def _place(ref: str) -> tuple[int, int]:
    """(row, column) of a cell reference, remembered (every export uses the same few hundred)."""
    place = _PLACES.get(ref)
    if place is None:
        if len(_PLACES) > 100_000:
            _PLACES.clear()
        place = _PLACES[ref] = coordinate_to_tuple(ref)
    return place


def parse_sheet(title: str, root: Any, shared: list[str], date_styles: frozenset[int]) -> SheetCells:
    """The cells and merged ranges of a worksheet part's root element."""
    if root.tag != q("worksheet"):
        raise UnexpectedPackage(f"{title}: not a worksheet")
    sheet = SheetCells(title)
    data = root.find(q("sheetData"))
    for element in data.iter(q("c")) if data is not None else ():
        ref = element.get("r")
        if not ref:
            raise UnexpectedPackage(f"{title}: cell without reference")
        sheet.cells[_place(ref)] = _cell(element, shared, date_styles)
        if len(sheet.cells) > MAX_CELLS:
            raise UnexpectedPackage(f"{title}: too many cells")
    for merge in root.iter(q("mergeCell")):
        min_col, min_row, max_col, max_row = range_boundaries(merge.get("ref", ""))
        if None in (min_col, min_row, max_col, max_row):
            raise UnexpectedPackage(f"{title}: open merged range")
        merged = MergedRange(min_col, min_row, max_col, max_row)  # type: ignore[arg-type]
        sheet.merges.append(merged)
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) != (merged.min_row, merged.min_col):
                    sheet.cells.pop((row, col), None)
    return sheet
