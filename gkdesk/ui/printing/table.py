"""One of the report's tables on the printed page: the official grid with every merge and border, column
widths as in the Word export, each row as tall as its text; drawn a run of rows at a time (a page's part)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from gkdesk.io import gbt9704 as page
from gkdesk.io.printed import kept_with_next, printed_text, repeated_header_rows
from gkdesk.io.table_widths import column_widths_mm, is_row_label, left_aligned_columns
from gkdesk.model import Resolved
from gkdesk.spec import GridCell, Table, build_layout
from gkdesk.ui.printing.fonts import font
from gkdesk.ui.printing.text import TextLines, lay_out
from gkdesk.ui.printing.units import mm, pt


@dataclass
class PrintedCell:
    cell: GridCell
    lines: TextLines
    text_height: float
    # A cell spanning rows on several pages carries its text in the page parts that start at these rows.
    text_rows: frozenset[int]


class PrintedTable:
    """Geometry of one table: column edges, row heights, header rows repeated on each page, and the rows
    that must stay on the page of the row after them."""

    def __init__(self, table: Table, resolved: Resolved, page_height: float) -> None:
        """`page_height`: the text block's; no row is taller than what is left of it under the header rows
        and a heading (the text of a cell that would be taller is cut at the row's foot)."""
        layout = build_layout(table)
        self.n_rows = layout.n_rows
        padding_mm = page.WIDE_PADDING_MM if table.grid_columns > page.WIDE_TABLE_COLUMNS else page.PADDING_MM
        widths_mm = column_widths_mm(table, layout, page.TEXT_WIDTH_MM, page.TABLE_SIZE, padding_mm)
        left = left_aligned_columns(table, layout, widths_mm, page.TABLE_SIZE, padding_mm)
        self.edges = [0.0]
        for width in widths_mm:
            self.edges.append(self.edges[-1] + mm(width))
        self.padding = mm(padding_mm)
        self.repeat = repeated_header_rows(table, layout)
        self.keep = kept_with_next(layout, whole_bands=len(table.bands) > 1)
        base = font(page.BODY_FONT, page.TABLE_SIZE)
        self.cells: list[PrintedCell] = []
        for cell in layout.cells:
            align = (
                Qt.AlignmentFlag.AlignLeft if cell.col in left and is_row_label(cell) else Qt.AlignmentFlag.AlignHCenter
            )
            width = self.edges[cell.col + cell.colspan] - self.edges[cell.col] - 2 * self.padding
            lines = lay_out(printed_text(cell, resolved), base, 0.0, width, 0.0, align)
            lines.pitch = lines.layout.lineAt(0).height() if lines.layout.lineCount() else pt(page.TABLE_SIZE)
            _stack_lines(lines)
            self.cells.append(PrintedCell(cell, lines, lines.count * lines.pitch, frozenset({cell.row})))
        self.page_height = page_height
        self.heights = self._row_heights()
        # Room left for the section heading above the table on the same page.
        tallest = page_height - sum(self.heights[row] for row in layout.header_rows) - 2 * pt(page.LINE_PITCH_PT)
        self.heights = [min(height, max(tallest, page_height / 2)) for height in self.heights]

    def _row_heights(self) -> list[float]:
        line = min((cell.lines.pitch for cell in self.cells), default=pt(page.TABLE_SIZE))
        heights = [line] * self.n_rows
        for printed in sorted(self.cells, key=lambda item: item.cell.rowspan):
            cell = printed.cell
            rows = range(cell.row, cell.row + cell.rowspan)
            short = printed.text_height - sum(heights[row] for row in rows)
            if short > 0:
                for row in rows:
                    heights[row] += short / cell.rowspan
        return heights

    def units(self) -> list[list[int]]:
        """Runs of rows that go to a page together (a row kept with the next joins it); a run taller than
        a page goes row by row."""
        groups: list[list[int]] = []
        for row in range(self.n_rows):
            if groups and groups[-1][-1] in self.keep:
                groups[-1].append(row)
            else:
                groups.append([row])
        units: list[list[int]] = []
        for group in groups:
            units += [[row] for row in group] if self.height(group) > self.page_height else [group]
        return units

    def height(self, rows: list[int]) -> float:
        return sum(self.heights[row] for row in rows)

    def assign_text_parts(self, parts: list[list[int]]) -> None:
        """For each cell spanning rows on several pages, the parts that carry its text: every part its text
        fits in (a group label such as 三、本年度办理结果 is repeated on the continuation page), else the
        tallest."""
        for printed in self.cells:
            cell = printed.cell
            if cell.rowspan == 1:
                continue
            span = set(range(cell.row, cell.row + cell.rowspan))
            pieces = [shown for shown in ([row for row in part if row in span] for part in parts) if shown]
            if not pieces:
                continue
            fitting = [piece for piece in pieces if self.height(piece) >= printed.text_height - 0.5]
            chosen = fitting or [max(pieces, key=self.height)]
            printed.text_rows = frozenset(piece[0] for piece in chosen)

    def draw(self, painter: QPainter, rows: list[int], x: float, top: float) -> None:
        """The rows `rows` (consecutive grid rows, optionally after the repeated header rows), from `top`."""
        tops: dict[int, float] = {}
        y = top
        for row in rows:
            tops[row] = y
            y += self.heights[row]
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(pt(page.BORDER_PT))
        painter.setPen(pen)
        for printed in self.cells:
            cell = printed.cell
            shown = [row for row in range(cell.row, cell.row + cell.rowspan) if row in tops]
            if not shown:
                continue
            part_top = tops[shown[0]]
            part_bottom = tops[shown[-1]] + self.heights[shown[-1]]
            rect = QRectF(
                x + self.edges[cell.col],
                part_top,
                self.edges[cell.col + cell.colspan] - self.edges[cell.col],
                part_bottom - part_top,
            )
            painter.drawRect(rect)
            if shown[0] in printed.text_rows:
                self._draw_text(painter, printed, rect)

    def _draw_text(self, painter: QPainter, printed: PrintedCell, rect: QRectF) -> None:
        lines = printed.lines
        top = rect.top() + max(0.0, (rect.height() - printed.text_height) / 2)
        if printed.text_height <= rect.height():
            lines.draw(painter, 0, lines.count, rect.left() + self.padding, top)
            return
        painter.save()
        painter.setClipRect(rect)  # a merged cell's text taller than its part on this page
        lines.draw(painter, 0, lines.count, rect.left() + self.padding, top)
        painter.restore()


def _stack_lines(lines: TextLines) -> None:
    """Lines of a cell one under the other at the font's own line height (single spacing)."""
    for index in range(lines.layout.lineCount()):
        line = lines.layout.lineAt(index)
        line.setPosition(QPointF(line.position().x(), index * lines.pitch))
