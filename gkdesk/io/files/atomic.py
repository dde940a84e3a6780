"""Atomic file replacement: a crash or a pulled USB stick never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

from gkdesk.io.errors import ReportFileError, os_error_reason

BACKUP_SUFFIX = ".bak"


def describe_os_error(error: OSError, path: Path) -> str:
    """A Chinese explanation of why writing `path` failed."""
    if error.errno in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO):
        reason = "找不到保存位置或设备已移除（U盘是否已拔出？）"
    elif error.errno == errno.EISDIR:
        reason = "这是一个文件夹，请指定文件名"
    else:
        reason = os_error_reason(error)
    return f"无法保存到 {path}：{reason}"


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write `data` to `path` via a flushed and fsynced temporary file in the same folder, then replace.

    The previous version, if any, is kept as `path` + ".bak". On failure the original file is untouched
    and ReportFileError explains why.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        _give_mode(fd, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + BACKUP_SUFFIX))
        os.replace(temp_name, path)
        temp_name = None
        _fsync_folder(folder)
    except OSError as error:
        raise ReportFileError(describe_os_error(error, path)) from error
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _give_mode(fd: int, path: Path) -> None:
    """The saved file keeps the permissions of the file it replaces, or gets the usual ones (not mkstemp's 0600)."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
