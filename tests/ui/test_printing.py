"""The PDF drawn by Qt: A4 with the GB/T 9704 margins, fonts embedded, table 三 over pages with its header
repeated, rows never split, page numbers alternating, text that copies out as written."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader

from gkdesk.cli import main
from gkdesk.io import gbt9704 as gb
from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import save_gkr
from gkdesk.model import Invalid, Paragraph, Report
from gkdesk.spec import build_layout
from gkdesk.ui.printing.flow import BOTTOM, TOP, LinesPart, lay_out_pages
from gkdesk.ui.printing.pages import UNCHECKED_MARK
from gkdesk.ui.printing.pdf import pdf_bytes
from tests.conftest import ROOT
from tests.helpers import filled_report, sample_report
from tests.io.test_docx_export_render import convert, needs_soffice, pdf_pages

MM = 72 / 25.4
TOLERANCE = 1.0  # points


@dataclass(frozen=True)
class Placed:
    text: str
    x: float  # points from the left edge of the paper
    y: float  # baseline, points from the top edge
    size: float


@pytest.fixture(scope="module")
def sample_pdf(qapp: object) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes(sample_report())))


def _placed(page: object) -> list[Placed]:
    found: list[Placed] = []
    height = float(page.mediabox.height)  # type: ignore[attr-defined]

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append(Placed(text, x, height - y, size * abs(cm[3])))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def _rectangles(page: object) -> list[tuple[float, float, float, float]]:
    """Rectangles drawn (table cells), as left, top, right, bottom in points from the paper's top left."""
    found = []
    height = float(page.mediabox.height)  # type: ignore[attr-defined]

    def visit(operator: bytes, args: list[object], cm: list[float], _tm: list[float]) -> None:
        if operator == b"re":
            x, y, w, h = (float(a) for a in args)  # type: ignore[arg-type]
            xs = (cm[0] * x + cm[4], cm[0] * (x + w) + cm[4])
            ys = (height - (cm[3] * y + cm[5]), height - (cm[3] * (y + h) + cm[5]))
            found.append((min(xs), min(ys), max(xs), max(ys)))

    page.extract_text(visitor_operand_before=visit)  # type: ignore[attr-defined]
    return found


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_a4_pages_with_the_four_margins(sample_pdf: PdfReader) -> None:
    for page in sample_pdf.pages:
        assert abs(float(page.mediabox.width) - 210 * MM) < TOLERANCE
        assert abs(float(page.mediabox.height) - 297 * MM) < TOLERANCE
    placed = [item for page in sample_pdf.pages for item in _placed(page) if "—" not in item.text]
    assert abs(min(item.x for item in placed) - gb.LEFT_MM * MM) < TOLERANCE  # lines of body text start there
    assert min(item.y - item.size for item in placed) >= gb.TOP_MM * MM - TOLERANCE
    assert max(item.y for item in placed) <= (gb.PAGE_HEIGHT_MM - gb.BOTTOM_MM) * MM + TOLERANCE
    rectangles = [box for page in sample_pdf.pages for box in _rectangles(page)]
    assert abs(min(box[0] for box in rectangles) - gb.LEFT_MM * MM) < TOLERANCE
    assert abs(max(box[2] for box in rectangles) - (gb.PAGE_WIDTH_MM - gb.RIGHT_MM) * MM) < TOLERANCE
    assert max(box[3] for box in rectangles) <= (gb.PAGE_HEIGHT_MM - gb.BOTTOM_MM) * MM + TOLERANCE


def test_page_numbers_alternate_sides(sample_pdf: PdfReader) -> None:
    middle = 105 * MM
    for number, page in enumerate(sample_pdf.pages, start=1):
        marks = [item for item in _placed(page) if item.text.strip().startswith("—")]
        assert len(marks) == 1 and _squeezed(marks[0].text) == f"—{number}—"
        assert (marks[0].x > middle) == (number % 2 == 1), number
        assert marks[0].y > (gb.PAGE_HEIGHT_MM - gb.BOTTOM_MM + gb.PAGE_NUMBER_GAP_MM) * MM


