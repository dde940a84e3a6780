"""Read a report saved from a government portal: .html/.htm pages and .mht/.mhtml single-file archives.

The page's tables and paragraphs go to the same label reader as a Word file typed by hand, so every
rule that works for .docx works for web pages.
"""

from __future__ import annotations

from pathlib import Path

from lxml.etree import LxmlError  # type: ignore[import-untyped]

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import MAX_XML_TAGS, read_bounded
from gkdesk.io.foreign.assemble import read_document_blocks
from gkdesk.io.html.charset import decode_page
from gkdesk.io.html.mht import NotAWebArchive, page_from_archive
from gkdesk.io.html.page import page_content
from gkdesk.io.import_result import ImportResult

MAX_PAGE_BYTES = 30 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    return read_bounded(path, MAX_PAGE_BYTES, "报告网页")


def read_page_text(name: str, text: str) -> ImportResult:
    """A report from the HTML text of a page; `name` names the file in messages."""
    if not text.strip():
        raise ReportFileError(f"{name}：文件是空的，不是政府信息公开工作年度报告")
    if text.count("<") > MAX_XML_TAGS:  # the same bound as every XML part: no tree of millions of elements
        raise ReportFileError(f"{name}：网页中的内容过多（超过 {MAX_XML_TAGS} 个标记），文件已损坏或不是报告网页")
    try:
        content = page_content(text)
    except (ValueError, LxmlError, RecursionError, MemoryError):
        raise ReportFileError(f"{name}：网页内容已损坏或过于复杂，无法读取") from None
    result = read_document_blocks(content.blocks, name, "网页中")
    if result.report.spec.organ_level(content.organ_level) is not None:
        result.report.organ_level = content.organ_level
    return result


def read_html(path: Path | str) -> ImportResult:
    """Read a saved web page (.html/.htm) in UTF-8, GB2312/GBK/GB18030 or UTF-16."""
    path = Path(path)
    data = _read_bytes(path)
    if data.lstrip()[:2] == b"PK":
        raise ReportFileError(f"{path.name}：不是网页文件（内容是 Word/Excel 文件，请改为 .docx 或 .xlsx 后缀）")
    return read_page_text(path.name, decode_page(data))


def read_mht(path: Path | str) -> ImportResult:
    """Read a single-file web archive (.mht/.mhtml) as browsers and Word save it."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        text = page_from_archive(data)
    except NotAWebArchive:
        if b"<html" in data[:4096].lower() or b"<table" in data.lower():
            return read_page_text(path.name, decode_page(data))
        raise ReportFileError(f"{path.name}：不是有效的 .mht 网页存档（其中没有网页），文件已损坏或类型不对") from None
    return read_page_text(path.name, text)
