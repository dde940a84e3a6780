"""Open any report file a user picks, by its suffix."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import remove_stale_temps_before_reading
from gkdesk.io.files.limits import refuse_special
from gkdesk.io.gkr import load_gkr
from gkdesk.io.import_result import ImportResult
from gkdesk.io.kinds import CONVERTED_SUFFIXES
from gkdesk.model import Report

Reader = Callable[[Path], ImportResult]


def _read_gkr(path: Path) -> ImportResult:
    return ImportResult(load_gkr(path), kind="gkr")


# Each reader loads its libraries (python-docx, openpyxl, lxml) when the first file of its kind is read:
# opening or checking a .gkr never pays for them.
def _read_docx(path: Path) -> ImportResult:
    from gkdesk.io.docx.read import read_docx

    return read_docx(path)


def _read_xlsx(path: Path) -> ImportResult:
    from gkdesk.io.xlsx.read import read_xlsx

    return read_xlsx(path)


def _read_html(path: Path) -> ImportResult:
    from gkdesk.io.html.read import read_html

    return read_html(path)


def _read_mht(path: Path) -> ImportResult:
    from gkdesk.io.html.read import read_mht

    return read_mht(path)


def _read_old_word(path: Path, cancel: threading.Event | None = None) -> ImportResult:
    from gkdesk.io.files.convert import read_legacy
    from gkdesk.io.foreign.assemble import fill_from_file_name

    result = read_legacy(path, _read_docx, cancel)
    fill_from_file_name(result, path.name)
    return result


def _read_old_sheet(path: Path, cancel: threading.Event | None = None) -> ImportResult:
    from gkdesk.io.files.convert import read_legacy
    from gkdesk.io.foreign.assemble import fill_from_file_name

    result = read_legacy(path, _read_xlsx, cancel)
    fill_from_file_name(result, path.name)
    return result


# The readers that run LibreOffice first (slow: seconds), which a caller may cancel: one for each of
# gkdesk.io.kinds.CONVERTED_SUFFIXES.
class ConvertingReader(Protocol):
    def __call__(self, path: Path, cancel: threading.Event | None = None) -> ImportResult: ...


_CONVERTING: dict[str, ConvertingReader] = {
    ".doc": _read_old_word,
    ".wps": _read_old_word,
    ".xls": _read_old_sheet,
    ".et": _read_old_sheet,
}

READERS: dict[str, Reader] = {  # one for each of gkdesk.io.kinds.REPORT_SUFFIXES
    ".gkr": _read_gkr,
    ".docx": _read_docx,
    ".xlsx": _read_xlsx,
    ".html": _read_html,
    ".htm": _read_html,
    ".mht": _read_mht,
    ".mhtml": _read_mht,
    **_CONVERTING,
}


def needs_conversion(path: Path | str) -> bool:
    """True when reading `path` runs LibreOffice (an old .doc/.xls/.wps/.et and LibreOffice installed): it takes
    seconds, so the window reads it off its thread with a `cancel` event. Without LibreOffice the refusal is
    immediate."""
    if Path(path).suffix.lower() not in CONVERTED_SUFFIXES:
        return False
    from gkdesk.io.files.convert import find_soffice

    return find_soffice() is not None


def read_with_result(path: Path | str, cancel: threading.Event | None = None) -> ImportResult:
    """Read a report from any file in READERS with what reading found (problems, hand edits). Reading an old
    binary file raises ReadingCancelled once `cancel` is set (LibreOffice is killed, its folder removed)."""
    path = Path(path)
    if not path.exists():
        raise ReportFileError(f"找不到文件：{path}")
    refuse_special(path)  # a FIFO, a device or a /proc file is refused before anything opens it
    remove_stale_temps_before_reading(path.parent)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = "、".join(sorted(READERS))
        raise ReportFileError(f"{path.name}：不支持的文件类型（支持 {supported}）")
    converting = _CONVERTING.get(path.suffix.lower())
    return reader(path) if converting is None else converting(path, cancel)


def read_report(path: Path | str) -> Report:
    """Read a report from any file in READERS; problems met while reading are dropped (see read_with_result)."""
    return read_with_result(path).report
