"""gkdesk's own file (.gkr): UTF-8 JSON a person can read, carrying a file-format version and the edition.

Loading validates everything and names what is wrong; a file from a newer gkdesk is refused whole.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.files.limits import MAX_FILE_BYTES
from gkdesk.io.files.textfile import parse_json, read_small_text
from gkdesk.model import CellValue, Contact, Invalid, Paragraph, Report, ReviewComment, Run, parse_lenient
from gkdesk.spec import EDITIONS, FormatSpec, load_spec

FILE_KIND = "gkdesk-report"
FILE_VERSION = 1


# ------------------------------------------------------------------ writing


def _value_to_json(value: CellValue) -> Any:
    if isinstance(value, Invalid):
        return {"invalid": value.raw}
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def nested_values(values: dict[str, CellValue]) -> dict[str, dict[str, dict[str, Any]]]:
    """{"table.row.col": v} → {table: {row: {col: v}}}, JSON-ready."""
    nested: dict[str, dict[str, dict[str, Any]]] = {}
    for key, value in values.items():
        table, row, column = key.split(".")
        nested.setdefault(table, {}).setdefault(row, {})[column] = _value_to_json(value)
    return nested


def _paragraph_to_json(paragraph: Paragraph) -> dict[str, Any]:
    runs = [{"text": run.text, "bold": True} if run.bold else {"text": run.text} for run in paragraph.runs]
    return {"kind": paragraph.kind, "runs": runs}


def report_to_dict(report: Report, include_previous: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FILE_KIND,
        "file_version": FILE_VERSION,
        "edition": report.edition,
        "organ": report.organ,
        "organ_level": report.organ_level,
        "year": report.year,
        "contact": vars(report.contact).copy(),
        "opening": report.opening,
        "narratives": {key: [_paragraph_to_json(p) for p in paras] for key, paras in report.narratives.items()},
        "values": nested_values(report.values),
        "declared": nested_values(report.declared),
        "acknowledgements": dict(report.acknowledgements),
        "comments": [vars(c).copy() | {"replies": list(c.replies)} for c in report.comments],
    }
    if include_previous and report.previous is not None:
        data["previous"] = report_to_dict(report.previous, include_previous=False)
    return data


def dumps(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1, sort_keys=False)


def save_gkr(report: Report, path: Path) -> None:
    """Save atomically, keeping the previous version as a backup."""
    write_atomic(Path(path), dumps(report).encode("utf-8"))


# ------------------------------------------------------------------ reading


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> ReportFileError:
        return ReportFileError(f"{self.source}：{where}：{what}")

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "应为对象")
        return data

    def text(self, data: Any, where: str) -> str:
        if not isinstance(data, str):
            raise self.fail(where, "应为文字")
        return data

    def values(self, data: Any, where: str, spec: FormatSpec, derived_only: bool) -> dict[str, CellValue]:
        result: dict[str, CellValue] = {}
        for table, rows in self.obj(data, where).items():
            for row, columns in self.obj(rows, f"{where}.{table}").items():
                for column, raw in self.obj(columns, f"{where}.{table}.{row}").items():
                    key = f"{table}.{row}.{column}"
                    cell = spec.cells.get(key)
                    if cell is None:
                        raise self.fail(f"{where}.{key}", "不是本格式的单元格")
                    if derived_only and not cell.derived:
                        raise self.fail(f"{where}.{key}", "不是合计单元格")
                    result[key] = self.value(raw, f"{where}.{key}", cell.value_type)
        return result

    def value(self, raw: Any, where: str, value_type: Any) -> CellValue:
        if raw is None:
            return None
        if isinstance(raw, dict) and set(raw) == {"invalid"} and isinstance(raw["invalid"], str):
            return Invalid(raw["invalid"])
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise self.fail(where, f"数值无效：{raw!r}")
        # A number edited by hand into something invalid (-1, 1.5, "十四") is kept as it stands and
        # reported by the checks (value.invalid), so the report still opens and can be corrected.
        return parse_lenient(str(raw), value_type)

    def paragraphs(self, data: Any, where: str) -> list[Paragraph]:
        if not isinstance(data, list):
            raise self.fail(where, "应为段落列表")
        paragraphs = []
        for i, raw in enumerate(data):
            para = self.obj(raw, f"{where}[{i}]")
            kind = para.get("kind", "body")
            if kind not in ("body", "subheading"):
                raise self.fail(f"{where}[{i}].kind", f"未知的段落类型 {kind!r}")
            runs_raw = para.get("runs")
            if not isinstance(runs_raw, list):
                raise self.fail(f"{where}[{i}].runs", "应为列表")
            runs = []
            for j, run in enumerate(runs_raw):
                run = self.obj(run, f"{where}[{i}].runs[{j}]")
                runs.append(
                    Run(self.text(run.get("text"), f"{where}[{i}].runs[{j}].text"), bool(run.get("bold", False)))
                )
            paragraphs.append(Paragraph(tuple(runs), kind))
        return paragraphs

    def comments(self, data: Any) -> list[ReviewComment]:
        if not isinstance(data, list):
            raise self.fail("comments", "应为列表")
        comments = []
        for i, raw in enumerate(data):
            raw = self.obj(raw, f"comments[{i}]")
            fields = {}
            for name in ("id", "anchor", "author", "text", "created", "status"):
                fields[name] = self.text(raw.get(name, "待修改" if name == "status" else None), f"comments[{i}].{name}")
            replies = raw.get("replies", [])
            if not isinstance(replies, list) or not all(isinstance(r, str) for r in replies):
                raise self.fail(f"comments[{i}].replies", "应为文字列表")
            comments.append(ReviewComment(**fields, replies=tuple(replies)))
        return comments

    def report(self, data: Any, nested: bool = False) -> Report:
        data = self.obj(data, "文件内容")
        if data.get("format") != FILE_KIND:
            raise ReportFileError(f"{self.source}：不是 gkdesk 报告文件")
        version = data.get("file_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail("file_version", "缺少文件格式版本")
        if version < 1:
            raise self.fail("file_version", f"文件格式版本 {version} 无效（版本从 1 开始），文件已损坏")
        if version > FILE_VERSION:
            raise ReportFileError(
                f"{self.source}：此文件由更新版本的 gkdesk 保存（文件格式版本 {version}，本程序支持到 {FILE_VERSION}），"
                "请升级 gkdesk 后再打开。"
            )
        edition = data.get("edition")
        if edition not in EDITIONS:
            raise self.fail("edition", f"未知的报告格式版本 {edition!r}")
        spec = load_spec(edition)
        year = data.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 2200):
            raise self.fail("year", f"年度无效：{year!r}")
        contact = self.obj(data.get("contact", {}), "contact")
        unknown = set(contact) - {"office", "address", "phone", "email"}
        if unknown:
            raise self.fail("contact", f"未知的字段 {', '.join(sorted(unknown))}")
        narratives_raw = self.obj(data.get("narratives", {}), "narratives")
        section_keys = {s.key for s in spec.sections}
        narratives = {}
        for key, paras in narratives_raw.items():
            if key not in section_keys:
                raise self.fail(f"narratives.{key}", "不是本格式的部分")
            narratives[key] = self.paragraphs(paras, f"narratives.{key}")
        acknowledgements = self.obj(data.get("acknowledgements", {}), "acknowledgements")
        for key, text in acknowledgements.items():
            self.text(text, f"acknowledgements.{key}")
        report = Report(
            edition=edition,
            organ=self.text(data.get("organ", ""), "organ"),
            organ_level=self.text(data.get("organ_level", ""), "organ_level"),
            year=year,
            contact=Contact(**{k: self.text(v, f"contact.{k}") for k, v in contact.items()}),
            opening=self.text(data.get("opening", ""), "opening"),
            narratives=narratives,
            values=self.values(data.get("values", {}), "values", spec, derived_only=False),
            declared=self.values(data.get("declared", {}), "declared", spec, derived_only=True),
            acknowledgements=dict(acknowledgements),
            comments=self.comments(data.get("comments", [])),
        )
        derived_inputs = [key for key in report.values if spec.cells[key].derived]
        if derived_inputs:
            raise self.fail(f"values.{derived_inputs[0]}", "合计单元格应放在 declared 中")
        if "previous" in data and not nested:
            report.previous = _Reader(f"{self.source}（上年报告）").report(data["previous"], nested=True)
        return report


def loads(text: str, source: str = "报告文件") -> Report:
    data = parse_json(text, source)
    return _Reader(source).report(data)


def load_gkr(path: Path) -> Report:
    """Read and validate a .gkr file; any problem raises ReportFileError naming the place."""
    path = Path(path)
    return loads(read_small_text(path, MAX_FILE_BYTES, " gkdesk 报告"), path.name)
