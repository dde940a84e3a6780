"""Read the list of units expected to report from a CSV or plain-text file. No Qt.

One unit a line: 名称[,层级[,代码]] — the level as a key ("township"), its label (“乡镇人民政府（街道办事处）”)
or a common short form (镇, 乡, 街道 → township; 县, 区 → county; 县直部门 → county_dept; 市, 省 …).
A first line starting with 名称 / 单位 / name is a header and skipped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.spec import load_spec
from gkdesk.template.model import Unit

MAX_BYTES = 2 * 1024 * 1024


# What people type in a unit list instead of the level's label. Each short form names one level only (the
# keys are the format definition's level keys; a form whose level an edition lacks is not accepted there).
# 区 is a 市辖区, a county-level government; 县级市 likewise.
_SHORT_FORMS: dict[str, str] = {
    **dict.fromkeys(("镇", "乡", "乡镇", "街道", "街道办", "街道办事处", "镇政府", "乡政府", "镇人民政府", "乡人民政府"), "township"),
    **dict.fromkeys(("县", "县级", "区", "县级市", "旗", "县政府", "区政府", "县人民政府", "区人民政府"), "county"),
    **dict.fromkeys(("县直部门", "县级部门", "区直部门", "区级部门", "县直单位", "区直单位", "县政府部门"), "county_dept"),
    **dict.fromkeys(("市", "市级", "市政府", "市人民政府"), "city"),
    **dict.fromkeys(("市直部门", "市级部门", "市直单位", "市政府部门"), "city_dept"),
    **dict.fromkeys(("省", "省级", "省政府", "省人民政府"), "province"),
    **dict.fromkeys(("省直部门", "省级部门", "省直单位", "省政府部门"), "province_dept"),
}


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
    short = _SHORT_FORMS.get(folded)
    if short is not None and any(level.key == short for level in levels):
        return short
    raise ValueError(f"未知的层级“{text}”；{level_choices(edition)}")


def level_choices(edition: str) -> str:
    """“层级可填：national_dept（国务院部门）、…，或简称 镇、乡、街道、县、区、县直部门、市…等”."""
    levels = load_spec(edition).organ_levels
    listed = "、".join(f"{level.key}（{level.label}）" for level in levels)
    known = {level.key for level in levels}
    shown = (form for form, key in _SHORT_FORMS.items() if key in known)
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
