"""The exported .docx through LibreOffice headless: the conversion succeeds with the expected page count."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from gkdesk.io.docx_export import export_docx
from tests.helpers import filled_report, sample_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CI installs LibreOffice: there a missing soffice is a failure, not a skip.
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)
# Stand-ins for 仿宋_GB2312, 黑体, 方正小标宋简体 … so that pages lay out as with the real fonts.
FONT_STAND_INS = Path(__file__).resolve().parents[2] / "resources" / "fontconfig" / "gb-fonts.conf"


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


def pdf_text(pdf: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


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
