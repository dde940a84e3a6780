"""Export a report as Excel (.xlsx): the official tables with live totals and checks, data embedded."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.xlsx.workbook import build_workbook
from gkdesk.model import Report


def xlsx_bytes(report: Report, now: datetime | None = None) -> bytes:
    """The .xlsx file's bytes."""
    buffer = io.BytesIO()
    build_workbook(report, now).save(buffer)
    return buffer.getvalue()


def export_xlsx(report: Report, path: Path | str) -> None:
    """Write the .xlsx atomically; ReportFileError (in Chinese) if it cannot be written."""
    write_atomic(Path(path), xlsx_bytes(report), keep_backup=False)
