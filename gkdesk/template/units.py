"""Read the list of units expected to report from a CSV or plain-text file. No Qt.

One unit a line: 名称[,层级[,代码]] — the level as a key ("township"), its label (“乡镇人民政府（街道办事处）”)
or one of its aliases in the format definition (镇, 乡, 街道 → township; 县, 区 → county; 县直部门 …).
A first line starting with 名称 / 单位 / name is a header and skipped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.limits import read_bounded
from gkdesk.spec import load_spec
from gkdesk.template.model import Unit

MAX_BYTES = 2 * 1024 * 1024


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def level_key(text: str, edition: str) -> str:
    """The organ level key for a key, a label or a short form; ValueError (explaining the choices) otherwise."""
    text = text.strip()
    if not text:
        return ""
    levels = load_spec(edition).organ_levels
    folded = _fold(text)
    for level in levels:
        if folded in (level.key, _fold(level.label)):
            return level.key
    for level in levels:
        if folded in level.aliases:
            return level.key
    raise ValueError(f"未知的层级“{text}”；{level_choices(edition)}")


def level_choices(edition: str) -> str:
    """“层级可填：national_dept（国务院部门）、…，或简称 镇、乡、街道、县、区、县直部门、市…等”."""
    levels = load_spec(edition).organ_levels
    listed = "、".join(f"{level.key}（{level.label}）" for level in levels)
    shown = (alias for level in reversed(levels) for alias in level.aliases)  # the most local levels first
    shorts = "、".join(form for form in shown if (len(form) <= 2 and not form.endswith("级")) or form.endswith("直部门"))
    return f"层级可填：{listed}，或简称 {shorts} 等"


def level_label(key: str, edition: str) -> str:
    """The label of a level key (the key itself if the edition has no such level)."""
    return next((level.label for level in load_spec(edition).organ_levels if level.key == key), key)


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
        except ValueError as error:
            raise ReportFileError(f"{source}：第{number}行：{error}") from None
        units.append(Unit(cells[0], level, cells[2] if len(cells) > 2 else ""))
    return tuple(units)


def read_units(path: Path | str, edition: str) -> tuple[Unit, ...]:
    path = Path(path)
    raw = read_bounded(path, MAX_BYTES, "单位名单")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_units(raw.decode(encoding), edition, path.name)
        except UnicodeDecodeError:
            continue
    raise ReportFileError(f"{path.name}：无法识别文字编码（请存为 UTF-8 或 GBK）")
