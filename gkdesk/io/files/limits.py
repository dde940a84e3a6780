"""The limits every reader shares, and reading a user's file within them.

A file a user picks is untrusted: its size is checked by reading (st_size can lie: /proc files, devices,
a file growing while read), and anything but a regular file (a FIFO that would block forever, /dev/zero
behind a symbolic link, a socket) is refused before it is opened.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from pathlib import Path

from gkdesk.io.errors import ReportFileError, reading_error

MAX_FILE_BYTES = 50 * 1024 * 1024  # any report file (.gkr, .docx, .xlsx, web page, old binary format)
MAX_BLOCKS = 20_000  # paragraphs and tables of one document body
MAX_ROWS = 2_000  # rows of one table or sheet read by labels
MAX_COLUMNS = 64  # columns of one table or sheet read by labels
MAX_CELLS = 2_000_000  # cells of one worksheet read by gkdesk's own streaming reader
MAX_XML_TAGS = 1_000_000  # markup tags of one XML part parsed whole (about 150 MB of tree at most)
MAX_WORKBOOK_CELLS = 100_000  # cells of all worksheets of a workbook opened whole (openpyxl)

_SYSTEM_FOLDERS = ("/proc/", "/sys/", "/dev/")


def refuse_special(path: Path, what: str = "报告文件") -> None:
    """ReportFileError unless `path` (after links) is a regular file outside the system's pseudo-folders;
    the message names `what` the file was to be read as."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise reading_error(error, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportFileError(f"{path} 是文件夹，不是{what}")
    if not stat.S_ISREG(info.st_mode):
        raise ReportFileError(f"{path.name}：不是普通文件（管道、设备或套接字），不能作为{what}读取")
    if os.name == "posix" and os.path.realpath(path).startswith(_SYSTEM_FOLDERS):
        raise ReportFileError(f"{path.name}：是系统文件（位于 /proc、/sys 或 /dev），不能作为{what}读取")


def read_bounded(path: Path, max_bytes: int, what: str) -> bytes:
    """The file's bytes, at most `max_bytes` of them (more raises ReportFileError naming `what` it should be)."""
    refuse_special(path, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped for a FIFO or device meanwhile
                raise ReportFileError(f"{path.name}：不是普通文件，不能作为{what}读取")
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise reading_error(error, path) from None
    if len(data) > max_bytes:
        raise ReportFileError(f"{path.name}：文件过大（超过 {max_bytes // 1024 // 1024} MB），不是{what}")
    return data


def refuse_crowded_xml(data: bytes, name: str, part: str) -> None:
    """ReportFileError when the XML `data` holds more tags than a tree may be built for."""
    if data.count(b"<") > MAX_XML_TAGS:
        raise ReportFileError(f"{name}：{part} 中的内容过多（超过 {MAX_XML_TAGS} 个标记），文件已损坏或不是报告文件")


_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")


def refuse_crowded_workbook(content: bytes, name: str) -> None:
    """ReportFileError when the worksheets of the .xlsx `content` hold more cells than may be opened whole.

    Counted by streaming each sheet's XML in slices, so the count itself stays small however large they are."""
    cells = 0
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            for info in package.infolist():
                if not _WORKSHEET.fullmatch(info.filename):
                    continue
                with package.open(info) as handle:
                    tail = b""
                    while chunk := handle.read(1024 * 1024):
                        block = tail + chunk
                        cells += len(_CELL_TAG.findall(block[: len(block) - 16]))
                        tail = block[len(block) - 16 :]
                        if cells > MAX_WORKBOOK_CELLS:
                            raise ReportFileError(
                                f"{name}：工作表中的单元格过多（超过 {MAX_WORKBOOK_CELLS} 个），文件已损坏或不是报告文件"
                            )
                    cells += len(_CELL_TAG.findall(tail))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return  # a damaged package: the reader that opens it says so
