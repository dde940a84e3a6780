"""Open an untrusted OOXML package (.docx / .xlsx) with bounded sizes: no zip bombs, no huge parts; and the
one XML parser configuration every reader uses (no entities, no network, no DTD)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import MAX_FILE_BYTES, read_bounded, refuse_crowded_xml

MAX_PART_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_ENTRIES = 5000


# What reading a damaged zip member can raise.
MEMBER_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """One member's bytes, reading at most MAX_PART_BYTES (the size in the zip header may lie); None when it is
    larger. A damaged member raises one of MEMBER_ERRORS."""
    with archive.open(info) as handle:
        data = handle.read(MAX_PART_BYTES + 1)
    return data if len(data) <= MAX_PART_BYTES else None


class Package:
    """An untrusted .docx/.xlsx read once: its bytes, bounded, and one zip directory that every part is read from."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.data = read_bounded(path, MAX_FILE_BYTES, "报告文件")  # for readers that need the whole file (openpyxl)
        buffer = io.BytesIO(self.data)
        if not zipfile.is_zipfile(buffer):
            raise ReportFileError(
                f"{path.name}：不是有效的 {kind} 文件（文件已损坏，或是旧版 .doc/.xls 格式，请另存为 {kind}）"
            )
        try:
            self._zip = zipfile.ZipFile(buffer)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise ReportFileError(f"{path.name}：文件已损坏，无法打开（{error}）") from None
        if len(infos) > MAX_ENTRIES:
            raise ReportFileError(f"{path.name}：文件内部条目过多，已损坏或不是报告文件")
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
            raise ReportFileError(f"{path.name}：文件解压后过大，已损坏或不是报告文件")
        self.names = [info.filename for info in infos]

    @property
    def archive(self) -> zipfile.ZipFile:
        """The zip directory every part is read from (already checked against the bounds above)."""
        return self._zip

    def part(self, name: str, required: bool = True) -> bytes | None:
        """The bytes of one part, reading at most MAX_PART_BYTES (the size in the header may lie)."""
        try:
            try:
                info = self._zip.getinfo(name)
            except KeyError:
                if required:
                    raise ReportFileError(f"{self.path.name}：缺少 {name}，不是有效的 Word/Excel 文件") from None
                return None
            data = read_member(self._zip, info)
        except MEMBER_ERRORS as error:
            raise ReportFileError(f"{self.path.name}：文件已损坏，无法读取 {name}（{error}）") from None
        if data is None:
            raise ReportFileError(f"{self.path.name}：{name} 过大，已损坏或不是报告文件")
        return data

    def xml(self, name: str, required: bool = True) -> Any:
        """One part parsed (None when an optional part is absent); damaged XML raises ReportFileError."""
        data = self.part(name, required)
        return None if data is None else parse_xml(data, self.path, name)


def xml_parser(huge_text: bool = False) -> Any:
    """The XML parser every reader uses: no entities, no network, no DTD. `huge_text` lifts libxml2's 10 MB limit
    on one text node, for gkdesk's own embedded report (a part already bounded by MAX_PART_BYTES)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=huge_text)


def parse_xml(data: bytes, path: Path, name: str) -> Any:
    """Parse XML without entities, network or huge trees."""
    refuse_crowded_xml(data, path.name, name)
    try:
        return etree.fromstring(data, xml_parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        raise ReportFileError(f"{path.name}：{name} 已损坏（XML 错误：{error}）") from None
