"""The 基本信息 sheet (organ, level, year, contact) and the 文字部分 sheet (one paragraph per row)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.workbook import Workbook

from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.xlsx.cells import (
    BOLD,
    FONT_NAME,
    FONT_SIZE,
    FORMULA_STARTS,
    column_mm,
    fit_to_page_width,
    line_count,
    put_text,
    row_height,
)
from gkdesk.io.xlsx.styles import TEXT_BOLD, TEXT_INPUT, TEXT_PLAIN, Styler
from gkdesk.model import Paragraph, Report, Run
from gkdesk.model.opening import opening_text

INFO_SHEET = "基本信息"
TEXT_SHEET = "文字部分"
OPENING_LABEL = "开头"
TEXT_WIDTHS = (16, 6, 70)  # 部分 / 类型 / 内容: about 172 mm, an A4 page wide at full scale
KIND_LABELS = {"body": "正文", "subheading": "小标题"}
# An Excel cell holds at most 32,767 characters: a longer paragraph continues on the rows below, marked so,
# and every reader joins them again (never cut).
CONTINUED_LABEL = "续上行"
CELL_TEXT_CHARS = 32_000


def info_fields(report: Report) -> list[tuple[str, str, str]]:
    """(key, label, text) of each 基本信息 row, in the definition's order; the key names the field in differences."""
    return [(field.key, field.label, report.field_text(field.key)) for field in report.spec.fields]


def add_info_sheet(workbook: Workbook, report: Report, styler: Styler | None = None) -> None:
    styler = styler or Styler()
    sheet = workbook.create_sheet(INFO_SHEET)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 64
    for row, (_, label, text) in enumerate(info_fields(report), start=1):
        put_text(sheet.cell(row, 1), label)
        put_text(sheet.cell(row, 2), text)
        styler.apply(sheet.cell(row, 1), TEXT_BOLD)
        styler.apply(sheet.cell(row, 2), TEXT_INPUT)
        sheet.row_dimensions[row].height = row_height(line_count(text, column_mm(64)))
    fit_to_page_width(sheet)
    sheet.protection.sheet = True


def text_rows(report: Report) -> list[tuple[str, str, Paragraph]]:
    """(section label, kind label, paragraph) of each 文字部分 row, in document order."""
    rows = [(OPENING_LABEL, KIND_LABELS["body"], Paragraph.plain(opening_text(report)))]
    for section in report.spec.sections:
        for paragraph in report.paragraphs(section.key):
            rows.append((section.heading, KIND_LABELS.get(paragraph.kind, paragraph.kind), paragraph))
    return rows


def sheet_rows(report: Report) -> list[tuple[str, str, Paragraph]]:
    """The rows of 文字部分 as written: text_rows with each over-long paragraph in pieces, the later ones
    marked CONTINUED_LABEL."""
    rows = []
    for section, kind, paragraph in text_rows(report):
        for index, piece in enumerate(paragraph_pieces(paragraph)):
            rows.append((section, kind if index == 0 else CONTINUED_LABEL, piece))
    return rows


def paragraph_pieces(paragraph: Paragraph, size: int = CELL_TEXT_CHARS) -> list[Paragraph]:
    """`paragraph` in pieces of at most `size` characters (runs and their bold kept), each cut between two
    characters that are not white space, so joining the pieces gives the paragraph back exactly."""
    text = paragraph.text
    if len(text) <= size:
        return [paragraph]
    cuts = [0]
    while len(text) - cuts[-1] > size:
        cut = cuts[-1] + size
        while cut > cuts[-1] + 1 and (text[cut - 1].isspace() or text[cut].isspace()):
            cut -= 1
        cuts.append(cut)
    cuts.append(len(text))
    pieces = []
    for start, end in itertools.pairwise(cuts):
        runs, offset = [], 0
        for run in paragraph.runs:
            left, right = max(start, offset), min(end, offset + len(run.text))
            if left < right:
                runs.append(Run(run.text[left - offset : right - offset], run.bold))
            offset += len(run.text)
        pieces.append(Paragraph(tuple(runs), paragraph.kind))
    return pieces


def join_continued(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(section, kind, text) rows read back from 文字部分 with CONTINUED_LABEL rows joined to the row above."""
    joined: list[tuple[str, str, str]] = []
    for section, kind, text in rows:
        if kind.strip() == CONTINUED_LABEL and joined:
            above = joined[-1]
            joined[-1] = (above[0], above[1], above[2] + text)
        else:
            joined.append((section, kind, text))
    return joined


def _rich(paragraph: Paragraph) -> CellRichText | None:
    if not any(run.bold for run in paragraph.runs):
        return None
    plain, bold = InlineFont(rFont=FONT_NAME, sz=FONT_SIZE), InlineFont(rFont=FONT_NAME, sz=FONT_SIZE, b=True)
    return CellRichText(*[TextBlock(bold if run.bold else plain, clean_text(run.text)) for run in paragraph.runs])


def add_text_sheet(workbook: Workbook, report: Report, styler: Styler | None = None) -> None:
    styler = styler or Styler()
    sheet = workbook.create_sheet(TEXT_SHEET)
    for col, (label, width) in enumerate(zip(("部分", "类型", "内容"), TEXT_WIDTHS, strict=True), start=1):
        put_text(sheet.cell(1, col), label)
        sheet.cell(1, col).font = BOLD
        sheet.column_dimensions[chr(64 + col)].width = width
    for row, (section, kind, paragraph) in enumerate(sheet_rows(report), start=2):
        put_text(sheet.cell(row, 1), section)
        put_text(sheet.cell(row, 2), kind)
        rich = _rich(paragraph)
        if rich is not None:
            sheet.cell(row, 3).value = rich
            # like put_text: a paragraph starting with = + - @ is shown as text by every spreadsheet program
            sheet.cell(row, 3).quotePrefix = paragraph.text.startswith(FORMULA_STARTS)
        else:
            put_text(sheet.cell(row, 3), paragraph.text)
        for col in (1, 2, 3):
            styler.apply(sheet.cell(row, col), TEXT_PLAIN)
        lines = max(
            line_count(text, column_mm(width))
            for text, width in zip((section, kind, paragraph.text), TEXT_WIDTHS, strict=True)
        )
        sheet.row_dimensions[row].height = row_height(lines)
    sheet.freeze_panes = "A2"
    fit_to_page_width(sheet)
    sheet.print_title_rows = "1:1"
