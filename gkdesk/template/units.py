"""Read the list of units expected to report from a CSV or plain-text file. No Qt.

One unit a line: 名称[,层级[,代码]] — the level as a key ("township") or its label (“乡镇人民政府（街道办事处）”).
A first line starting with 名称 / 单位 / name is a header and skipped.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.spec import load_spec
from gkdesk.template.model import Unit

MAX_BYTES = 2 * 1024 * 1024


def level_key(text: str, edition: str) -> str:
    """The organ level key for a key or a label; ValueError when it is neither."""
    text = text.strip()
    if not text:
        return ""
    for level in load_spec(edition).organ_levels:
        if text in (level.key, level.label):
            return level.key
    raise ValueError(text)


def parse_units(text: str, edition: str, source: str = "单位名单") -> tuple[Unit, ...]:
    units = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in ("名称", "单位", "单位名称", "name"):
            continue
        if len(cells) > 3:
            raise ReportFileError(f"{source}：第{number}行：最多三列（名称、层级、代码）")
        try:
            level = level_key(cells[1] if len(cells) > 1 else "", edition)
        except ValueError:
            raise ReportFileError(f"{source}：第{number}行：未知的层级“{cells[1]}”") from None
        units.append(Unit(cells[0], level, cells[2] if len(cells) > 2 else ""))
    return tuple(units)


def read_units(path: Path | str, edition: str) -> tuple[Unit, ...]:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReportFileError(f"{path.name}：文件过大，不是单位名单")
        raw = path.read_bytes()
    except OSError as error:
        raise ReportFileError(f"无法读取 {path}：{error.strerror or error}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_units(raw.decode(encoding), edition, path.name)
        except UnicodeDecodeError:
            continue
    raise ReportFileError(f"{path.name}：无法识别文字编码（请存为 UTF-8 或 GBK）")