def test_text_copies_out_as_written(sample_pdf: PdfReader) -> None:
    text = "".join(page.extract_text() for page in sample_pdf.pages)
    squeezed = _squeezed(text)
    report = sample_report()
    assert squeezed.startswith(_squeezed(report.title))
    for section in report.spec.sections:
        assert section.heading in squeezed
    for number in ("29102", "2967", "1980", "1340.5117", "txxzfbgs2021@163.com"):
        assert number in squeezed, number
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF], "radicals instead of ideographs"


def test_fonts_are_embedded(sample_pdf: PdfReader) -> None:
    fonts = {}
    for page in sample_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            fonts[font["/BaseFont"]] = descendant["/FontDescriptor"].get_object()
    assert len(fonts) >= 3  # body, headings, bold lead phrases
    for name, descriptor in fonts.items():
        assert any(key in descriptor for key in ("/FontFile2", "/FontFile3", "/FontFile")), name


def test_table_3_labels_in_order_and_header_repeated(sample_pdf: PdfReader) -> None:
    table = sample_report().spec.tables["requests"]
    layout = build_layout(table)
    pages = [_squeezed(page.extract_text()) for page in sample_pdf.pages]
    labels = [_squeezed(cell.text) for cell in layout.cells if cell.kind in ("header", "label")]
    first = next(i for i, text in enumerate(pages) if labels[0] in text and labels[-1] not in text)
    last = next(i for i, text in enumerate(pages) if labels[-1] in text)
    assert last > first, "table 三 should continue on a second page"
    body = "".join(pages[first : last + 1])
    position = 0
    for label in labels:
        found = body.find(label, position)
        assert found >= 0, f"{label} missing or out of order"
        position = found + len(label)
    header = [_squeezed(cell.text) for cell in layout.cells if cell.row < layout.leading_header_rows]
    for text in pages[first : last + 1]:
        assert all(label in text for label in header)


def test_a_group_label_is_repeated_where_its_rows_continue(sample_pdf: PdfReader) -> None:
    """三、本年度办理结果 spans rows on two pages: both pages print it, not a blank merged cell."""
    cells = build_layout(sample_report().spec.tables["requests"]).cells
    group = next(cell for cell in cells if _squeezed(cell.text) == "三、本年度办理结果")
    rows = (group.row, group.row + group.rowspan - 1)
    ends = [_squeezed(cell.text) for cell in cells if cell.kind == "label" and cell.row in rows and cell is not group]
    pages = [_squeezed(page.extract_text()) for page in sample_pdf.pages]
    shown = [text for text in pages if any(label in text for label in ends)]
    assert len(shown) == 2, "the sample's outcome rows should run over two pages"
    assert all("三、本年度办理结果" in text for text in shown)


def test_rows_never_split_and_continued_tables_repeat_their_header(qapp: object) -> None:
    rows_of: dict[int, list[int]] = {}  # id of the table → its body rows in the order drawn
    for page in lay_out_pages(sample_report()):
        for part in page.parts:
            if isinstance(part, LinesPart):
                assert part.top >= TOP and part.top + (part.last - part.first) * part.lines.pitch <= BOTTOM + 1
                continue
            assert part.top >= TOP and part.top + part.table.height(part.rows) <= BOTTOM + 1
            body = part.rows
            if id(part.table) in rows_of and part.table.repeat:  # a continuation: the header rows first
                assert body[: part.table.repeat] == list(range(part.table.repeat))
                body = body[part.table.repeat :]
            assert body == list(range(body[0], body[-1] + 1))
            rows_of.setdefault(id(part.table), []).extend(body)
    assert len(rows_of) == 3
    for rows in rows_of.values():
        assert rows == list(range(len(rows))), "every row once, in order"


@needs_soffice
def test_page_count_within_one_of_the_word_export(sample_pdf: PdfReader, tmp_path: Path) -> None:
    source = tmp_path / "sample.docx"
    export_docx(sample_report(), source)
    word_pages = pdf_pages(convert(source, "pdf", tmp_path / "out"))
    assert abs(len(sample_pdf.pages) - word_pages) <= 1


