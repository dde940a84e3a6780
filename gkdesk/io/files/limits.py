"""The limits every reader shares, and reading a user's file within them.

A file a user picks is untrusted: its size is checked by reading (st_size can lie: /proc files, devices,
a file growing while read), and anything but a regular file (a FIFO that would block forever, /dev/zero
behind a symbolic link, a socket) is refused before it is opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gkdesk.io.errors import ReportFileError, reading_error

MAX_FILE_BYTES = 50 * 1024 * 1024  # any report file (.gkr, .docx, .xlsx, web page, old binary format)
MAX_BLOCKS = 20_000  # paragraphs and tables of one document body
MAX_ROWS = 2_000  # rows of one table or sheet read by labels
MAX_COLUMNS = 64  # columns of one table or sheet read by labels
MAX_CELLS = 2_000_000  # cells of one worksheet
MAX_XML_ELEMENTS = 2_000_000  # elements of one XML part

_SYSTEM_FOLDERS = ("/proc/", "/sys/", "/dev/")


def refuse_special(path: Path) -> None:
    """ReportFileError unless `path` (after links) is a regular file outside the system's pseudo-folders."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise reading_error(error, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportFileError(f"{path} 是文件夹，不是报告文件")
    if not stat.S_ISREG(info.st_mode):
        raise ReportFileError(f"{path.name}：不是普通文件（管道、设备或套接字），不能作为报告读取")
    if os.name == "posix" and os.path.realpath(path).startswith(_SYSTEM_FOLDERS):
        raise ReportFileError(f"{path.name}：是系统文件（位于 /proc、/sys 或 /dev），不能作为报告读取")


def read_bounded(path: Path, max_bytes: int, what: str) -> bytes:
    """The file's bytes, at most `max_bytes` of them (more raises ReportFileError naming `what` it should be)."""
    refuse_special(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped for a FIFO or device meanwhile
                raise ReportFileError(f"{path.name}：不是普通文件，不能作为报告读取")
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise reading_error(error, path) from None
    if len(data) > max_bytes:
        raise ReportFileError(f"{path.name}：文件过大（超过 {max_bytes // 1024 // 1024} MB），不是{what}")
    return data
