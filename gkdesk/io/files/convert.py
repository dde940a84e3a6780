"""Old binary office files (.doc, .xls, WPS .wps/.et), read after LibreOffice converts them.

LibreOffice (`soffice`) converts a copy in a temporary folder, with its own temporary profile and a time
limit, so a hung or damaged conversion never blocks the program; the .docx/.xlsx it writes is read like
any other. Without LibreOffice the file is refused with what to do instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from gkdesk.io.errors import ReportFileError, os_error_reason, reading_error
from gkdesk.io.files.limits import MAX_FILE_BYTES, read_bounded
from gkdesk.io.import_result import ImportResult

CONVERT_SECONDS = 90
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


def _run_with_limit(command: list[str]) -> None:
    """Run LibreOffice in its own process group; past the time limit the whole group is killed (soffice starts
    soffice.bin, which a plain kill would leave running)."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=os.name != "nt",
    )
    try:
        process.wait(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise


def convert(path: Path, folder: Path) -> Path:
    """Convert `path` into `folder` with LibreOffice; returns the new .docx/.xlsx."""
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
        _run_with_limit(command)
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


def read_legacy(path: Path | str, read_converted: Callable[[Path], ImportResult]) -> ImportResult:
    """Convert the old file and read the result with `read_converted` (the .docx or .xlsx reader)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="gkdesk-convert-") as folder:
        converted = convert(path, Path(folder))
        try:
            result = read_converted(converted)
        except ReportFileError as error:
            raise ReportFileError(str(error).replace(converted.name, path.name)) from None
    result.kind = "foreign"  # read from what LibreOffice made: never the embedded data of a gkdesk export
    return result
