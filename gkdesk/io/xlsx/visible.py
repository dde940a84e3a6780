"""What a gkdesk-made .xlsx visibly holds, compared with its embedded report (hand edits after export)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.workbook import Workbook

from gkdesk.io.own.embedded import Difference, OwnFile, Payload
from gkdesk.io.own.visible_compare import paragraph_differences, text_difference, value_difference
from gkdesk.io.xlsx.cell_source import CellSource, OpenpyxlCells
from gkdesk.io.xlsx.info import INFO_SHEET, OPENING_LABEL, TEXT_SHEET, info_fields, join_continued, text_rows
from gkdesk.io.xlsx.tables import TableSheet, table_sheet, total_formula
from gkdesk.model import Report, Resolved
from gkdesk.model.opening import opening_text
from gkdesk.spec import load_spec


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


@lru_cache(maxsize=64)
def _table_cells(edition: str, section_key: str) -> tuple[TableSheet, dict[str, tuple[int, int]], dict[str, str]]:
    """Where each cell of a section's table sheet is (row, column), and each derived total's formula."""
    spec = load_spec(edition)
    section = next(s for s in spec.sections if s.key == section_key)
    info = table_sheet(section, spec.tables[section.table or ""])
    places = {key: coordinate_to_tuple(ref) for key, ref in info.refs.items()}
    formulas = {key: total_formula(info, key) for key in info.refs if spec.cells[key].derived}
    return info, places, formulas


def own_xlsx_file(cells: CellSource | Workbook, report: Report, payload: Payload) -> OwnFile:
    """The embedded report with what the sheets show: hand edits, and the totals shown by their formulas."""
    source = OpenpyxlCells(cells) if isinstance(cells, Workbook) else cells
    computed: set[str] = set()
    return OwnFile(report, payload, visible_differences(source, report, computed), frozenset(computed))


def visible_differences(
    cells: CellSource | Workbook, report: Report, computed: set[str] | None = None
) -> list[Difference]:
    """Every visible value, text and field that differs from `report` (the embedded data); `computed`
    collects the totals shown by their own formula (the file shows the sum of its figures, whatever the
    embedded data or a cached result held)."""
    source = OpenpyxlCells(cells) if isinstance(cells, Workbook) else cells
    differences = _info_differences(source, report)
    resolved = Resolved(report)
    for section in report.spec.sections:
        if section.table is None:
            continue
        info, places, formulas = _table_cells(report.edition, section.key)
        if not source.has_sheet(info.title):
            differences.append(Difference(section.key, info.title, ""))
            continue
        for key, (row, col) in places.items():
            shown, data_type = source.cell(info.title, row, col)
            if data_type == "f" and key not in report.declared:
                expected = formulas.get(key, "")
                if shown.replace(" ", "") != expected:
                    differences.append(Difference(key, expected, shown))
                elif computed is not None:
                    computed.add(key)
                continue
            value_type = report.spec.cells[key].value_type
            differences += value_difference(key, resolved.stated(key), _text(shown), value_type)
    return differences + _text_differences(source, report)


def _info_differences(source: CellSource, report: Report) -> list[Difference]:
    if not source.has_sheet(INFO_SHEET):
        return [Difference(INFO_SHEET, INFO_SHEET, "")]
    differences = []
    for row, (key, _, text) in enumerate(info_fields(report), start=1):
        differences += text_difference(key, text, _text(source.cell(INFO_SHEET, row, 2)[0]))
    return differences


def _text_differences(source: CellSource, report: Report) -> list[Difference]:
    if not source.has_sheet(TEXT_SHEET):
        return [Difference(TEXT_SHEET, TEXT_SHEET, "")]
    shown: dict[str, list[str]] = {}
    read = [(_text(label), _text(kind), _text(content)) for label, kind, content in source.rows(TEXT_SHEET, 2, 3)]
    for label, _, content in join_continued(read):
        shown.setdefault(label, []).append(content)
    differences = text_difference("opening", opening_text(report), "".join(shown.pop(OPENING_LABEL, [])))
    expected: dict[str, list[str]] = {}
    for label, _, paragraph in text_rows(report)[1:]:
        expected.setdefault(label, []).append(paragraph.text)
    for section in report.spec.sections:
        differences += paragraph_differences(
            section.key, expected.get(section.heading, []), shown.pop(section.heading, [])
        )
    for label, texts in shown.items():
        differences += [Difference(label, "", text) for text in texts if text.strip()]
    return differences
