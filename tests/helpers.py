"""Shared helpers for tests: the sample report and small report builders."""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.gkr import load_gkr
from gkdesk.model import Contact, Paragraph, Report
from tests.conftest import SAMPLE_GKR


def sample_report() -> Report:
    """A fresh copy of the 同心县 2021 sample."""
    return load_gkr(SAMPLE_GKR)


def filled_report(year: int = 2021) -> Report:
    """A report with every input cell 0 and every narrative section present: no finding at all."""
    report = Report.new(year, "测试县")
    report.organ_level = "county"
    report.contact = Contact("测试县人民政府办公室", "测试县政府大楼", "0000-1234567", "gk@example.cn")
    for cell in report.spec.input_cells:
        report.values[cell.key] = 0
    for section in report.spec.narrative_sections:
        report.narratives[section.key] = [Paragraph.plain("本年度工作情况。未收取信息处理费。")]
    return report


def hand_edited_docx(folder: Path) -> Path:
    """The sample exported to Word, then 行政许可's 29102 typed over as 29103 as a reviewer would."""
    import docx

    from gkdesk.io.docx.export import export_docx

    exported = folder / "exported.docx"
    export_docx(sample_report(), exported)
    document = docx.Document(str(exported))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == "29102":
                    cell.paragraphs[0].runs[0].text = "29103"
    document.save(str(exported))
    return exported
