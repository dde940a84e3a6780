"""Old binary office files (.doc, .xls, WPS .wps/.et), read after LibreOffice converts them.

LibreOffice (`soffice`) converts a copy in a temporary folder, with its own temporary profile and a time
limit, so a hung or damaged conversion never blocks the program; the .docx/.xlsx it writes is read like
any other. Without LibreOffice the file is refused with what to do instead. A caller may pass a
`threading.Event` (the window's 取消): once set, LibreOffice's whole process group is killed within
POLL_SECONDS and `ReadingCancelled` is raised; the temporary folder is removed either way.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from gkdesk.io.errors import ReadingCancelled, ReportFileError, os_error_reason, reading_error
from gkdesk.io.files.limits import MAX_FILE_BYTES, read_bounded
from gkdesk.io.import_result import ImportResult

CONVERT_SECONDS = 90
POLL_SECONDS = 0.05  # how soon a cancellation is seen while LibreOffice runs
MAX_LEGACY_BYTES = MAX_FILE_BYTES
TARGETS = {".doc": "docx", ".wps": "docx", ".xls": "xlsx", ".et": "xlsx"}
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program, from PATH or its usual Windows places."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _WINDOWS_PLACES if os.name == "nt" and Path(place).exists()), None)


def _refuse_without_office(path: Path) -> ReportFileError:
    target = TARGETS[path.suffix.lower()]
    program = "Word 或 WPS 文字" if target == "docx" else "Excel 或 WPS 表格"
    return ReportFileError(
        f"{path.name}：这是旧版 {path.suffix.lower()} 文件，本机未安装 LibreOffice，无法直接读取。"
        f"请用{program}打开后“另存为” .{target} 格式，再用 gkdesk 打开。"
    )


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's whole process group (soffice starts soffice.bin, which a plain kill would leave
    running) and reap it."""
    if os.name == "nt":
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _stop_if_cancelled(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ReadingCancelled


def _run_with_limit(command: list[str], cancel: threading.Event | None = None) -> None:
    """Run LibreOffice in its own process group; past the time limit, on `cancel` or on any exception while
    waiting, the whole group is killed."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=os.name != "nt",
    )
    deadline = time.monotonic() + CONVERT_SECONDS
    try:
        while process.poll() is None:
            _stop_if_cancelled(cancel)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise subprocess.TimeoutExpired(command, CONVERT_SECONDS)
            try:  # short waits when someone may cancel; one wait to the limit otherwise
                process.wait(timeout=remaining if cancel is None else min(remaining, POLL_SECONDS))
            except subprocess.TimeoutExpired:
                continue
    except BaseException:
        _kill_group(process)
        raise


def convert(path: Path, folder: Path, cancel: threading.Event | None = None) -> Path:
    """Convert `path` into `folder` with LibreOffice; returns the new .docx/.xlsx. Raises ReadingCancelled
    once `cancel` is set (LibreOffice killed)."""
    _stop_if_cancelled(cancel)
    soffice = find_soffice()
    if soffice is None:
        raise _refuse_without_office(path)
    target = TARGETS[path.suffix.lower()]
    source = folder / f"report{path.suffix.lower()}"
    try:
        source.write_bytes(read_bounded(path, MAX_LEGACY_BYTES, "报告文件"))
    except OSError as error:
        raise reading_error(error, source) from None
    profile = (folder / "profile").resolve().as_uri()
    command = [
        soffice,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={profile}",
        "--convert-to",
        target,
        "--outdir",
        str(folder / "out"),
        str(source),
    ]
    try:
        _run_with_limit(command, cancel)
    except subprocess.TimeoutExpired:
        raise ReportFileError(
            f"{path.name}：LibreOffice 在 {CONVERT_SECONDS} 秒内未能转换此文件（文件可能已损坏），"
            f"请另存为 .{target} 后再打开"
        ) from None
    except OSError as error:
        raise ReportFileError(f"{path.name}：无法启动 LibreOffice（{os_error_reason(error)}）") from None
    converted = folder / "out" / f"report.{target}"
    if not converted.exists():
        raise ReportFileError(f"{path.name}：LibreOffice 无法转换此文件，文件已损坏或不是报告文件")
    return converted


def read_legacy(
    path: Path | str, read_converted: Callable[[Path], ImportResult], cancel: threading.Event | None = None
) -> ImportResult:
    """Convert the old file and read the result with `read_converted` (the .docx or .xlsx reader); raises
    ReadingCancelled once `cancel` is set (checked while LibreOffice runs and before reading its file)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="gkdesk-convert-") as folder:
        converted = convert(path, Path(folder), cancel)
        _stop_if_cancelled(cancel)
        try:
            result = read_converted(converted)
        except ReportFileError as error:
            raise ReportFileError(str(error).replace(converted.name, path.name)) from None
    result.kind = "foreign"  # read from what LibreOffice made: never the embedded data of a gkdesk export
    return result
