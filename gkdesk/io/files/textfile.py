"""Reading a small UTF-8 file a user picked (a .gkr report, a .gkt template), with a size limit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import read_bounded


def read_small_text(path: Path, max_bytes: int, what: str) -> str:
    """The file's text; too large, unreadable or not UTF-8 raises ReportFileError naming the file and `what` it should be."""
    raw = read_bounded(path, max_bytes, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError(f"{path.name}：不是 UTF-8 文本，文件已损坏或不是{what}") from None


def read_typed_text(path: Path, max_bytes: int, what: str) -> str:
    """A small text file a person wrote (UTF-8, or GBK as Notepad saves it on Chinese Windows)."""
    try:
        return read_small_text(path, max_bytes, what)
    except ReportFileError as error:
        if "UTF-8" not in str(error):
            raise
    try:
        return read_bounded(path, max_bytes, what).decode("gb18030")
    except UnicodeDecodeError:
        raise ReportFileError(f"{path.name}：无法识别文字编码（请存为 UTF-8 或 GBK 文本）") from None


def parse_json(text: str, source: str) -> Any:
    """Parse JSON from a user's file; broken or absurdly nested JSON raises ReportFileError naming `source`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportFileError(
            f"{source}：文件已损坏或不是 JSON（第{error.lineno}行第{error.colno}列处内容不完整或格式错误）"
        ) from None
    except RecursionError:
        raise ReportFileError(f"{source}：文件嵌套过深，已损坏") from None
    except ValueError:  # a number of thousands of digits (beyond Python's int conversion limit)
        raise ReportFileError(f"{source}：文件中有过长的数字，已损坏或不是报告文件") from None
