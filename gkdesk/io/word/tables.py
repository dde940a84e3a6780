"""The three tables in the official layout: every label, merge and border; fixed widths; no split rows."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell

from gkdesk.io.table_widths import column_widths_mm
from gkdesk.io.textsafe import clean_text
from gkdesk.io.word.fonts import BODY_FONT, TABLE_SIZE, style_run
from gkdesk.io.word.page import TEXT_WIDTH_MM
from gkdesk.model import Resolved, format_value
from gkdesk.spec import GridCell, Table, build_layout

WIDE_TABLE_COLUMNS = 12  # tables wider than this (table 四, 15 columns) get narrower cell padding
PADDING_MM = 0.6
WIDE_PADDING_MM = 0.3


def table_font_size(table: Table) -> float:
    """5号 for all three: in table 四's 10 mm columns it wraps 结果/维持 two characters a line, as printed."""
    return TABLE_SIZE


def cell_text(cell: GridCell, resolved: Resolved) -> str:
    """What a grid cell prints: its label, or the stated value with blanks printed as 0."""
    if cell.kind != "value" or cell.cell_key is None:
        return cell.text
    value = resolved.stated(cell.cell_key)
    return "0" if value is None else format_value(value)


def add_table(document: Document, table: Table, resolved: Resolved) -> DocxTable:
    layout = build_layout(table)
    size = table_font_size(table)
    padding = WIDE_PADDING_MM if table.grid_columns > WIDE_TABLE_COLUMNS else PADDING_MM
    widths = [Mm(w) for w in column_widths_mm(table, layout, TEXT_WIDTH_MM, size, padding)]
    docx_table = document.add_table(rows=layout.n_rows, cols=layout.n_cols)
    docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    docx_table.autofit = False
    _table_properties(docx_table, padding)
    for col, width in enumerate(widths):
        docx_table.columns[col].width = width
    repeat = layout.leading_header_rows if len(table.bands) == 1 else 0
    # Cells taken once before merging: Table.cell() rescans the whole table on every call.
    grid = [[_Cell(tc, docx_table) for tc in row._tr.tc_lst] for row in docx_table.rows]
    for index, row in enumerate(docx_table.rows):
        _row_properties(row._tr, header=index < repeat)
        for col, cell in enumerate(grid[index]):
            cell.width = widths[col]
    for grid_cell in layout.cells:
        target = grid[grid_cell.row][grid_cell.col]
        if grid_cell.rowspan > 1 or grid_cell.colspan > 1:
            corner = grid[grid_cell.row + grid_cell.rowspan - 1][grid_cell.col + grid_cell.colspan - 1]
            target = target.merge(corner)
        _fill(target, grid_cell, cell_text(grid_cell, resolved), size)
    return docx_table


def _fill(cell: _Cell, grid_cell: GridCell, text: str, size: float) -> None:
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = cell.paragraphs[0]
    left = grid_cell.kind == "label" and grid_cell.colspan == 1 and grid_cell.rowspan == 1 and len(text) > 8
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    style_run(paragraph.add_run(clean_text(text)), BODY_FONT, size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _table_properties(docx_table: DocxTable, padding_mm: float) -> None:
    tbl_pr = docx_table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    _insert_ordered(tbl_pr, borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_ordered(tbl_pr, layout)
    margins = OxmlElement("w:tblCellMar")
    twips = str(round(padding_mm / 25.4 * 1440))
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), twips)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert_ordered(tbl_pr, margins)


# Schema order of w:tblPr children (Word refuses documents with them out of order).
_TBL_PR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
)


def _insert_ordered(tbl_pr: Any, element: Any) -> None:
    name = element.tag.split("}")[1]
    for old in tbl_pr.findall(element.tag):
        tbl_pr.remove(old)
    later = set(_TBL_PR_ORDER[_TBL_PR_ORDER.index(name) + 1 :])
    for index, child in enumerate(tbl_pr):
        if child.tag.split("}")[1] in later:
            tbl_pr.insert(index, element)
            return
    tbl_pr.append(element)


def _row_properties(tr: Any, header: bool) -> None:
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
