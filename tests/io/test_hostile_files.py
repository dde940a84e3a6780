"""Hostile and odd files: each is read or refused with a Chinese ReportFileError, never a traceback."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from gkdesk.io.docx.export import export_docx
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import report_to_dict
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.template import Template, open_template, save_template
from tests.helpers import sample_report
from tests.io.hostile import rewrite_zip


@pytest.mark.parametrize("version", [0, -1])
def test_gkr_of_version_zero_or_below_is_refused(tmp_path: Path, version: int) -> None:
    data = report_to_dict(sample_report())
    data["file_version"] = version
    path = tmp_path / "v.gkr"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match=f"文件格式版本 {version} 无效"):
        read_with_result(path)


@pytest.mark.parametrize("version", [0, -1])
def test_template_of_version_zero_or_below_is_refused(tmp_path: Path, version: int) -> None:
    path = tmp_path / "t.gkt"
    save_template(Template(year=2025, edition="2021"), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["file_version"] = version
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match=f"文件格式版本 {version} 无效"):
        open_template(path)


RELATIONSHIP = (
    '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"'
    ' Target="/etc/passwd"/></Relationships>'
)


@pytest.mark.parametrize(
    ("suffix", "part"),
    [(".docx", "word/_rels/document.xml.rels"), (".docx", "_rels/.rels"), (".xlsx", "xl/_rels/workbook.xml.rels")],
)
def test_internal_relationship_to_a_system_file_keeps_the_embedded_report(tmp_path: Path, suffix: str, part: str) -> None:
    exported = tmp_path / f"own{suffix}"
    (export_docx if suffix == ".docx" else export_xlsx)(sample_report(), exported)
    with zipfile.ZipFile(exported) as package:
        rels = package.read(part).decode("utf-8").replace("</Relationships>", RELATIONSHIP)
    hostile = rewrite_zip(exported, tmp_path / f"hostile{suffix}", {part: rels.encode("utf-8")})
    result = read_with_result(hostile)
    assert result.kind == "own" and result.report.organ == sample_report().organ
