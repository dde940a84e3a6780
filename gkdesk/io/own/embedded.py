"""The report data gkdesk embeds in its own .docx and .xlsx, and reading those files back.

Every exported file carries the report as .gkr JSON (ASCII-escaped, so it is safe in XML and in Excel
cells), the SHA-256 of that JSON's UTF-8 bytes and the .gkr file-format version:

- .docx: a custom XML part (customXml/itemN.xml, root ``{urn:gkdesk:embedded-report}report``);
- .xlsx: a very hidden sheet ``gkdesk_data`` (see gkdesk.io.xlsx.hidden).

Public API, for the window and for the importer of foreign files:

- ``read_own_docx(path) -> OwnFile`` / ``read_own_xlsx(path) -> OwnFile``: the embedded report, verified,
  plus ``OwnFile.differences``: every place where what is visibly in the document (a table cell, the title,
  a narrative paragraph, a 基本信息 field) differs from the embedded data — i.e. hand edits after export.
- Both raise ``NoEmbeddedData`` when the file carries no gkdesk data (a foreign file: fall back to reading
  labels) and ``EmbeddedDataCorrupt`` when the data is there but its hash or JSON is broken (also fall back,
  and tell the user). Both are ``EmbeddedDataError``, a ``ReportFileError``.
- ``own_file_readers()`` maps ".docx" / ".xlsx" to these readers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import FILE_VERSION, loads, report_to_dict
from gkdesk.model import Report

if TYPE_CHECKING:
    from gkdesk.io.xlsx.package import XlsxPackage

NAMESPACE = "urn:gkdesk:embedded-report"


class EmbeddedDataError(ReportFileError):
    """The file has no usable gkdesk data; the caller may fall back to reading what is visible."""


class NoEmbeddedData(EmbeddedDataError):
    """The file was not made by gkdesk (or its data was removed)."""


class EmbeddedDataCorrupt(EmbeddedDataError):
    """The embedded data is present but damaged or altered (hash mismatch, broken JSON, newer version)."""


@dataclass(frozen=True)
class Payload:
    """The embedded data: JSON text, the hex SHA-256 of its UTF-8 bytes and the .gkr file-format version."""

    json_text: str
    sha256: str
    file_version: int


@dataclass(frozen=True)
class Difference:
    """A place where the visible document differs from the embedded data.

    key: a cell key ("requests.new.natural"), a paragraph anchor ("overview#3", 1-based), "title",
    "opening", or a 基本信息 field ("organ", "year", "contact.phone", ...).
    """

    key: str
    embedded: str
    visible: str


@dataclass
class OwnFile:
    """A gkdesk-made .docx or .xlsx read back."""

    report: Report
    payload: Payload
    differences: list[Difference] = field(default_factory=list)
    computed: frozenset[str] = frozenset()  # totals the file shows by a live formula (the sum of its figures)

    @property
    def edited(self) -> bool:
        return bool(self.differences)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_payload(report: Report) -> Payload:
    """The payload to embed for `report` (comments and acknowledgements included, as in .gkr)."""
    text = json.dumps(report_to_dict(report), ensure_ascii=True, separators=(",", ":"))
    return Payload(text, sha256_hex(text), FILE_VERSION)


def verify_payload(payload: Payload, source: str) -> Report:
    """Check the hash and version, then parse the JSON into a Report."""
    if payload.file_version < 1:
        raise EmbeddedDataCorrupt(f"{source}：内嵌数据的文件格式版本 {payload.file_version} 无效，数据已损坏。")
    if payload.file_version > FILE_VERSION:
        raise EmbeddedDataCorrupt(
            f"{source}：内嵌数据由更新版本的 gkdesk 写入（文件格式版本 {payload.file_version}），请升级 gkdesk。"
        )
    if sha256_hex(payload.json_text) != payload.sha256.lower():
        raise EmbeddedDataCorrupt(f"{source}：内嵌的报告数据校验值（SHA-256）不符，数据已被改动或损坏。")
    try:
        return loads(payload.json_text, f"{source}（内嵌数据）")
    except EmbeddedDataError:
        raise
    except ReportFileError as error:
        raise EmbeddedDataCorrupt(str(error)) from None


def read_own_docx(path: Path | str) -> OwnFile:
    """Read a .docx exported by gkdesk: the embedded report plus visible hand edits."""
    from gkdesk.io.docx.own import read_own_package
    from gkdesk.io.files.safe_zip import Package

    return read_own_package(Package(Path(path), ".docx"))


def read_own_xlsx(path: Path | str) -> OwnFile:
    """Read an .xlsx exported by gkdesk: the embedded report plus visible hand edits (the file read once)."""
    from gkdesk.io.xlsx.package import read_file_bytes

    path = Path(path)
    return read_own_xlsx_data(read_file_bytes(path), path.name)


def read_own_xlsx_data(data: bytes, name: str, fast: bool = True, package: XlsxPackage | None = None) -> OwnFile:
    """`read_own_xlsx` of a file's bytes. gkdesk's own packages are read from their parts directly (from
    `package` when the caller has the file open already); anything else (re-saved by another program, no
    embedded data, damaged) by openpyxl, as is every file when `fast` is False."""
    from gkdesk.io.xlsx.cell_source import OpenpyxlCells
    from gkdesk.io.xlsx.fast_own import read_own_fast
    from gkdesk.io.xlsx.hidden import names_data_sheet, open_workbook, payload_from
    from gkdesk.io.xlsx.package import UnexpectedPackage
    from gkdesk.io.xlsx.visible import own_xlsx_file

    if fast:
        try:
            return read_own_fast(data if package is None else package, name)
        except UnexpectedPackage:
            pass
    if not names_data_sheet(data):  # not opened whole just to find no embedded data
        raise NoEmbeddedData(f"{name}：没有 gkdesk 内嵌的报告数据")
    cells = OpenpyxlCells(open_workbook(data, name))
    payload = payload_from(cells, name)
    report = verify_payload(payload, name)
    return own_xlsx_file(cells, report, payload)


def own_file_readers() -> dict[str, Callable[[Path | str], OwnFile]]:
    """Readers for gkdesk-made files by suffix, for the importer's per-suffix reader."""
    return {".docx": read_own_docx, ".xlsx": read_own_xlsx}
