"""What a gkdesk-made .xlsx visibly holds, compared with its embedded report (hand edits after export)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.workbook import Workbook

from gkdesk.io.embedded import Difference
from gkdesk.io.excel.info import INFO_SHEET, OPENING_LABEL, TEXT_SHEET, info_fields, text_rows
from gkdesk.io.excel.tables import table_sheet, total_formula
from gkdesk.io.report_text import opening_text
from gkdesk.io.visible_compare import paragraph_differences, text_difference, value_difference
from gkdesk.model import Report, Resolved


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


def visible_differences(workbook: Workbook, report: Report) -> list[Difference]:
    differences = _info_differences(workbook, report)
    resolved = Resolved(report)
    for section in report.spec.sections:
        if section.table is None:
            continue
        info = table_sheet(section, report.spec.tables[section.table])
        if info.title not in workbook.sheetnames:
            differences.append(Difference(section.key, info.title, ""))
            continue
        sheet = workbook[info.title]
        for key, ref in info.refs.items():
            shown = sheet[ref].value
            if sheet[ref].data_type == "f" and key not in report.declared:
                expected = total_formula(info, key) if report.spec.cells[key].derived else ""
                if shown.replace(" ", "") != expected:
                    differences.append(Difference(key, expected, shown))
                continue
            value_type = report.spec.cells[key].value_type
            differences += value_difference(key, resolved.stated(key), _text(shown), value_type)
    return differences + _text_differences(workbook, report)


def _info_differences(workbook: Workbook, report: Report) -> list[Difference]:
    if INFO_SHEET not in workbook.sheetnames:
        return [Difference(INFO_SHEET, INFO_SHEET, "")]
    sheet = workbook[INFO_SHEET]
    differences = []
    for row, (key, _, text) in enumerate(info_fields(report), start=1):
        differences += text_difference(key, text, _text(sheet.cell(row, 2).value))
    return differences


def _text_differences(workbook: Workbook, report: Report) -> list[Difference]:
    if TEXT_SHEET not in workbook.sheetnames:
        return [Difference(TEXT_SHEET, TEXT_SHEET, "")]
    shown: dict[str, list[str]] = {}
    for label, _, content in workbook[TEXT_SHEET].iter_rows(min_row=2, max_col=3, values_only=True):
        shown.setdefault(_text(label), []).append(_text(content))
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
