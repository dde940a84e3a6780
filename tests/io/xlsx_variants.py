"""Build spreadsheets in the official layout, as others type them, in test code (openpyxl)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import openpyxl

from gkdesk.model import CellValue
from gkdesk.spec import build_layout, load_spec
from tests.io.docx_variants import HALF, expected_values


@dataclass
class SheetVariant:
    edition: str = "2021"
    organ: str = "某某镇"
    year: int = 2021
    one_sheet: bool = True  # all three tables stacked on one sheet, else one sheet per table
    merge: str = "merge"  # or "repeat" (text in every cell of the would-be merge), "none" (text in its first cell only)
    corner_text: bool = True  # False: table 三's corner cell left empty
    halfwidth: bool = False
    numbers_as_text: bool = False
    offset: tuple[int, int] = (2, 1)  # blank rows/columns before each table
    text_overrides: dict[str, str] = field(default_factory=dict)
    omit: tuple[str, ...] = ()  # table keys left out of the workbook


def build_xlsx(path: Path, variant: SheetVariant | None = None) -> dict[str, CellValue]:
    variant = variant or SheetVariant()
    spec = load_spec(variant.edition)
    values = expected_values(variant.edition)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "年度报告"
    sheet.cell(1, 1, f"{variant.organ}{variant.year}年政府信息公开工作年度报告")
    top = 2
    for section in spec.sections:
        if section.table is None or section.table in variant.omit:
            continue
        if not variant.one_sheet:
            sheet = workbook.create_sheet(f"表{section.number}")
            top = 1
        top += variant.offset[0]
        sheet.cell(top, 1, section.heading)
        top += 1
        layout = build_layout(spec.tables[section.table])
        left = variant.offset[1] + 1
        for cell in layout.cells:
            r, c = top + cell.row, left + cell.col
            if cell.kind == "value":
                assert cell.cell_key is not None
                value = values[cell.cell_key]
                content: object = variant.text_overrides.get(cell.cell_key, value)
                if isinstance(content, Decimal):
                    content = float(content)
                if variant.numbers_as_text and not isinstance(content, str):
                    content = f" {content} "
            else:
                content = cell.text.translate(HALF) if variant.halfwidth else cell.text
                if not variant.corner_text and cell.kind == "header" and cell.rowspan > 1 and cell.colspan > 1:
                    content = ""
            if variant.merge in ("merge", "none") or (cell.rowspan == 1 and cell.colspan == 1):
                sheet.cell(r, c, content)  # type: ignore[call-overload]
                if variant.merge == "merge" and (cell.rowspan > 1 or cell.colspan > 1):
                    sheet.merge_cells(
                        start_row=r, start_column=c, end_row=r + cell.rowspan - 1, end_column=c + cell.colspan - 1
                    )
            else:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        sheet.cell(r + dr, c + dc, content)  # type: ignore[call-overload]
        top += layout.n_rows
    workbook.save(path)
    return values
