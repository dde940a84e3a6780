"""Which sheets of a workbook read by labels are report tables, and gkdesk's own text sheets read by layout.

A gkdesk-made .xlsx whose embedded data is damaged is read by its labels; its 基本信息, 文字部分 and 校验
sheets are recognised by their header rows (not their names, which a person may change) and never read
as tables. Any other sheet whose cells mostly cannot be placed in a report table (a 填报说明 sheet, a
budget) is skipped with one note instead of a problem per cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gkdesk.io.foreign.filegrid import FileGrid
from gkdesk.io.foreign.table_match import TableReading, read_tables
from gkdesk.io.import_result import ImportProblem
from gkdesk.io.xlsx.checks_sheet import HEADERS as CHECK_HEADERS
from gkdesk.io.xlsx.info import OPENING_LABEL, join_continued
from gkdesk.model import Contact, Paragraph, Report
from gkdesk.spec import CURRENT_EDITION, EDITIONS, FormatSpec, load_spec

TEXT_HEADERS = ("部分", "类型", "内容")


def _field_names(spec: FormatSpec) -> list[tuple[str, ...]]:
    """Each 基本信息 row's label and aliases (files exported before a label changed say the alias)."""
    return [(field.label, *field.aliases) for field in spec.fields]


def _row_texts(grid: FileGrid, row: int) -> list[str]:
    return [cell.text.strip() for _, cell in grid.distinct(row)] if row < len(grid.rows) else []


def is_check_sheet(grid: FileGrid) -> bool:
    return tuple(_row_texts(grid, 0)[: len(CHECK_HEADERS)]) == CHECK_HEADERS


def is_text_sheet(grid: FileGrid) -> bool:
    return tuple(_row_texts(grid, 0)[:3]) == TEXT_HEADERS


def is_info_sheet(grid: FileGrid) -> bool:
    names = _field_names(load_spec(CURRENT_EDITION))
    labels = [grid.cell(r, 0).text.strip() for r in range(min(len(grid.rows), len(names)))]
    return len(labels) >= 5 and all(label in known for label, known in zip(labels, names, strict=False))


@dataclass
class OwnText:
    """What gkdesk's own 基本信息 and 文字部分 sheets hold."""

    fields: dict[str, str] = field(default_factory=dict)  # 基本信息 field key → text
    paragraphs: list[Paragraph] = field(default_factory=list)  # title, opening, then heading + paragraphs

    @property
    def found(self) -> bool:
        return bool(self.fields or self.paragraphs)


def _edition(fields: dict[str, str]) -> str:
    name = fields.get("edition", "")
    return next((edition for edition in EDITIONS if load_spec(edition).name == name), CURRENT_EDITION)


def read_own_text(info: FileGrid | None, text: FileGrid | None) -> OwnText:
    """Title, opening and each section's paragraphs (every heading present, empty sections too)."""
    own = OwnText()
    if info is not None:
        keys = [field.key for field in load_spec(CURRENT_EDITION).fields]
        for row, key in enumerate(keys[: len(info.rows)]):
            own.fields[key] = info.cell(row, 1).text.strip()
    if text is None:
        return own
    by_label: dict[str, list[Paragraph]] = {}
    cells = (
        (text.cell(row, 0).text, text.cell(row, 1).text, text.cell(row, 2).text) for row in range(1, len(text.rows))
    )
    rows = join_continued(cells)
    for label, kind, content in rows:
        if content.strip():
            paragraph_kind = "subheading" if kind.strip() == "小标题" else "body"
            by_label.setdefault(label.strip(), []).append(Paragraph.plain(content.strip(), paragraph_kind))
    title = own.fields.get("title", "")
    own.paragraphs = [Paragraph.plain(title)] if title else []
    own.paragraphs += by_label.pop(OPENING_LABEL, [])
    for section in load_spec(_edition(own.fields)).sections:
        own.paragraphs.append(Paragraph.plain(section.heading))
        own.paragraphs += by_label.pop(section.heading, [])
    for label, paragraphs in by_label.items():  # a heading renamed by hand: keep its text in reading order
        own.paragraphs += [Paragraph.plain(label), *paragraphs]
    return own


def apply_own_fields(report: Report, own: OwnText) -> None:
    """基本信息 values the title and opening cannot give (level, contact) onto a report read by labels."""
    fields = own.fields
    level = next((lv.key for lv in report.spec.organ_levels if lv.label == fields.get("organ_level")), "")
    if level:
        report.organ_level = level
    if fields.get("organ"):
        report.organ = fields["organ"]
    contact = Contact(*(fields.get(f"contact.{name}", "") for name in ("office", "address", "phone", "email")))
    if any((contact.office, contact.address, contact.phone, contact.email)):
        report.contact = contact


def _counts(reading: TableReading, grid: FileGrid) -> tuple[int, int, int]:
    """(placed, unplaced, labelled) cells of `grid` in one reading of all grids: labelled counts cells under a
    row and a column label whether filled or blank."""
    prefix = grid.source + "第"
    mine = [e for es in reading.entries.values() for e in es if e.where.startswith(prefix)]
    placed = sum(1 for e in mine if e.text.strip())
    unplaced = sum(1 for p in reading.problems if p.kind == "unplaced" and p.where.startswith(prefix))
    return placed, unplaced, len(mine)


def table_grids(grids: list[FileGrid]) -> tuple[list[FileGrid], list[ImportProblem]]:
    """The grids holding report tables, and a note for each skipped sheet that had figures.

    A sheet whose tables are all blank (a report with no figures typed) is still the report's tables.
    """
    readings = [read_tables(grids, edition) for edition in EDITIONS]
    kept, notes = [], []
    for grid in grids:
        placed, unplaced, labelled = max((_counts(reading, grid) for reading in readings), key=lambda c: c[0] - c[1])
        if placed > unplaced or (unplaced == 0 and labelled > 0):
            kept.append(grid)
        elif unplaced:
            notes.append(
                ImportProblem("note", f"{grid.source}不是报告表格（{unplaced} 个单元格无法对应到报告表格），已跳过")
            )
    return kept, notes
