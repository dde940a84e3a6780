"""打开 a saved portal page in the window: the open dialog offers web pages, the report and its findings load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gkdesk.ui.prompts import OPEN_FILTER, REPORT_FILTER
from tests.io.web_corpus import COUNTY_DEPT_2023, Page, write_mht


def test_dialog_filters_offer_web_pages() -> None:
    for file_filter in (OPEN_FILTER, REPORT_FILTER):
        report_kinds = file_filter.split(";;")[0]
        assert all(pattern in report_kinds for pattern in ("*.htm", "*.html", "*.mht", "*.mhtml", "*.doc", "*.xls"))
        assert "网页 (*.html *.htm *.mht *.mhtml)" in file_filter


def test_open_a_saved_page(make_window: Any, tmp_path: Path) -> None:
    path = write_mht(tmp_path / "卫健委年报.mht", COUNTY_DEPT_2023, Page(encoding="gbk"))
    window = make_window()
    assert window.files.open_path(path, ask=False)
    report = window.report
    assert (report.organ, report.year) == ("某某县卫生健康委员会", 2023)
    assert report.values == COUNTY_DEPT_2023.inputs()
    assert window.document.path is None  # saved as a new .gkr, never over the page
