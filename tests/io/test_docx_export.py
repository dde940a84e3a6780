"""Word export read back with python-docx: page set-up, fonts, labels, merges, values, properties, CLI."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Length

from gkdesk.cli import main
from gkdesk.io.docx.export import export_docx
from gkdesk.spec import build_layout
from tests.helpers import sample_report
from tests.io.layout_asserts import assert_docx_tables_follow_layout


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    export_docx(sample_report(), path)
    return path


def test_page_is_a4_with_gbt9704_margins(exported: Path) -> None:
    section = docx.Document(str(exported)).sections[0]
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(size.mm) for size in sizes if size is not None] == [210, 297]
    assert [round(margin.mm) for margin in margins if margin is not None] == [37, 35, 28, 26]


def _east_asia(run: object) -> str | None:
    rfonts = run._r.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def _pt(length: object) -> float:
    assert isinstance(length, Length), length
    return float(length.pt)


def test_title_headings_and_body_fonts(exported: Path) -> None:
    document = docx.Document(str(exported))
    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.text == "同心县2021年政府信息公开工作年度报告"
    assert _east_asia(title.runs[0]) == "方正小标宋简体" and _pt(title.runs[0].font.size) == 22
    heading = next(p for p in paragraphs if p.text == "一、总体情况")
    assert _east_asia(heading.runs[0]) == "黑体"
    sub = next(p for p in paragraphs if p.text.startswith("（一）"))
    assert sub.runs[0].text == "（一）聚焦重点，全面推进主动公开。"  # run-in heading in 楷体
    assert _east_asia(sub.runs[0]) == "楷体_GB2312" and _east_asia(sub.runs[1]) == "仿宋_GB2312"
    body = paragraphs[1]
    assert _east_asia(body.runs[0]) == "仿宋_GB2312" and _pt(body.runs[0].font.size) == 16
    assert _pt(body.paragraph_format.line_spacing) == pytest.approx(28.95)
    assert _pt(body.paragraph_format.first_line_indent) == 32
    bold = [run.text for p in paragraphs for run in p.runs if run.bold]
    assert "五是积极回应社会关切。" in bold


def test_page_numbers_odd_right_even_left(exported: Path) -> None:
    document = docx.Document(str(exported))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for paragraph, alignment in ((odd, "right"), (even, "left")):
        assert paragraph.alignment.name.lower() == alignment
        xml = paragraph._p.xml
        assert "PAGE" in xml and paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert _east_asia(paragraph.runs[0]) == "宋体" and paragraph.runs[0].font.size.pt == 14


def test_tables_reproduce_every_label_merge_and_value(exported: Path) -> None:
    document = docx.Document(str(exported))
    assert len(document.tables) == 3
    assert_docx_tables_follow_layout(document, sample_report().spec)
    requests = document.tables[1]._cells
    assert requests[3 * 10 + 3].text == "14"  # 一、本年新收 自然人
    assert requests[3 * 10 + 4].text == "0"  # zeros printed, never blank
    proactive = document.tables[0]
    assert proactive.rows[-1].cells[1].text == "1340.5117"


def test_table_properties(exported: Path) -> None:
    document = docx.Document(str(exported))
    requests = document.tables[1]._tbl
    rows = requests.tr_lst
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    headers = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
    assert headers[:3] == [True, True, True] and not any(headers[3:])
    borders = requests.tblPr.find(qn("w:tblBorders"))
    assert {child.tag.split("}")[1] for child in borders} == {"top", "left", "bottom", "right", "insideH", "insideV"}
    widths = [int(col.get(qn("w:w"))) for col in requests.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == pytest.approx(156 / 25.4 * 1440, abs=10)
    assert widths[2] > widths[3]  # readable label column, not equal widths
    run = document.tables[1]._cells[0].paragraphs[0].runs[0]
    assert run.font.size.pt == 10.5 and _east_asia(run) == "仿宋_GB2312"


def test_document_properties(exported: Path) -> None:
    properties = docx.Document(str(exported)).core_properties
    assert properties.title == "同心县2021年政府信息公开工作年度报告"
    assert properties.author == "同心县"
    assert properties.created is not None


def test_cli_refuses_report_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gkdesk.io.gkr import save_gkr

    report = sample_report()
    report.values["requests.new.natural"] = 20  # breaks T3.balance
    source = tmp_path / "broken.gkr"
    save_gkr(report, source)
    target = tmp_path / "out.docx"
    assert main(["export", str(source), "--docx", str(target)]) == 1
    assert "T3.balance" in capsys.readouterr().err and not target.exists()
    assert main(["export", str(source), "--docx", str(target), "--allow-errors"]) == 0
    assert target.exists()


def test_cli_exports_both_beside_the_file(tmp_path: Path) -> None:
    from gkdesk.io.gkr import save_gkr

    source = tmp_path / "r.gkr"
    save_gkr(sample_report(), source)
    assert main(["export", str(source)]) == 0
    assert (tmp_path / "r.docx").exists() and (tmp_path / "r.xlsx").exists()


def test_row_labels_of_a_wrapping_column_line_up(exported: Path) -> None:
    """Table 三's item labels (1.属于国家秘密 … 3.其他) are all flush left, short or long; spanning labels centred."""
    document = docx.Document(str(exported))
    table = sample_report().spec.tables["requests"]
    layout = build_layout(table)
    cells = document.tables[1]._cells
    inner = table.label_columns - 1
    alignments = {}
    for cell in layout.cells:
        if cell.kind == "label":
            paragraph = cells[cell.row * layout.n_cols + cell.col].paragraphs[0]
            alignments[cell.text] = (cell.col, cell.colspan, cell.rowspan, str(paragraph.alignment))
    items = [a for a in alignments.values() if a[:3] == (inner, 1, 1)]
    assert len(items) == 19 and {a[3] for a in items} == {"LEFT (0)"}
    assert alignments["（一）予以公开"][3] == "CENTER (1)" and alignments["三、本年度办理结果"][3] == "CENTER (1)"


def _kept(tr: object) -> bool:
    """Every paragraph of the row is kept with the next (how Word keeps a row with the next row)."""
    paragraphs = list(tr.iter(qn("w:p")))  # type: ignore[attr-defined]
    return all(p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None for p in paragraphs)


def test_captions_and_headers_stay_with_their_first_rows(exported: Path) -> None:
    document = docx.Document(str(exported))
    spec = sample_report().spec
    tables = [spec.tables[s.table] for s in spec.sections if s.table]
    for spec_table, table in zip(tables, document.tables, strict=True):
        layout = build_layout(spec_table)
        rows = table._tbl.tr_lst
        kept = [_kept(tr) for tr in rows]
        assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        assert not kept[-1]
        for row in layout.header_rows:  # a caption or header row never ends a page
            assert kept[row], (spec_table.key, row)
        if len(spec_table.bands) > 1:  # table 二: each block whole, blocks free to part
            block_ends = [
                r for r in range(layout.n_rows) if r not in layout.header_rows and r + 1 in layout.header_rows
            ]
            assert block_ends and all(not kept[r] for r in block_ends)
            assert all(kept[r] for r in range(layout.n_rows - 1) if r not in block_ends), spec_table.key
        else:  # tables 三 and 四 are long: only the header stays with the first row, the rest may break
            assert not any(kept[r] for r in range(layout.leading_header_rows, layout.n_rows))
