"""The roll-up dialog: runs in a thread with progress, can be cancelled, shows the table, exports, starts
the county report in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QTableWidgetItem

from gkdesk.io.gkr import save_gkr
from gkdesk.template import Template, Unit, open_template, save_template
from gkdesk.ui.rollup_dialog import RollupDialog
from tests.rollup.returns import balanced_values, filled_report
from tests.template.ui_support import Answers, isolate, window_factory

TEMPLATE = Template(2025, "2021", units=(Unit("甲镇人民政府", "township", "001"), Unit("乙镇人民政府", "township", "002")))


@pytest.fixture
def prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Answers:
    isolate(tmp_path, monkeypatch)
    return Answers()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    root = tmp_path / "stick"
    root.mkdir()
    save_template(TEMPLATE, root / "模板.gkt")
    save_gkr(filled_report("甲镇人民政府", values=balanced_values(1)), root / "甲.gkr")
    save_gkr(filled_report("甲镇人民政府", year=2024), root / "甲2024.gkr")
    return root


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def _finish(qtbot: Any, dialog: RollupDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)


def test_rollup_in_the_window(qtbot: Any, prompts: Answers, stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_factory(qtbot, prompts)()
    window.rollups.rollup_action.trigger()
    dialog = window.rollups.dialog
    assert isinstance(dialog, RollupDialog)
    monkeypatch.setattr(dialog, "ask_folder", lambda: str(stick))
    monkeypatch.setattr(dialog, "ask_template", lambda: str(stick / "模板.gkt"))
    dialog.choose_folder.click()
    dialog.choose_template.click()
    assert dialog.start_button.isEnabled()
    dialog.start_button.click()
    _finish(qtbot, dialog)
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    statuses = [_text(dialog.units.item(r, 2)) for r in range(dialog.units.rowCount())]
    assert statuses == ["已报送", "未报送"]
    assert dialog.refused.rowCount() == 1 and "年度不符" in _text(dialog.refused.item(0, 1))
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(dialog, "ask_export_path", lambda suggested: str(out))
    dialog.export_button.click()
    assert "完整性" in load_workbook(out).sheetnames
    dialog.county_organ.setText("某某县人民政府")
    dialog.county_button.click()
    report = window.document.report
    assert (report.organ, report.year) == ("某某县人民政府", 2025)
    assert report.value("requests.new.natural") == balanced_values(1)["requests.new.natural"]
    dialog.close_button.click()
    assert window.rollups.dialog is None


def test_cancel_stops_between_files(qtbot: Any, prompts: Answers, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        save_gkr(filled_report(f"单位{i}"), stick / f"u{i}.gkr")
    dialog = RollupDialog()
    qtbot.addWidget(dialog)
    dialog.set_sources([str(stick)])
    dialog.start()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel()
    _finish(qtbot, dialog)
    assert dialog.summary.text() == "已取消汇总。"
    assert dialog.rolled is None and dialog.units.rowCount() == 0
    assert dialog.start_button.isEnabled()


def test_an_empty_folder_shows_why(qtbot: Any, prompts: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    window = window_factory(qtbot, prompts)()
    window.rollups.rollup_action.trigger()
    dialog = window.rollups.dialog
    assert isinstance(dialog, RollupDialog)
    monkeypatch.setattr(dialog, "ask_folder", lambda: str(empty))
    dialog.choose_folder.click()
    dialog.start_button.click()
    _finish(qtbot, dialog)
    assert dialog.progress.text() == "0 / 0"
    assert "没有可汇总的报告文件" in dialog.summary.text()
    dialog.close_button.click()


def test_an_internal_error_in_the_worker_is_reported(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from gkdesk.ui import rollup_worker

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(rollup_worker, "roll_up", broken)
    worker = rollup_worker.RollupWorker(["nowhere"], None)
    with qtbot.waitSignal(worker.failed, timeout=10_000) as blocker:
        worker.start()
    worker.wait()
    assert "内部错误" in blocker.args[0]


def test_result_shows_the_totals_as_official_tables_and_two_charts(qtbot: Any, prompts: Answers, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from gkdesk.model import Resolved
    from tests.rollup.county_set import county_template, make_county_stick

    stick = make_county_stick(tmp_path / "county")
    dialog = RollupDialog()
    qtbot.addWidget(dialog)
    dialog.set_sources([str(stick)])
    dialog.set_template(open_template(stick / "模板.gkt"))
    dialog.start()
    _finish(qtbot, dialog)
    view = dialog.tabs
    names = [_text(dialog.units.item(r, 0)) for r in range(dialog.units.rowCount())]
    assert names[:3] == ["第1镇人民政府", "第2镇人民政府", "第3镇人民政府"]
    assert [unit.name for unit in county_template().units][-1] in names
    assert view.isTabEnabled(2) and view.isTabEnabled(3)
    assert set(view.totals.grids) == {"proactive", "requests", "appeals"}
    grid = view.totals.grids["requests"]
    model = grid.grid_model
    assert dialog.rolled is not None and dialog.rolled.totals is not None
    expected = Resolved(dialog.rolled.totals.report(2025))
    index = model.index_of("requests.new.natural")
    assert index.data() == str(expected.stated("requests.new.natural"))
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    grid.setCurrentIndex(index)
    QApplication.sendEvent(grid, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier))
    grid.paste_text("1\t2")
    assert index.data() == str(expected.stated("requests.new.natural"))  # read-only: Delete and paste change nothing
    bars = view.unit_chart.items
    assert len(bars) == 12 and [value for _, value in bars] == sorted((value for _, value in bars), reverse=True)
    assert dict(bars)["第2镇人民政府"] == expected.stated("requests.new.total") - sum(v for n, v in bars if n != "第2镇人民政府")
    assert [label for label, _ in view.outcome_chart.items] == ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    assert sum(value for _, value in view.outcome_chart.items) == expected.stated("requests.total.total")
    view.setCurrentIndex(3)
    assert not view.unit_chart.grab().isNull() and not view.outcome_chart.grab().isNull()
    dialog.county_organ.setText("某某县人民政府")
    with qtbot.waitSignal(dialog.county_requested) as blocker:
        dialog.county_button.click()
    assert blocker.args[0].values == dialog.rolled.totals.sums
    dialog.close_button.click()  # drops the roll-up's temporary store


def test_last_year_chosen_in_the_window_adds_the_comparison_chart(
    qtbot: Any, prompts: Answers, stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    last = tmp_path / "2024"
    last.mkdir()
    save_gkr(filled_report("甲镇人民政府", year=2024, values=balanced_values(2)), last / "甲.gkr")
    last_book = tmp_path / "2024汇总.xlsx"
    from gkdesk.cli import main

    assert main(["rollup", str(last), "-o", str(last_book)]) == 0
    dialog = RollupDialog()
    qtbot.addWidget(dialog)
    errors: list[str] = []
    monkeypatch.setattr(dialog, "show_error", lambda title, text: errors.append(text))
    monkeypatch.setattr(dialog, "ask_previous", lambda: str(tmp_path / "nowhere.xlsx"))
    dialog.previous_button.click()
    assert dialog.previous is None and "找不到上年数据" in errors[0]
    monkeypatch.setattr(dialog, "ask_previous", lambda: str(last_book))
    dialog.previous_button.click()
    assert dialog.previous is not None and dialog.previous_button.text() == "上年数据：2024 年度"
    dialog.set_sources([str(stick)])
    dialog.set_template(open_template(stick / "模板.gkt"))
    dialog.start()
    _finish(qtbot, dialog)
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(dialog, "ask_export_path", lambda suggested: str(out))
    dialog.export_button.click()
    with zipfile.ZipFile(out) as package:
        assert len([name for name in package.namelist() if name.startswith("xl/charts/chart")]) == 3
    dialog.close_button.click()
