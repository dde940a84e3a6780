"""The roll-up workbook (.xlsx): completeness, refused files, one sheet per table (a row per unit plus the
total row), the per-unit findings and the totals' findings. No Qt.

Written in openpyxl's write-only mode from the spooled per-unit records, so memory stays flat. Text from
returned files is always written as text (never as a formula) and cleaned of characters Excel refuses.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from gkdesk.io.files.atomic import write_atomic
from gkdesk.model import Invalid, Resolved
from gkdesk.rollup.result import RollupResult, UnitRow
from gkdesk.rollup.spool import decode_value
from gkdesk.spec import FormatSpec, load_spec

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
ROLLUP_KEYWORD = "gkdesk-rollup"  # in the workbook's properties, so a later roll-up does not take it for a return


def is_rollup_workbook(path: Path) -> bool:
    """True for a workbook written by write_rollup_xlsx (read from docProps/core.xml, nothing else)."""
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return False
            return ROLLUP_KEYWORD.encode() in package.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False


def _text(sheet: WriteOnlyWorksheet, value: str) -> Cell:
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def _row(sheet: WriteOnlyWorksheet, values: list[Any]) -> None:
    sheet.append([_text(sheet, v) if isinstance(v, str) else v for v in values])


def _cell_value(raw: Any) -> Any:
    value = decode_value(raw)
    return value.raw if isinstance(value, Invalid) else value


def _table_sheets(book: Workbook, spec: FormatSpec) -> dict[str, tuple[WriteOnlyWorksheet, list[str]]]:
    sheets = {}
    for section in spec.sections:
        if section.table is None:
            continue
        table = spec.tables[section.table]
        sheet = book.create_sheet(f"表{section.number}")
        keys, headers = [], []
        for row in table.rows:
            for column in row.columns:
                keys.append(table.cell_key(row.key, column.key))
                headers.append(f"{row.short_label}｜{column.label}")
        _row(sheet, [f"{section.heading}（{spec.name}）"])
        _row(sheet, ["单位", "单位代码", "文件", *headers])
        sheets[table.key] = (sheet, keys)
    return sheets


def _completeness(book: Workbook, result: RollupResult) -> None:
    sheet = book.create_sheet("完整性")
    _row(sheet, [f"{result.year or ''}年度政府信息公开工作年度报告汇总：报送情况"])
    _row(sheet, ["序号", "单位", "单位代码", "状态", "错误", "未说明的警告", "已说明的警告", "未处理的批注", "文件", "备注"])
    for number, row in enumerate(result.rows, start=1):
        figures = [row.errors, row.warnings, row.acknowledged, row.open_comments] if row.file else [None] * 4
        code = row.unit.code if row.unit else ""
        _row(sheet, [number, row.organ, code, row.status_label, *figures, row.file or "", row.note])
    refused = book.create_sheet("未受理文件")
    _row(refused, ["文件", "原因"])
    for refusal in result.refused:
        _row(refused, [refusal.file, refusal.reason])


def write_rollup_xlsx(result: RollupResult, path: Path | str) -> None:
    """Write the roll-up workbook to `path`; atomically; a failure raises ReportFileError saying why."""
    path = Path(path)
    book = Workbook(write_only=True)
    book.properties.keywords = ROLLUP_KEYWORD
    book.properties.title = f"{result.year or ''}年度政府信息公开工作年度报告汇总"
    book.properties.creator = "gkdesk"
    _completeness(book, result)
    spec = load_spec(result.edition or "2021")
    sheets = _table_sheets(book, spec)
    findings_sheet = book.create_sheet("各单位问题")
    _row(findings_sheet, ["单位", "文件", "规则", "级别", "说明", "单元格", "填报单位的说明"])
    by_index: dict[int, UnitRow] = {row.spool_index: row for row in result.counted_rows if row.spool_index is not None}
    if result.spool is not None:
        for index, record in result.spool.records():
            unit = by_index.get(index)
            if unit is None:
                continue
            code = unit.unit.code if unit.unit else ""
            for sheet, keys in sheets.values():
                _row(sheet, [unit.organ, code, Path(unit.file or "").name, *(_cell_value(record["values"].get(k)) for k in keys)])
            for item in record["findings"]:
                severity = SEVERITY_LABELS.get(item["severity"], item["severity"])
                cells = "、".join(item["cells"])
                _row(findings_sheet, [unit.organ, Path(unit.file or "").name, item["rule"], severity, item["message"], cells, item["acknowledged"]])
    if result.totals is not None:
        resolved = Resolved(result.totals.report(result.year))
        for sheet, keys in sheets.values():
            _row(sheet, ["合计", "", f"{len(by_index)} 个单位", *(_cell_value_of(resolved, k) for k in keys)])
    totals_sheet = book.create_sheet("合计校验")
    _row(totals_sheet, ["规则", "级别", "说明", "单元格"])
    for finding in result.total_findings:
        _row(totals_sheet, [finding.rule, SEVERITY_LABELS[finding.severity], finding.message, "、".join(finding.cells)])
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue(), keep_backup=False)


def _cell_value_of(resolved: Resolved, key: str) -> Any:
    value = resolved.stated(key)
    return value.raw if isinstance(value, Invalid) else value
