"""The whole report as an openpyxl Workbook: 基本信息, the table sheets, 文字部分, 校验, hidden data."""

from __future__ import annotations

from datetime import datetime

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from gkdesk.io.findings import report_findings
from gkdesk.io.own.embedded import build_payload
from gkdesk.io.xlsx.checks_sheet import add_check_sheet
from gkdesk.io.xlsx.comments import add_xlsx_comments
from gkdesk.io.xlsx.hidden import add_data_sheet
from gkdesk.io.xlsx.info import add_info_sheet, add_text_sheet
from gkdesk.io.xlsx.styles import Styler
from gkdesk.io.xlsx.tables import TableSheet, add_table_sheet
from gkdesk.model import Report


def build_workbook(report: Report, now: datetime | None = None) -> Workbook:
    workbook = Workbook()
    default_sheet = workbook.active
    if isinstance(default_sheet, Worksheet):
        workbook.remove(default_sheet)
    styler = Styler()
    add_info_sheet(workbook, report, styler)
    sheets: dict[str, TableSheet] = {}
    for section in report.spec.sections:
        if section.table is not None:
            sheets[section.table] = add_table_sheet(workbook, section, report, styler)
    add_text_sheet(workbook, report, styler)
    add_check_sheet(workbook, report, sheets, report_findings(report), styler)
    add_data_sheet(workbook, build_payload(report))
    add_xlsx_comments(workbook, report)  # 批注 as cell comments
    workbook.active = 0
    properties = workbook.properties
    properties.title = report.title
    properties.creator = report.organ
    properties.lastModifiedBy = report.organ
    properties.created = properties.modified = now or datetime.now()
    properties.subject = "政府信息公开工作年度报告"
    workbook.calculation.fullCalcOnLoad = True  # openpyxl stores no results: make Excel and WPS compute
    return workbook
