"""Open an untrusted OOXML package (.docx / .xlsx) with bounded sizes: no zip bombs, no huge parts."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from gkdesk.io.errors import ReportFileError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_ENTRIES = 5000


def check_package(path: Path, kind: str) -> None:
    """Refuse files that are too large, not zip packages, or would expand beyond the bounds."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReportFileError(f"无法读取 {path}：{error.strerror or error}") from None
    if size > MAX_FILE_BYTES:
        raise ReportFileError(f"{path.name}：文件过大（{size // 1024 // 1024} MB），不是报告文件")
    if not zipfile.is_zipfile(path):
        raise ReportFileError(
            f"{path.name}：不是有效的 {kind} 文件（文件已损坏，或是旧版 .doc/.xls 格式，请另存为 {kind}）"
        )
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ReportFileError(f"{path.name}：文件已损坏，无法打开（{error}）") from None
    if len(infos) > MAX_ENTRIES:
        raise ReportFileError(f"{path.name}：文件内部条目过多，已损坏或不是报告文件")
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
        raise ReportFileError(f"{path.name}：文件解压后过大，已损坏或不是报告文件")


def read_part(path: Path, name: str, required: bool = True) -> bytes | None:
    """The bytes of one part, reading at most MAX_PART_BYTES (the size in the header may lie)."""
    try:
        with zipfile.ZipFile(path) as package:
            try:
                info = package.getinfo(name)
            except KeyError:
                if required:
                    raise ReportFileError(f"{path.name}：缺少 {name}，不是有效的 Word/Excel 文件") from None
                return None
            with package.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
        raise ReportFileError(f"{path.name}：文件已损坏，无法读取 {name}（{error}）") from None
    if len(data) > MAX_PART_BYTES:
        raise ReportFileError(f"{path.name}：{name} 过大，已损坏或不是报告文件")
    return data


def parse_xml(data: bytes, path: Path, name: str) -> Any:
    """Parse XML without entities, network or huge trees."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise ReportFileError(f"{path.name}：{name} 已损坏（XML 错误：{error}）") from None
