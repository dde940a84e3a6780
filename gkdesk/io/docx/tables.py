"""The three tables in the official layout: every label, merge and border; fixed widths; no split rows;
a caption or header row never left alone at the foot of a page.

The w:tbl is written directly (tcW, gridSpan, vMerge per cell) instead of through python-docx's cell and
merge API, which rescans the table on every call.
"""

from __future__ import annotations

from collections.abc import Callable

from gkdesk.io.docx.wml import rpr, run, twips
from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.gbt9704 import BODY_FONT, PADDING_MM, TABLE_SIZE, TEXT_WIDTH_MM, WIDE_PADDING_MM, WIDE_TABLE_COLUMNS
from gkdesk.io.printed import kept_with_next, printed_text, repeated_header_rows
from gkdesk.io.table_widths import column_widths_mm, is_row_label, left_aligned_columns
from gkdesk.model import Resolved
from gkdesk.spec import GridCell, Table, TableLayout, build_layout

_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
_BORDERS = "".join(f"<w:{edge} {_BORDER}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
_LOOK = (
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
    'w:noHBand="0" w:noVBand="1"/>'
)


def table_font_size(table: Table) -> float:
    """5号 for all three: in table 四's 10 mm columns it wraps 结果/维持 two characters a line, as printed."""
    return TABLE_SIZE


def table_xml(table: Table, resolved: Resolved) -> str:
    """The w:tbl of one of the report's tables with the report's values."""
    layout = build_layout(table)
    padding = WIDE_PADDING_MM if table.grid_columns > WIDE_TABLE_COLUMNS else PADDING_MM
    size = table_font_size(table)
    widths_mm = column_widths_mm(table, layout, TEXT_WIDTH_MM, size, padding)
    left = left_aligned_columns(table, layout, widths_mm, size, padding)
    repeat = repeated_header_rows(table, layout)
    widths = [twips(mm) for mm in widths_mm]
    keep = kept_with_next(layout, whole_bands=len(table.bands) > 1)
    return grid_xml(layout, widths, padding, repeat, lambda cell: printed_text(cell, resolved), size, left, keep)


def grid_xml(
    layout: TableLayout,
    widths: list[int],
    padding_mm: float,
    repeat: int,
    text_of: Callable[[GridCell], str],
    size: float,
    left_columns: frozenset[int] = frozenset(),
    keep_with_next: frozenset[int] = frozenset(),
) -> str:
    """A bordered, fixed-width w:tbl; widths in twips per grid column, the first `repeat` rows as header rows,
    the rows of `keep_with_next` kept on the page of the row after them."""
    margin = twips(padding_mm)
    parts = [
        '<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>',
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>',
        f"{_LOOK}</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{width}"/>' for width in widths),
        "</w:tblGrid>",
    ]
    covering: dict[tuple[int, int], GridCell] = {}
    for placed in layout.cells:
        for r in range(placed.row, placed.row + placed.rowspan):
            for c in range(placed.col, placed.col + placed.colspan):
                covering[(r, c)] = placed
    run_properties = rpr(BODY_FONT, size)
    for row in range(layout.n_rows):
        header = "<w:tblHeader/>" if row < repeat else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        col = 0
        while col < layout.n_cols:
            cell = covering.get((row, col))
            span = cell.colspan if cell is not None else 1
            left = cell is not None and cell.col in left_columns and is_row_label(cell)
            keep = row in keep_with_next
            parts.append(_cell_xml(cell, row, sum(widths[col : col + span]), text_of, run_properties, left, keep))
            col += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell_xml(
    cell: GridCell | None,
    row: int,
    width: int,
    text_of: Callable[[GridCell], str],
    run_properties: str,
    left: bool,
    keep: bool = False,
) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    # Word keeps a row with the next when its paragraphs are kept with the next: every paragraph of the row
    keep_next = "<w:keepNext/>" if keep else ""
    empty = f"<w:p><w:pPr>{keep_next}</w:pPr></w:p>" if keep else "<w:p/>"
    if cell is None:
        return f"<w:tc><w:tcPr>{properties}</w:tcPr>{empty}</w:tc>"
    if cell.colspan > 1:
        properties += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.row != row:  # continuation of a vertical merge: an empty paragraph, as Word writes it
        return f"<w:tc><w:tcPr>{properties}<w:vMerge/></w:tcPr>{empty}</w:tc>"
    if cell.rowspan > 1:
        properties += '<w:vMerge w:val="restart"/>'
    text = clean_text(text_of(cell))
    paragraph = (
        f'<w:p><w:pPr>{keep_next}<w:spacing w:line="240" w:lineRule="auto" w:before="0" w:after="0"/><w:ind w:firstLine="0"/>'
        f'<w:jc w:val="{"left" if left else "center"}"/></w:pPr>{run(text, run_properties)}</w:p>'
    )
    return f'<w:tc><w:tcPr>{properties}<w:vAlign w:val="center"/></w:tcPr>{paragraph}</w:tc>'
