"""One returned file read and summarised: what the roll-up keeps of it. No Qt.

`load_unit` is a plain function of a path returning plain data, so it can also run in a worker process.
Problems met while reading (cells a reader could not place, hand edits of an exported file) count among
the unit's findings, as `check` shows them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from gkdesk.checks import run_checks
from gkdesk.io.errors import ReadingCancelled, ReportFileError
from gkdesk.io.import_result import ImportResult, import_findings
from gkdesk.io.open import read_with_result
from gkdesk.rollup.export import is_rollup_workbook
from gkdesk.rollup.record import spool_record


@dataclass(frozen=True)
class LoadedUnit:
    organ: str
    year: int | None
    edition: str
    edition_name: str
    errors: int
    warnings: int  # not acknowledged
    acknowledged: int
    open_comments: int  # review comments not yet 已确认
    record: str  # stated values and findings, for the spool


def _read(path: Path, cancel: threading.Event | None) -> ImportResult | str:
    """The report with what reading it found (cells not placed, hand edits after export), or why it cannot be used.
    ReadingCancelled (the roll-up's 取消 while LibreOffice converts an old file) is no reason: it goes on up."""
    try:
        return read_with_result(path, cancel)
    except ReadingCancelled:
        raise
    except ReportFileError as error:
        return str(error)
    except (MemoryError, RecursionError):
        return "文件过大或结构过深，无法读取"
    except Exception as error:  # untrusted file: any failure of a reader refuses this file only
        return f"文件已损坏或不是报告文件（{type(error).__name__}）"


def load_unit(path: str, cancel: threading.Event | None = None) -> LoadedUnit | str:
    """Read and check one returned file; a string says why it cannot be used. Setting `cancel` stops the
    conversion of an old file at once (ReadingCancelled)."""
    if path.lower().endswith(".xlsx") and is_rollup_workbook(Path(path)):
        return "这是 gkdesk 生成的汇总表，不是单位报送的报告"
    result = _read(Path(path), cancel)
    if isinstance(result, str):
        return result
    report = result.report
    checks = run_checks(report)
    findings = import_findings(result, checks) + checks
    warnings = [f for f in findings if not f.is_error]
    acknowledged = sum(1 for f in warnings if f.key in report.acknowledgements)
    spec = report.spec
    return LoadedUnit(
        organ=report.organ.strip(),
        year=report.year,
        edition=report.edition,
        edition_name=spec.name,
        errors=len(findings) - len(warnings),
        warnings=len(warnings) - acknowledged,
        acknowledged=acknowledged,
        open_comments=sum(1 for comment in report.comments if comment.status != "已确认"),
        record=spool_record(report, findings),
    )
