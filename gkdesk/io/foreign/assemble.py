"""Build a Report from what was read by labels from a file typed by others (.docx or .xlsx)."""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.errors import ReportFileError
from gkdesk.io.foreign.filegrid import FileGrid
from gkdesk.io.foreign.layout_edition import layout_edition
from gkdesk.io.foreign.narrative_split import SplitText, split_text
from gkdesk.io.foreign.table_match import TableReading, read_tables
from gkdesk.io.foreign.titles import parse_title
from gkdesk.io.import_result import ImportProblem, ImportResult
from gkdesk.model import Paragraph, Report
from gkdesk.spec import CURRENT_EDITION, EDITIONS, edition_for_year, load_spec

_CLEARLY_FEWER_UNPLACED = 3  # the other edition must place at least this many more cells to override the year


def _clearly_fits_better(other: TableReading, expected: TableReading) -> bool:
    """The tables are plainly of `other`'s edition (e.g. 2019 table 二 columns in a 2021 report).

    Each edition leaves the other's distinct rows and columns (table 二, 三（六）) unplaced, so a
    reading that places far more is the file's real edition; small score differences are not.
    """
    return (
        expected.unplaced_count - other.unplaced_count >= _CLEARLY_FEWER_UNPLACED
        and 2 * other.unplaced_count <= expected.unplaced_count
        and other.score > expected.score
    )


def best_reading(grids: list[FileGrid], year: int | None, cited_edition: str | None = None) -> TableReading:
    """Read the grids against both editions and keep the one the report is in.

    Tables carrying a withdrawn format's own labels (the 2019 table 二's 本年新制作数量, 政府集中采购…) are
    read in that format whatever the year, even with every figure blank. Otherwise the year in the title
    decides (the edition whose definition covers the year) unless the tables clearly are another edition:
    then they are read as what they are and the checks warn (structure.old_format). Without a year the
    better fit wins (ties: the edition whose notice the text cites, else the current one).
    """
    layout = layout_edition(grids)
    if layout is not None and layout != CURRENT_EDITION:  # a withdrawn layout is read as what it is
        return read_tables(grids, layout)
    readings = {edition: read_tables(grids, edition) for edition in EDITIONS}
    if year is None:
        fallback = cited_edition or CURRENT_EDITION
        return max(readings.values(), key=lambda reading: (reading.score, reading.edition == fallback))
    expected = readings[edition_for_year(year)]
    others = [r for r in readings.values() if r is not expected and _clearly_fits_better(r, expected)]
    return max(others, key=lambda reading: reading.score, default=expected)


def assemble(grids: list[FileGrid], text: SplitText) -> ImportResult:
    """The report, with every problem met: unplaced cells, conflicting values, missing rows and tables."""
    reading = best_reading(grids, text.year, text.cited_edition)
    values, declared, problems = reading.results()
    spec = load_spec(reading.edition)
    narratives = {key: paragraphs for key, paragraphs in text.narratives.items() if paragraphs}
    report = Report(
        edition=reading.edition,
        organ=text.organ,
        organ_level=spec.level_for_name(text.organ),
        year=text.year,
        contact=text.contact,
        opening=text.opening,
        narratives=narratives,
        values=values,
        declared=declared,
    )
    if not text.title:
        problems.insert(0, ImportProblem("note", "未找到报告标题，机关名称和年度需手工填写"))
    elif text.year is None:
        problems.insert(0, ImportProblem("note", f"标题“{text.title[:40]}”中未找到年度，需手工填写"))
    for section in spec.sections:
        if section.table is None and section.key not in text.headings_found:
            problems.append(ImportProblem("missing", f"未找到标题“{section.heading}”", cell=section.key))
    return ImportResult(report, problems, [], "foreign")


def is_no_report(result: ImportResult, text: SplitText) -> bool:
    """Nothing of a report was found: none of its tables (even blank ones) and fewer than two section headings."""
    tables_missing = sum(1 for problem in result.problems if problem.kind == "missing_table")
    return tables_missing == len(result.report.spec.tables) and len(text.headings_found) < 2


def fill_from_file_name(result: ImportResult, name: str) -> None:
    """Organ and year from the file's name (“某某县2023年政府信息公开工作年度报告.docx”) where the title and the
    opening gave none; the note that they must be typed by hand goes when the name gave them."""
    report = result.report
    if report.organ and report.year is not None:
        return
    organ, year = parse_title(Path(name).stem)
    if not report.organ and organ:
        report.organ = organ
        report.organ_level = report.organ_level or report.spec.level_for_name(organ)
    if report.year is None and year is not None:
        report.year = year
    if report.organ and report.year is not None:
        result.problems = [p for p in result.problems if not (p.kind == "note" and "需手工填写" in p.message)]


def read_document_blocks(blocks: list[Paragraph | FileGrid], name: str, where: str = "") -> ImportResult:
    """A report from a document's paragraphs and tables in reading order (a Word body, a web page's article).

    `name` names the file in messages and may give organ and year; `where` (“网页中”) says where nothing
    was found. A file with neither headings nor tables of a report is refused in Chinese.
    """
    grids = [block for block in blocks if isinstance(block, FileGrid)]
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    text = split_text(paragraphs, load_spec(CURRENT_EDITION))
    if not text.headings_found and not grids:
        raise ReportFileError(f"{name}：{where}未找到报告的标题和表格，不是政府信息公开工作年度报告")
    result = assemble(grids, text)
    if is_no_report(result, text):
        raise ReportFileError(f"{name}：{where}未找到年度报告的三张表格和各部分标题，不是政府信息公开工作年度报告")
    fill_from_file_name(result, name)
    return result
