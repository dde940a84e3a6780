"""Compare: every changed value and paragraph; the 修改说明 export."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from gkdesk.io.gkr import load_gkr
from gkdesk.model import Invalid, Paragraph
from gkdesk.review.change_sheet import export_changes
from gkdesk.review.compare import compare_reports
from tests.conftest import SAMPLE_GKR


def test_identical_reports_have_no_changes() -> None:
    report = load_gkr(SAMPLE_GKR)
    assert compare_reports(report, report.copy()) == []


def test_values_totals_paragraphs_and_fields_are_listed() -> None:
    old = load_gkr(SAMPLE_GKR)
    new = old.copy()
    new.set_value("requests.new.natural", 15)
    new.set_value("proactive.regulation.issued", Invalid("/"))
    paragraphs = list(new.paragraphs("other"))
    paragraphs[0] = Paragraph.plain("改写后的第一段。")
    new.set_paragraphs("other", [*paragraphs, Paragraph.plain("新增一段。")])
    new.set_field("organ", "同心县人民政府")
    changes = {(c.kind, c.key): (c.before, c.after) for c in compare_reports(old, new)}
    assert changes[("value", "requests.new.natural")] == ("14", "15")
    assert changes[("value", "requests.new.total")] == ("14", "15")  # the stated total follows
    assert changes[("value", "proactive.regulation.issued")] == ("0", "/")
    assert changes[("paragraph", "other#1")][1] == "改写后的第一段。"
    assert changes[("paragraph", "other#2")] == ("", "新增一段。")
    assert changes[("field", "organ")] == ("同心县", "同心县人民政府")
    assert len(changes) == 6


def test_change_list_exports_as_sheet_and_table(tmp_path: Path) -> None:
    old = load_gkr(SAMPLE_GKR)
    new = old.copy()
    new.set_value("requests.new.natural", 15)
    changes = compare_reports(old, new)
    export_changes(changes, tmp_path / "c.xlsx", "修改说明")
    export_changes(changes, tmp_path / "c.docx", "修改说明")
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx")["修改说明"]
    assert [c.value for c in sheet[3]] == ["1", changes[0].where, "14", "15"]
    table = docx.Document(str(tmp_path / "c.docx")).tables[0]
    assert [c.text for c in table.rows[1].cells] == ["1", changes[0].where, "14", "15"]
