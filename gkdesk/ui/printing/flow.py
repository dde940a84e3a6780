"""The report flowed onto GB/T 9704 pages: paragraphs break between lines (never leaving one line alone at
a page's foot or head), headings stay with what follows, table rows never split, a table's header rows are
repeated at the top of each page it continues on."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QPainter

from gkdesk.io import gbt9704 as page
from gkdesk.io.printed import Block, report_blocks
from gkdesk.model import Report, Resolved
from gkdesk.ui.printing.table import PrintedTable
from gkdesk.ui.printing.text import TextLines, block_lines
from gkdesk.ui.printing.units import mm, pt

LEFT = mm(page.LEFT_MM)
TOP = mm(page.TOP_MM)
BOTTOM = mm(page.PAGE_HEIGHT_MM - page.BOTTOM_MM)
FIT = pt(0.5)  # rounding room: 22 lines of 28.95 pt fill the 225 mm block to within a point
MIN_LINES = 2  # widow and orphan control


@dataclass
class LinesPart:
    lines: TextLines
    first: int
    last: int
    top: float

    def draw(self, painter: QPainter) -> None:
        self.lines.draw(painter, self.first, self.last, LEFT, self.top)


@dataclass
class TablePart:
    table: PrintedTable
    rows: list[int]
    top: float

    def draw(self, painter: QPainter) -> None:
        self.table.draw(painter, self.rows, LEFT, self.top)


@dataclass
class Page:
    parts: list[LinesPart | TablePart] = field(default_factory=list)

    def draw(self, painter: QPainter) -> None:
        for part in self.parts:
            part.draw(painter)


Laid = TextLines | PrintedTable


class _Flow:
    def __init__(self) -> None:
        self.pages = [Page()]
        self.y = TOP

    @property
    def at_top(self) -> bool:
        return not self.pages[-1].parts

    def room(self) -> float:
        return BOTTOM - self.y + FIT

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = TOP

    def lines(self, lines: TextLines, lead_height: float) -> None:
        """Place a paragraph; `lead_height` is what must come on the same page after it (kept with next)."""
        first = 0
        while first < lines.count:
            left = lines.count - first
            fits = int(self.room() // lines.pitch)
            opening = min(MIN_LINES, left) if first == 0 else 1
            needed = lines.pitch * left + lead_height if left <= fits else lines.pitch * opening
            if not self.at_top and (fits < opening or needed > self.room()):
                self.new_page()
                continue
            take = min(left, max(fits, 1))
            if take < left and left - take < MIN_LINES and take - (MIN_LINES - (left - take)) >= MIN_LINES:
                take -= MIN_LINES - (left - take)  # no single last line at the head of the next page
            self.pages[-1].parts.append(LinesPart(lines, first, first + take, self.y))
            self.y += take * lines.pitch
            first += take
            if first < lines.count:
                self.new_page()
        self.space(lines.space_after)

    def space(self, height: float) -> None:
        if not self.at_top:
            self.y += height

    def table(self, table: PrintedTable, parts: list[list[int]]) -> None:
        header = list(range(table.repeat))
        current: TablePart | None = None
        for unit in table.units():
            height = table.height(unit)
            if current is not None and height > self.room() and table.height(current.rows) > table.height(header):
                self.new_page()
                current = None
            if current is None and not self.at_top and height > self.room():
                self.new_page()
            if current is None:
                rows = header if unit[0] >= len(header) else []
                current = TablePart(table, list(rows), self.y)
                self.pages[-1].parts.append(current)
                parts.append(current.rows)
                self.y += table.height(rows)
            current.rows.extend(unit)
            self.y += height


def _lead(blocks: list[Laid], index: int) -> float:
    """Height that must follow block `index` on its page: a heading's next block's opening lines."""
    item = blocks[index]
    if not isinstance(item, TextLines) or not item.keep_with_next or index + 1 >= len(blocks):
        return 0.0
    after = blocks[index + 1]
    if isinstance(after, PrintedTable):
        units = after.units()
        lead = after.height(units[0]) if units else 0.0
    else:
        own = min(MIN_LINES, after.count) * after.pitch
        lead = own + (after.count * after.pitch + _lead(blocks, index + 1) - own if after.keep_with_next else 0.0)
    # What cannot share a page with the heading anyway does not push it to a page of its own.
    return lead if lead + item.count * item.pitch <= BOTTOM - TOP else 0.0


def lay_out_pages(report: Report) -> list[Page]:
    resolved = Resolved(report)
    blocks: list[Laid] = [_laid(block, resolved) for block in report_blocks(report)]
    flow = _Flow()
    for index, item in enumerate(blocks):
        if isinstance(item, PrintedTable):
            parts: list[list[int]] = []
            flow.table(item, parts)
            item.assign_text_parts(parts)
            flow.space(pt(page.LINE_PITCH_PT))  # the empty line after a table
        else:
            flow.lines(item, _lead(blocks, index))
    if len(flow.pages) > 1 and not flow.pages[-1].parts:
        flow.pages.pop()
    return flow.pages


def _laid(block: Block, resolved: Resolved) -> Laid:
    if block.kind == "table":
        assert block.table is not None
        return PrintedTable(block.table, resolved, BOTTOM - TOP)
    return block_lines(block)
