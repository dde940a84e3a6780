"""gkdesk's own .docx/.xlsx: the embedded report, with hand edits made after export shown and applied.

The embedded data comes from gkdesk.io.own.embedded. When a file carries
none, or it is damaged, the file is read by its labels instead (with a note when it was damaged).
Hand edits: the report returned holds the visible values; each difference is listed so the reviewer
can choose (`choose_embedded` puts the exported value back).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.import_result import HandEdit, ImportProblem, ImportResult
from gkdesk.io.own.embedded import EmbeddedDataCorrupt, NoEmbeddedData, OwnFile
from gkdesk.model import Paragraph, Report, Resolved, parse_lenient
from gkdesk.spec import ParagraphRef


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """The reader boundary: whatever a damaged file raises reaches the user as a ReportFileError in Chinese."""
    try:
        yield
    except ReportFileError:
        raise
    except (MemoryError, RecursionError):
        raise ReportFileError(f"{path.name}：文件过于复杂或已损坏，无法读取") from None
    except Exception:  # a damaged file must never show a traceback
        raise ReportFileError(f"{path.name}：文件已损坏或不是报告文件，无法读取") from None


def own_or_foreign(own: Callable[[], OwnFile], foreign: Callable[[], ImportResult]) -> ImportResult:
    """The embedded report with its hand edits; without embedded data (or with damaged data, noted) the file
    read by its labels."""
    note = None
    try:
        return _from_own(own())
    except NoEmbeddedData:
        pass  # not made by gkdesk: read by its labels
    except EmbeddedDataCorrupt as error:
        note = f"gkdesk 内嵌数据不可用（{error}），已按表格和标题读取可见内容"
    result = foreign()
    if note:
        result.problems.insert(0, ImportProblem("note", note))
    return result


def _from_own(own: OwnFile) -> ImportResult:
    embedded = own.report
    differences = [HandEdit(d.key, d.embedded, d.visible) for d in own.differences]
    report = embedded.copy()
    report.comments = list(embedded.comments)
    problems = []
    for difference in differences:
        apply_edit(report, difference.key, difference.visible)
        problems.append(
            ImportProblem(
                "hand_edit",
                f"导出后被手工修改：导出时为“{difference.embedded}”，现为“{difference.visible}”（已按现值读入）",
                embedded.spec.describe_key(difference.key),
                difference.key,
            )
        )
    keep_printed_totals(report, embedded, [difference.key for difference in differences], own.computed)
    for key in [difference.key for difference in differences]:
        if key in report.spec.cells and key in report.declared and report.declared[key] is None:
            where = embedded.spec.describe_key(key)
            problems.append(ImportProblem("blank", "合计单元格为空白；公开的报告应填写合计数", where, key))
    return ImportResult(report, problems, differences, "own", embedded)


def keep_printed_totals(
    report: Report, embedded: Report, edited: list[str], computed: frozenset[str] = frozenset()
) -> None:
    """Totals as the document prints them after a hand edit of a figure: the exported total stays in the
    file until someone changes it, so the report states it (and the checks compare it with the new sum).
    A total the file shows by its formula (`computed`) shows the new sum: it stays derived."""
    spec = report.spec
    tables = {spec.cells[key].table for key in edited if key in spec.cells}
    printed = Resolved(embedded)
    for cell in spec.cells.values():
        if (
            cell.derived
            and cell.table in tables
            and cell.key not in report.declared
            and cell.key not in edited
            and cell.key not in computed
        ):
            stated = printed.stated(cell.key)
            report.set_declared(cell.key, stated, blank=stated is None)


def apply_edit(report: Report, key: str, text: str) -> None:
    """Put `text` (as shown in a document) at `key`: a cell, a paragraph, or a 基本信息 field."""
    spec = report.spec
    if key in spec.cells:
        value = parse_lenient(text, spec.cells[key].value_type)
        if spec.cells[key].derived:
            report.set_declared(key, value, blank=value is None)
        else:
            report.set_value(key, value)
        return
    place = ParagraphRef.parse(key)
    if place is not None:
        paragraphs = list(report.paragraphs(place.section))
        index = place.index
        if 0 <= index < len(paragraphs):
            kind = paragraphs[index].kind
            if text.strip():
                paragraphs[index] = Paragraph.plain(text, kind)
            else:
                del paragraphs[index]
        elif text.strip():
            paragraphs.append(Paragraph.plain(text))
        report.set_paragraphs(place.section, paragraphs)
    elif key in ("organ", "opening"):
        report.set_field(key, text)
    elif key == "year":
        digits = re.sub(r"\D", "", text)
        report.set_field("year", int(digits) if digits and 1900 < int(digits) < 2200 else None)
    elif key.startswith("contact."):
        name = key.split(".", 1)[1]
        if name in ("office", "address", "phone", "email"):
            report.set_field("contact", dataclasses.replace(report.contact, **{name: text}))


def choose_embedded(result: ImportResult, key: str) -> None:
    """The reviewer keeps the exported value at `key` instead of the hand edit."""
    for difference in result.differences:
        if difference.key == key:
            if not _put_paragraph(result.report, key, _paragraph_at(result.embedded, key), difference.embedded):
                apply_edit(result.report, key, difference.embedded)
            return
    raise KeyError(key)


def choose_visible(result: ImportResult, key: str) -> None:
    """The reviewer keeps the hand-edited value at `key` (the default after reading)."""
    for difference in result.differences:
        if difference.key == key:
            if not _put_paragraph(result.report, key, result.visible_paragraphs.get(key), difference.visible):
                apply_edit(result.report, key, difference.visible)
            return
    raise KeyError(key)


def _paragraph_at(report: Report | None, key: str) -> Paragraph | None:
    place = ParagraphRef.parse(key)
    if report is None or place is None:
        return None
    paragraphs = [p for p in report.paragraphs(place.section) if p.text.strip()]
    return paragraphs[place.index] if 0 <= place.index < len(paragraphs) else None


def _put_paragraph(report: Report, key: str, paragraph: Paragraph | None, text: str) -> bool:
    """Put a whole paragraph (runs and kind: bold kept) where its text is exactly `text`; False if not possible."""
    place = ParagraphRef.parse(key)
    if paragraph is None or place is None or paragraph.text.strip() != text.strip() or not text.strip():
        return False
    paragraphs = list(report.paragraphs(place.section))
    if not 0 <= place.index < len(paragraphs):
        return False
    paragraphs[place.index] = paragraph
    report.set_paragraphs(place.section, paragraphs)
    return True
