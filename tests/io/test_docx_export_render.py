"""The exported .docx through LibreOffice headless: the conversion succeeds with the expected page count."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from gkdesk import paths
from gkdesk.io.docx.export import export_docx
from gkdesk.model import Paragraph
from gkdesk.spec import Table, build_layout
from tests.helpers import filled_report, sample_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CI installs LibreOffice: there a missing soffice is a failure, not a skip.
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)
# Stand-ins for 仿宋_GB2312, 黑体, 方正小标宋简体 … so that pages lay out as with the real fonts.
FONT_STAND_INS = paths.resource("resources", "fontconfig", "gb-fonts.conf")


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert with LibreOffice headless in a private profile; returns the converted file."""
    assert SOFFICE is not None, "LibreOffice (soffice) is not installed"
    profile = out_dir / f"lo-profile-{uuid.uuid4().hex}"
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        target_format,
        "--outdir",
        str(out_dir),
        str(source),
    ]
    env = {**os.environ, "FONTCONFIG_FILE": str(FONT_STAND_INS)}
    subprocess.run(command, check=True, capture_output=True, timeout=180, env=env)
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.exists(), f"LibreOffice produced no {result.name}"
    return result


def pdf_pages(pdf: Path) -> int:
    """Page count from poppler's pdfinfo (installed with LibreOffice in CI)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        assert not os.environ.get("CI"), "pdfinfo (poppler-utils) is not installed"
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    output = subprocess.run([pdfinfo, str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in output.splitlines() if line.startswith("Pages:")))


@needs_soffice
def test_sample_docx_converts_to_pdf_with_expected_pages(tmp_path: Path) -> None:
    source = tmp_path / "sample.docx"
    export_docx(sample_report(), source)
    pdf = convert(source, "pdf", tmp_path / "out")
    # Nine pages of narrative and tables in the official print (GB/T 9704, 22 lines a page); allow font metrics.
    assert 8 <= pdf_pages(pdf) <= 11


@needs_soffice
def test_minimal_report_fits_few_pages(tmp_path: Path) -> None:
    source = tmp_path / "minimal.docx"
    export_docx(filled_report(), source)
    pdf = convert(source, "pdf", tmp_path / "out")
    # Title, six short sections and three tables: table 三 alone takes most of a page.
    assert 2 <= pdf_pages(pdf) <= 4


def pdf_text(pdf: Path, layout: bool = False) -> str:
    """The text of the PDF, pages separated by form feeds; with `layout`, line by line as printed."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    options = ["-layout"] if layout else []
    return subprocess.run([pdftotext, *options, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@needs_soffice
def test_2019_edition_renders_its_own_tables(tmp_path: Path) -> None:
    from tests.io.test_export_2019 import report_2020

    source = tmp_path / "r2020.docx"
    export_docx(report_2020(), source)
    pdf = convert(source, "pdf", tmp_path / "out")
    text = "".join(pdf_text(pdf).split())  # pdftotext spaces CJK from digits and breaks lines
    for label in ("国办公开办函〔2019〕60号", "上一年项目数量", "本年增/减", "政府集中采购", "（六）其他处理", "-7"):
        assert label in text, label
    assert "第二十条第（九）项" in text and 2 <= pdf_pages(pdf) <= 4


def band_starts(table: Table) -> list[tuple[str, str]]:
    """(caption, first data row label) of each block of a table with several header blocks (table 二)."""
    layout = build_layout(table)
    headers = set(layout.header_rows)
    starts = []
    for row in sorted(headers):
        if row - 1 in headers:
            continue
        first = next(r for r in range(row, layout.n_rows) if r not in headers)
        caption = next(c.text for c in layout.cells if c.row == row)
        label = next(c.text for c in layout.cells if c.row == first and c.kind == "label")
        starts.append((caption, label))
    return starts


@needs_soffice
def test_table_2_captions_stay_with_their_rows_wherever_the_page_ends(tmp_path: Path) -> None:
    """Narrative one line longer each time moves the page end through table 二: no caption or header row
    may be left at the foot of a page without the first row of its block (seen with 第二十条第（九）项)."""
    base = "本年度，本机关坚持以公开为常态、不公开为例外，认真贯彻落实政府信息公开条例，" * 2
    sources = []
    for extra in range(14):
        report = filled_report(2020)
        for number, cell in enumerate(report.spec.input_cells):
            report.values[cell.key] = number * 7 % 23
        report.narratives["overview"] = [Paragraph.plain(base)] * 10 + [Paragraph.plain("补充说明。")] * extra
        sources.append(tmp_path / f"r{extra:02d}.docx")
        export_docx(report, sources[-1])
    starts = band_starts(filled_report(2020).spec.tables["proactive"])
    assert len(starts) == 5
    out = tmp_path / "out"
    convert_all(sources, out)
    breaks_inside = 0
    for source in sources:
        pages = ["".join(page.split()) for page in pdf_text(out / f"{source.stem}.pdf", layout=True).split("\f")]
        for caption, label in starts:
            page = next(i for i, text in enumerate(pages) if caption in text)
            assert label in pages[page].split(caption, 1)[1], f"{source.name}: {caption} left alone on page {page + 1}"
        caption_pages = {next(i for i, text in enumerate(pages) if caption in text) for caption, _ in starts}
        breaks_inside += len(caption_pages) > 1
    assert breaks_inside >= 1  # the page end did fall inside table 二 in some of them


def convert_all(sources: list[Path], out_dir: Path) -> None:
    """Convert several .docx to PDF in one LibreOffice run (one start-up instead of many)."""
    assert SOFFICE is not None, "LibreOffice (soffice) is not installed"
    profile = out_dir / f"lo-profile-{uuid.uuid4().hex}"
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, sources),
    ]
    env = {**os.environ, "FONTCONFIG_FILE": str(FONT_STAND_INS)}
    subprocess.run(command, check=True, capture_output=True, timeout=300, env=env)
