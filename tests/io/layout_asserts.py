"""Assertions that an exported document reproduces the format's table layouts: every label and merge."""

from __future__ import annotations

from typing import Any

import openpyxl

from gkdesk.io.xlsx.tables import TOP
from gkdesk.spec import FormatSpec, build_layout


def assert_docx_tables_follow_layout(document: Any, spec: FormatSpec) -> None:
    """The Word tables have the layout's size, labels and merged cells, in section order."""
    tables = [spec.tables[s.table] for s in spec.sections if s.table]
    assert len(document.tables) == len(tables)
    for table, docx_table in zip(tables, document.tables, strict=True):
        layout = build_layout(table)
        cells = docx_table._cells
        assert len(docx_table.rows) == layout.n_rows and len(docx_table.columns) == layout.n_cols
        for cell in layout.cells:
            top = cells[cell.row * layout.n_cols + cell.col]
            if cell.kind != "value":
                assert top.text == cell.text
            for r in range(cell.rowspan):
                for c in range(cell.colspan):
                    assert cells[(cell.row + r) * layout.n_cols + cell.col + c]._tc is top._tc


def assert_xlsx_sheets_follow_layout(workbook: openpyxl.Workbook, spec: FormatSpec) -> None:
    """Each 表 sheet has the layout's labels and merged ranges, with a border on every cell."""
    for section in (s for s in spec.sections if s.table):
        sheet = workbook[f"表{section.number}"]
        merged = {str(r) for r in sheet.merged_cells.ranges}
        for cell in build_layout(spec.tables[section.table or ""]).cells:
            top = sheet.cell(TOP + cell.row + 1, cell.col + 1)
            if cell.kind != "value":
                assert top.value == cell.text
            if cell.rowspan > 1 or cell.colspan > 1:
                end = sheet.cell(TOP + cell.row + cell.rowspan, cell.col + cell.colspan)
                assert f"{top.coordinate}:{end.coordinate}" in merged
            assert top.border.left.style == "thin"
