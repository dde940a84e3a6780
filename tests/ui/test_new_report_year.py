"""新建 starts a report for last calendar year (never before 2021), in that year's format."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from gkdesk.model import Report
from gkdesk.ui import document
from gkdesk.ui.document import default_year


@pytest.mark.parametrize(
    ("today", "year"),
    [((2022, 1, 1), 2021), ((2026, 1, 20), 2025), ((2026, 12, 31), 2025), ((2021, 6, 1), 2021), ((2019, 3, 1), 2021)],
)
def test_default_year_is_last_calendar_year_not_before_2021(
    monkeypatch: pytest.MonkeyPatch, today: tuple[int, int, int], year: int
) -> None:
    monkeypatch.setattr(document, "today", lambda: datetime.date(*today))
    assert default_year() == year


def test_window_and_new_report_start_with_last_year(monkeypatch: pytest.MonkeyPatch, make_window: Any) -> None:
    monkeypatch.setattr(document, "today", lambda: datetime.date(2026, 1, 20))
    window = make_window()
    assert window.report.year == 2025 and window.report.edition == "2021"
    assert "2025" in window.page_stack.pages["basic"].title_label.text()
    window.document.load(Report.new(2020), None)  # an older report open: 新建 still starts with last year
    assert window.report.edition == "2019"
    assert window.files.new_report()
    assert window.report.year == 2025 and window.report.edition == "2021"
    assert window.document.path is None