def _broken_report() -> Report:
    report = sample_report()
    report.values["requests.new.natural"] = 20  # breaks T3.balance
    return report


def test_cli_refuses_errors_for_pdf_unless_allowed(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "broken.gkr", tmp_path / "out.pdf"
    save_gkr(_broken_report(), source)
    assert main(["export", str(source), "--pdf", str(target)]) == 1
    assert "T3.balance" in capsys.readouterr().err and not target.exists()
    assert main(["export", str(source), "--pdf", str(target), "--allow-errors"]) == 0
    pages = PdfReader(target).pages
    assert all(UNCHECKED_MARK in page.extract_text() for page in pages)


def test_cli_writes_pdf_and_html_together(qapp: object, tmp_path: Path) -> None:
    source = tmp_path / "r.gkr"
    save_gkr(sample_report(), source)
    assert main(["export", str(source), "--pdf", str(tmp_path / "s.pdf"), "--html", str(tmp_path / "s.html")]) == 0
    reader = PdfReader(tmp_path / "s.pdf")
    assert reader.metadata is not None and reader.metadata.title == sample_report().title
    assert reader.metadata.author == "同心县" and reader.metadata.creator == "gkdesk"
    assert UNCHECKED_MARK not in "".join(page.extract_text() for page in PdfReader(tmp_path / "s.pdf").pages)
    assert (tmp_path / "s.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_font_stand_ins_are_those_of_the_render_tests() -> None:
    """The PDF falls back to the faces resources/fontconfig/gb-fonts.conf gives LibreOffice in the render tests."""
    from lxml import etree  # type: ignore[import-untyped]

    from gkdesk.ui.printing.fonts import STAND_INS

    conf = etree.parse(str(ROOT / "resources" / "fontconfig" / "gb-fonts.conf"))
    aliases = {alias.findtext("family"): alias.findtext("prefer/family") for alias in conf.iter("alias")}
    for face, stand_in in STAND_INS.items():
        assert aliases[face] == stand_in, face


def test_long_text_and_huge_cells_are_laid_out_without_loss(qapp: object) -> None:
    report = filled_report()
    long = "本年度，本机关认真贯彻落实政府信息公开条例，" * 150  # about four pages
    report.narratives["overview"] = [Paragraph.plain(long), Paragraph.plain("https://" + "x" * 400)]
    report.values["requests.new.natural"] = Invalid("九" * 3000)  # a cell taller than a page
    pages = lay_out_pages(report)
    drawn = [part for page in pages for part in page.parts if isinstance(part, LinesPart)]
    for lines in {id(part.lines): part.lines for part in drawn}.values():
        covered = sorted((part.first, part.last) for part in drawn if part.lines is lines)
        assert covered[0][0] == 0 and covered[-1][1] == lines.count
        assert all(a[1] == b[0] for a, b in pairwise(covered))
    assert len(pages) >= 6
    reader = PdfReader(io.BytesIO(pdf_bytes(report, 1)))
    assert len(reader.pages) == len(pages)


def test_empty_new_report_prints(qapp: object) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes(Report.new(2021, ""))))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "一、总体情况" in text and len(reader.pages) >= 1


def test_a_quarter_character_between_chinese_and_figures(qapp: object) -> None:
    """As Word and WPS set 同心县 2021 年: a quarter of a character on each side of the figures."""
    from PySide6.QtCore import Qt

    from gkdesk.ui.printing.fonts import font
    from gkdesk.ui.printing.text import lay_out
    from gkdesk.ui.printing.units import pt

    body = font(gb.BODY_FONT, gb.BODY_SIZE)

    def width(text: str) -> float:
        lines = lay_out(text, body, 100.0, 1e6, 0.0, Qt.AlignmentFlag.AlignLeft)
        return float(lines.layout.lineAt(0).naturalTextWidth())

    extra = width("同心县2021年") - width("同心县年") - width("2021")
    assert abs(extra - 0.5 * pt(gb.BODY_SIZE)) < 0.02 * pt(gb.BODY_SIZE)
    assert abs(width("（2021）") - width("（）") - width("2021")) < 0.02 * pt(gb.BODY_SIZE)
