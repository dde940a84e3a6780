"""The embedded report in an .xlsx: a very hidden, protected sheet holding the JSON in ≤30 000-character chunks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook import Workbook

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import refuse_crowded_workbook
from gkdesk.io.own.embedded import EmbeddedDataCorrupt, NoEmbeddedData, Payload
from gkdesk.io.xlsx.cell_source import CellSource, OpenpyxlCells
from gkdesk.io.xlsx.package import read_file_bytes

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


def payload_from(cells: CellSource, name: str) -> Payload:
    """The payload in the data sheet; NoEmbeddedData if the sheet or its marker is absent."""
    if not cells.has_sheet(DATA_SHEET) or cells.cell(DATA_SHEET, 1, 2)[0] != MARKER:
        raise NoEmbeddedData(f"{name}：没有 gkdesk 内嵌的报告数据")
    version, sha, count = (cells.cell(DATA_SHEET, row, 2)[0] for row in (2, 3, 4))
    if not isinstance(version, int) or not isinstance(count, int) or not isinstance(sha, str):
        raise EmbeddedDataCorrupt(f"{name}：工作表 {DATA_SHEET} 中的内嵌数据不完整")
    parts = [cells.cell(DATA_SHEET, FIRST_CHUNK_ROW + i, 2)[0] for i in range(count)]
    text = "".join(part if isinstance(part, str) else "" for part in parts)
    return Payload(text, sha, version)


def names_data_sheet(data: bytes) -> bool:
    """Whether the workbook in `data` lists a sheet named DATA_SHEET (True when that cannot be told cheaply)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            books = [info for info in package.infolist() if info.filename.lower().endswith("workbook.xml")]
            if not books:
                return True
            for info in books:
                with package.open(info) as handle:
                    if DATA_SHEET.encode("ascii") in handle.read(4 * 1024 * 1024):
                        return True
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return True
    return False


def open_workbook(data: bytes, name: str) -> Workbook:
    """The workbook in `data` opened by openpyxl from memory (no file handle left behind on failure)."""
    refuse_crowded_workbook(data, name)  # openpyxl builds every cell: count them first
    try:
        return openpyxl.load_workbook(io.BytesIO(data), rich_text=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReportFileError(f"{name}：不是有效的 Excel 工作簿（{error}）") from None


def read_payload(path: Path) -> tuple[Payload, Workbook]:
    """The payload and the opened workbook; NoEmbeddedData if the data sheet is absent."""
    workbook = open_workbook(read_file_bytes(path), path.name)
    return payload_from(OpenpyxlCells(workbook), path.name), workbook
