"""The embedded report in an .xlsx: a very hidden, protected sheet holding the JSON in ≤30 000-character chunks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook import Workbook

from gkdesk.io.embedded import EmbeddedDataCorrupt, NoEmbeddedData, Payload
from gkdesk.io.errors import ReportFileError

DATA_SHEET = "gkdesk_data"
MARKER = "gkdesk-embedded-report"
CHUNK = 30000  # an Excel cell holds at most 32 767 characters
FIRST_CHUNK_ROW = 6


def add_data_sheet(workbook: Workbook, payload: Payload) -> None:
    sheet = workbook.create_sheet(DATA_SHEET)
    chunks = [payload.json_text[i : i + CHUNK] for i in range(0, len(payload.json_text), CHUNK)] or [""]
    header = (("format", MARKER), ("file_version", payload.file_version), ("sha256", payload.sha256))
    for row, (name, value) in enumerate((*header, ("chunks", len(chunks))), start=1):
        sheet.cell(row, 1).value = name
        sheet.cell(row, 2).value = value
    sheet.cell(5, 1).value = "json"
    for offset, chunk in enumerate(chunks):
        cell = sheet.cell(FIRST_CHUNK_ROW + offset, 2)
        cell.value = chunk
        cell.data_type = "s"  # JSON never starts with "=", but never let it be a formula
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


def read_payload(path: Path) -> tuple[Payload, Workbook]:
    """The payload and the opened workbook; NoEmbeddedData if the data sheet is absent."""
    try:
        workbook = openpyxl.load_workbook(path, rich_text=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReportFileError(f"{path.name}：不是有效的 Excel 工作簿（{error}）") from None
    if DATA_SHEET not in workbook.sheetnames:
        raise NoEmbeddedData(f"{path.name}：没有 gkdesk 内嵌的报告数据")
    sheet = workbook[DATA_SHEET]
    if sheet.cell(1, 2).value != MARKER:
        raise NoEmbeddedData(f"{path.name}：没有 gkdesk 内嵌的报告数据")
    version, sha, count = (sheet.cell(row, 2).value for row in (2, 3, 4))
    if not isinstance(version, int) or not isinstance(count, int) or not isinstance(sha, str):
        raise EmbeddedDataCorrupt(f"{path.name}：工作表 {DATA_SHEET} 中的内嵌数据不完整")
    parts = [sheet.cell(FIRST_CHUNK_ROW + i, 2).value for i in range(count)]
    text = "".join(part if isinstance(part, str) else "" for part in parts)
    return Payload(text, sha, version), workbook
