"""Export a report as Word (.docx) in the GB/T 9704 layout, with the report data embedded."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from gkdesk.io.docx.document import build_document
from gkdesk.io.files.atomic import write_atomic
from gkdesk.model import Report


def docx_bytes(report: Report, now: datetime | None = None) -> bytes:
    """The .docx file's bytes."""
    buffer = io.BytesIO()
    build_document(report, now).save(buffer)
    return buffer.getvalue()


def export_docx(report: Report, path: Path | str) -> None:
    """Write the .docx atomically; ReportFileError (in Chinese) if it cannot be written."""
    write_atomic(Path(path), docx_bytes(report), keep_backup=False)
