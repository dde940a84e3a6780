"""Open any report file a user picks, by its suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import load_gkr
from gkdesk.model import Report

Reader = Callable[[Path], Report]

READERS: dict[str, Reader] = {".gkr": load_gkr}


def _register_imports() -> None:
    from gkdesk.io.import_docx import load_docx
    from gkdesk.io.import_xlsx import load_xlsx

    READERS[".docx"] = load_docx
    READERS[".xlsx"] = load_xlsx


_register_imports()


def read_report(path: Path | str) -> Report:
    """Read a report from .gkr (and, where readers are registered, .docx / .xlsx)."""
    path = Path(path)
    if not path.exists():
        raise ReportFileError(f"找不到文件：{path}")
    if path.is_dir():
        raise ReportFileError(f"{path} 是文件夹，不是报告文件")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = "、".join(sorted(READERS))
        raise ReportFileError(f"{path.name}：不支持的文件类型（支持 {supported}）")
    return reader(path)
