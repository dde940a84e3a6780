"""The report as it is printed, in reading order: title, opening, each section's heading, paragraphs and
table. The PDF, the printed pages and the web page all lay out these blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkdesk.model import Report, Resolved, Run, format_value
from gkdesk.model.opening import opening_text
from gkdesk.spec import GridCell, Table, TableLayout

# A run-in second-level heading opening a body paragraph: "（一）聚焦重点，全面推进主动公开。"
RUN_IN_HEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。]{1,40}?。")


@dataclass(frozen=True)
class Block:
    """One printed block. kind: "title", "opening", "heading" (一、), "subheading" (（一）), "body", "table"."""

    kind: str
    runs: tuple[Run, ...] = ()
    table: Table | None = None
    run_in_heading: bool = False  # body: its first run is a run-in （一） heading, set in the sub-heading face

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def report_blocks(report: Report) -> list[Block]:
    blocks = [Block("title", (Run(report.title),)), Block("opening", (Run(opening_text(report)),))]
    for section in report.spec.sections:
        blocks.append(Block("heading", (Run(section.heading),)))
        for paragraph in report.paragraphs(section.key):
            if paragraph.kind == "subheading":
                blocks.append(Block("subheading", paragraph.runs))
            else:
                runs = split_run_in_heading(paragraph.runs)
                lead = bool(runs) and RUN_IN_HEADING.fullmatch(runs[0].text) is not None
                blocks.append(Block("body", runs, run_in_heading=lead))
        if section.table is not None:
            blocks.append(Block("table", table=report.spec.tables[section.table]))
    return blocks


def split_run_in_heading(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The runs with a run-in （一） heading at the start of a plain first run split off as a run of its own."""
    if not runs or runs[0].bold:
        return runs
    match = RUN_IN_HEADING.match(runs[0].text)
    if match is None:
        return runs
    head, rest = runs[0].text[: match.end()], runs[0].text[match.end() :]
    return (Run(head), *((Run(rest),) if rest else ()), *runs[1:])


def printed_text(cell: GridCell, resolved: Resolved) -> str:
    """What a grid cell prints: its label, or the stated value; a blank cell (and a total with nothing filled
    under it) prints blank, as the window shows it, never as 0."""
    if cell.kind != "value" or cell.cell_key is None:
        return cell.text
    value = resolved.shown(cell.cell_key)
    return "" if value is None else format_value(value)


def repeated_header_rows(table: Table, layout: TableLayout) -> int:
    """Header rows repeated at the top of each page: only a table with one header block repeats them
    (table 二's four or five blocks each carry their own)."""
    return layout.leading_header_rows if len(table.bands) == 1 else 0


def kept_with_next(layout: TableLayout, whole_bands: bool) -> frozenset[int]:
    """Rows that must stay on the page of the row after them.

    Caption and header rows always stay with what follows, down to the first data row. With `whole_bands`
    (table 二: four or five short blocks, each a caption, a header and a few rows) every row stays with the
    next row of its block, so a block moves to the next page whole instead of breaking.
    """
    headers = set(layout.header_rows)
    keep = set()
    for row in range(layout.n_rows - 1):
        if row in headers or (whole_bands and row + 1 not in headers):
            keep.add(row)
    return frozenset(keep)
