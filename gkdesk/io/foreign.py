"""Build a Report from what was read by labels from a file typed by others (.docx or .xlsx)."""

from __future__ import annotations

from gkdesk.io.filegrid import FileGrid
from gkdesk.io.import_result import ImportProblem, ImportResult
from gkdesk.io.narrative_split import SplitText
from gkdesk.io.table_match import TableReading, read_tables
from gkdesk.model import Report
from gkdesk.spec import EDITIONS, edition_for_year, load_spec

# Organ names whose level is unambiguous; anything else is left for the user to choose.
_LEVEL_SUFFIXES = (
    (("乡人民政府", "镇人民政府", "街道办事处", "乡", "镇"), "township"),
    (("县人民政府", "县"), "county"),
)


def guess_organ_level(organ: str) -> str:
    for suffixes, level in _LEVEL_SUFFIXES:
        if organ.endswith(suffixes):
            return level
    return ""


def best_reading(grids: list[FileGrid], year: int | None, prefer_2019: bool = False) -> TableReading:
    """Read the grids against both editions and keep the one they fit better (ties: by year)."""
    readings = [read_tables(grids, edition) for edition in EDITIONS]
    fallback = "2019" if prefer_2019 else edition_for_year(year) if year is not None else "2021"
    return max(readings, key=lambda reading: (reading.score, reading.edition == fallback))


def assemble(grids: list[FileGrid], text: SplitText) -> ImportResult:
    """The report, with every problem met: unplaced cells, conflicting values, missing rows and tables."""
    reading = best_reading(grids, text.year, text.cites_2019)
    values, declared, problems = reading.results()
    spec = load_spec(reading.edition)
    narratives = {key: paragraphs for key, paragraphs in text.narratives.items() if paragraphs}
    report = Report(
        edition=reading.edition,
        organ=text.organ,
        organ_level=guess_organ_level(text.organ),
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
