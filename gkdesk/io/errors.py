"""Errors raised while reading or writing report files; messages are for the user, in Chinese."""

from __future__ import annotations

import errno
from pathlib import Path


class ReportFileError(Exception):
    """A file cannot be read or written as a report; str() says what and where."""


class ReadingCancelled(Exception):
    """The person cancelled reading a file (the window's 取消 while LibreOffice converts an old file)."""


_REASONS: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EACCES: "没有权限（文件夹只读或文件被占用）",
    errno.EPERM: "没有权限（文件夹只读或文件被占用）",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.EEXIST: "同名的文件已存在",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.ELOOP: "链接层层相套，无法找到实际的文件",
    errno.EIO: "读写磁盘出错（U盘是否已拔出？）",
    errno.ENODEV: "设备已移除（U盘是否已拔出？）",
    errno.ENXIO: "设备已移除（U盘是否已拔出？）",
    errno.EBUSY: "文件正被其他程序使用",
    errno.ETXTBSY: "文件正被其他程序使用",
    errno.EMFILE: "同时打开的文件过多",
    errno.ENFILE: "同时打开的文件过多",
    errno.EINVAL: "文件名中有系统不允许的字符",
    errno.EFBIG: "文件过大",
    errno.EXDEV: "不能跨磁盘移动文件",
}


def os_error_reason(error: OSError) -> str:
    """Why an operating-system call failed, as a Chinese phrase (never the system's English text)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if error.errno:
        return f"系统错误（错误号 {error.errno}）"
    return "系统错误"


def reading_error(error: OSError, path: Path | str) -> ReportFileError:
    """“无法读取 PATH：reason” for an OSError met while reading `path`."""
    return ReportFileError(f"无法读取 {path}：{os_error_reason(error)}")
