"""The template file (.gkt): UTF-8 JSON holding the template's content and a checksum of that content.

The checksum (SHA-256 over a canonical form of the content) shows whether the file was changed outside
gkdesk; it is a warning sign, not a signature. Reading validates every field; nothing in the file is executed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.files.textfile import parse_json, read_small_text
from gkdesk.model import Contact
from gkdesk.spec import CURRENT_EDITION, EDITIONS, load_spec
from gkdesk.template.model import Template, Unit, unit_key

FILE_KIND = "gkdesk-template"
FILE_VERSION = 1
SUFFIX = ".gkt"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNITS = 10000
MAX_TEXT = 100_000
_CONTACT_FIELDS = ("office", "address", "phone", "email")


@dataclass(frozen=True)
class OpenedTemplate:
    """A template read from a file; `altered` is True when its content no longer matches its checksum."""

    template: Template
    path: Path
    checksum: str
    altered: bool

    @property
    def warning(self) -> str:
        """The message to show when the template was altered outside gkdesk (blank otherwise)."""
        if not self.altered:
            return ""
        return f"模板 {self.path.name} 的校验值不符：文件在 gkdesk 之外被修改过，内容可能不是下发时的版本，请向发放单位核实。"


# ------------------------------------------------------------------ writing


def template_content(template: Template) -> dict[str, Any]:
    """The template's content as JSON-ready data (what the checksum covers)."""
    return {
        "year": template.year,
        "edition": template.edition,
        "issuer": template.issuer,
        "contact": {name: getattr(template.contact, name) for name in _CONTACT_FIELDS},
        "deadline": template.deadline,
        "instructions": template.instructions,
        "opening": template.opening,
        "narratives": {key: list(paragraphs) for key, paragraphs in template.narratives},
        "units": [{"name": u.name, "level": u.level, "code": u.code} for u in template.units],
    }


def content_checksum(content: Any) -> str:
    """SHA-256 of the canonical JSON form of `content` (sorted keys, no spacing, UTF-8)."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def dumps_template(template: Template) -> str:
    validate_template(template, "模板")
    content = template_content(template)
    data = {"format": FILE_KIND, "file_version": FILE_VERSION, "checksum": content_checksum(content), "content": content}
    return json.dumps(data, ensure_ascii=False, indent=1)


def save_template(template: Template, path: Path | str) -> None:
    """Write the template atomically (no backup: a template is made once and copied, never edited)."""
    write_atomic(Path(path), dumps_template(template).encode("utf-8"), keep_backup=False)


# ------------------------------------------------------------------ reading


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> ReportFileError:
        return ReportFileError(f"{self.source}：{where}：{what}")

    def obj(self, data: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "应为对象")
        unknown = set(data) - allowed
        if unknown:
            raise self.fail(where, f"未知的字段 {', '.join(sorted(map(str, unknown)))}")
        return data

    def text(self, data: Any, where: str) -> str:
        if not isinstance(data, str):
            raise self.fail(where, "应为文字")
        if len(data) > MAX_TEXT:
            raise self.fail(where, "文字过长")
        return data

    def texts(self, data: Any, where: str) -> tuple[str, ...]:
        if not isinstance(data, list):
            raise self.fail(where, "应为文字列表")
        return tuple(self.text(item, f"{where}[{i}]") for i, item in enumerate(data))

    def template(self, content: Any) -> Template:
        content = self.obj(content, "content", set(template_content(Template(load_spec(CURRENT_EDITION).first_year, CURRENT_EDITION))))
        year = content.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 2200:
            raise self.fail("year", f"年度无效：{year!r}")
        edition = content.get("edition")
        if edition not in EDITIONS:
            raise self.fail("edition", f"未知的报告格式版本 {edition!r}")
        contact = self.obj(content.get("contact", {}), "contact", set(_CONTACT_FIELDS))
        narratives = self.obj(content.get("narratives", {}), "narratives", {s.key for s in load_spec(edition).sections})
        units_raw = content.get("units", [])
        if not isinstance(units_raw, list) or len(units_raw) > MAX_UNITS:
            raise self.fail("units", f"应为不超过 {MAX_UNITS} 个单位的列表")
        units = []
        for i, raw in enumerate(units_raw):
            raw = self.obj(raw, f"units[{i}]", {"name", "level", "code"})
            units.append(
                Unit(
                    self.text(raw.get("name"), f"units[{i}].name"),
                    self.text(raw.get("level", ""), f"units[{i}].level"),
                    self.text(raw.get("code", ""), f"units[{i}].code"),
                )
            )
        template = Template(
            year=year,
            edition=edition,
            issuer=self.text(content.get("issuer", ""), "issuer"),
            contact=Contact(**{k: self.text(v, f"contact.{k}") for k, v in contact.items()}),
            deadline=self.text(content.get("deadline", ""), "deadline"),
            instructions=self.text(content.get("instructions", ""), "instructions"),
            opening=self.text(content.get("opening", ""), "opening"),
            narratives=tuple((key, self.texts(paras, f"narratives.{key}")) for key, paras in narratives.items()),
            units=tuple(units),
        )
        validate_template(template, self.source)
        return template


def validate_template(template: Template, source: str) -> None:
    """Refuse a template whose fields contradict the format definition, naming the field."""
    spec = load_spec(template.edition)
    if not spec.covers_year(template.year):
        raise ReportFileError(f"{source}：{template.year} 年度的报告不适用格式 {spec.name}")
    if template.deadline:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", template.deadline):
            raise ReportFileError(f"{source}：截止日期应为 YYYY-MM-DD 格式（如 2026-01-31）：“{template.deadline}”")
        try:
            date.fromisoformat(template.deadline)
        except ValueError:
            raise ReportFileError(f"{source}：截止日期无效：{template.deadline}") from None
    seen: set[str] = set()
    for i, unit in enumerate(template.units):
        key = unit_key(unit.name)
        if not key:
            raise ReportFileError(f"{source}：单位名单第{i + 1}个单位没有名称")
        if key in seen:
            raise ReportFileError(f"{source}：单位名单中“{unit.name}”重复")
        seen.add(key)
        if unit.level and spec.organ_level(unit.level) is None:
            raise ReportFileError(f"{source}：单位名单中“{unit.name}”的层级“{unit.level}”无效")


def loads_template(text: str, source: str = "模板文件", path: Path | None = None) -> OpenedTemplate:
    data = parse_json(text, source)
    if not isinstance(data, dict) or data.get("format") != FILE_KIND:
        raise ReportFileError(f"{source}：不是 gkdesk 模板文件")
    version = data.get("file_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ReportFileError(f"{source}：缺少文件格式版本")
    if version < 1:
        raise ReportFileError(f"{source}：文件格式版本 {version} 无效（版本从 1 开始），文件已损坏")
    if version > FILE_VERSION:
        raise ReportFileError(f"{source}：此模板由更新版本的 gkdesk 制作（文件格式版本 {version}），请升级 gkdesk 后再打开。")
    reader = _Reader(source)
    template = reader.template(data.get("content"))
    stated = data.get("checksum")
    actual = content_checksum(data.get("content"))
    return OpenedTemplate(template, path or Path(source), actual, altered=stated != actual)


def open_template(path: Path | str) -> OpenedTemplate:
    """Read a .gkt file (never writing to it); an altered file is flagged, a broken one raises ReportFileError."""
    path = Path(path)
    return loads_template(read_small_text(path, MAX_FILE_BYTES, " gkdesk 模板"), path.name, path)
