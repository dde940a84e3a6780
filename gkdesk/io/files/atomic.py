"""Atomic file replacement: a crash or a pulled USB stick never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from gkdesk.io.errors import ReportFileError, os_error_reason

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60
# ".NAME.RANDOM.tmp" as tempfile.mkstemp names them above, for files gkdesk writes
_STALE_TEMP = re.compile(
    r"\..+\.(?:gkr|gkt|docx|xlsx|html|pdf|gkrecover|bak)\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX), re.IGNORECASE
)


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
    write_atomic_with(path, lambda handle: handle.write(data), keep_backup)


def write_atomic_with(path: Path, fill: Callable[[BinaryIO], object], keep_backup: bool = True) -> None:
    """write_atomic for a document written piece by piece: `fill` writes it into the (seekable) temporary file,
    so it is never whole in memory. An OSError from `fill` is explained like one from writing."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(folder)
    try:
        if keep_backup and path.exists():
            # the backup is written like the main file: a kill while copying never leaves a cut .bak
            _replace_with(path.with_name(path.name + BACKUP_SUFFIX), lambda handle: _copy_into(path, handle), path)
        _replace_with(path, fill, path)
        _fsync_folder(folder)
    except OSError as error:
        raise ReportFileError(describe_os_error(error, path)) from error


def _replace_with(target: Path, fill: Callable[[BinaryIO], object], mode_from: Path) -> None:
    """Write a temporary file beside `target` with `fill`, flush and fsync it, then replace `target` with it."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        _give_mode(fd, mode_from)
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _copy_into(source: Path, handle: BinaryIO) -> None:
    with open(source, "rb") as original:
        shutil.copyfileobj(original, handle)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files of gkdesk's own pattern left in `folder` by a crash more than a minute ago."""
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _STALE_TEMP.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


_SWEPT_FOR_READING: dict[str, float] = {}  # folder → when a read last swept it (time.monotonic)


def remove_stale_temps_before_reading(folder: Path) -> None:
    """remove_stale_temps once a minute per folder at most: a temporary turns stale only after a minute, and a
    roll-up reads thousands of files from one folder (listing it for each would cost time growing with its square)."""
    key = os.fspath(folder)
    now = time.monotonic()
    last = _SWEPT_FOR_READING.get(key)
    if last is not None and now - last < STALE_TEMP_SECONDS:
        return
    _SWEPT_FOR_READING[key] = now
    remove_stale_temps(folder)


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
