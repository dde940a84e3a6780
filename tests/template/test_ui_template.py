"""Template, last-year and attach-previous actions in the window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

from gkdesk.io.gkr import save_gkr
from gkdesk.model import Contact, Report
from gkdesk.template import Template, Unit, open_template, save_template
from gkdesk.ui.template_dialog import TemplateDialog
from gkdesk.ui.template_open import UnitPickerDialog
from tests.template.ui_support import Answers, isolate, window_factory

TEMPLATE = Template(
    2025,
    "2021",
    issuer="某某县人民政府办公室",
    contact=Contact("县政务公开办", "", "0951-1", ""),
    deadline="2026-01-20",
    instructions="请于1月20日前报送。",
    opening="{organ}{year}年度报告。",
    units=(Unit("甲镇人民政府", "township", "001"), Unit("县教育局", "county_dept", "101")),
)


@pytest.fixture
def prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Answers:
    isolate(tmp_path, monkeypatch)
    return Answers()


@pytest.fixture
def window(qtbot: Any, prompts: Answers) -> Any:
    return window_factory(qtbot, prompts)()


def test_menus_carry_the_actions(window: Any) -> None:
    texts = [a.text() for a in window.menu("file").actions()]
    for text in ("用模板新建(&M)…", "从去年报告新建(&L)…", "新建模板(&T)…", "附加上年报告(&Y)…"):
        assert text in texts
    assert [a.text() for a in window.menu("rollup").actions()] == ["汇总各单位报告(&U)…"]


def test_template_dialog_builds_a_template(qtbot: Any, qapp: Any) -> None:
    dialog = TemplateDialog(2025)
    qtbot.addWidget(dialog)
    dialog.issuer.setText("某某县人民政府办公室")
    dialog.has_deadline.setChecked(True)
    dialog.add_unit(Unit("甲镇人民政府", "township", "001"))
    dialog.add_unit(Unit("  "))  # blank rows are dropped
    template = dialog.template()
    assert (template.year, template.edition, template.issuer, template.deadline) == (2025, "2021", "某某县人民政府办公室", "2026-01-20")
    assert template.units == (Unit("甲镇人民政府", "township", "001"),)
    assert template.opening == ""
    # the standard opening can be inserted for editing
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "插入标准开头").click()
    assert "{organ}" in dialog.template().opening


def test_make_template_saves_a_gkt(window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "模板"
    actions = window.templates

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, TemplateDialog)
        dialog.year.setValue(2025)
        dialog.add_unit(Unit("甲镇人民政府", "township"))
        return True

    monkeypatch.setattr(actions, "run_dialog", fill)
    monkeypatch.setattr(actions, "choose_save", lambda title, suggested, f: str(target))
    assert actions.make_template()
    opened = open_template(tmp_path / "模板.gkt")
    assert opened.template.year == 2025 and not opened.altered


def test_unit_picker_needs_a_unit(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    save_template(TEMPLATE, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["content"]["instructions"] = "改过的说明"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = UnitPickerDialog(open_template(path))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    warning = dialog.findChild(QLabel, "templateAltered")
    assert warning is not None and "校验值不符" in warning.text()
    dialog.units.setCurrentIndex(1)
    assert ok.isEnabled()
    suggested = dialog.findChild(QLabel, "suggestedName")
    assert suggested is not None and suggested.text().endswith("2025-甲镇人民政府-政府信息公开年报.gkr")


def test_open_template_fill_and_return(window: Any, prompts: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    save_template(TEMPLATE, stick / "模板.gkt")
    before = (stick / "模板.gkt").read_bytes()

    def pick(dialog: QDialog) -> bool:
        assert isinstance(dialog, UnitPickerDialog)
        dialog.units.setCurrentIndex(2)  # 县教育局
        return True

    monkeypatch.setattr(window.templates, "run_dialog", pick)
    assert window.files.open_path(stick / "模板.gkt")  # 打开 routes a .gkt here
    report = window.document.report
    assert (report.organ, report.organ_level, report.year, report.opening) == ("县教育局", "county_dept", 2025, "县教育局2025年度报告。")
    assert window.document.path is None  # untitled
    prompts.script("save_as", lambda suggested: suggested)
    assert window.files.save()
    returned = stick / "2025-县教育局-政府信息公开年报.gkr"
    assert returned.exists() and window.document.path == returned
    assert (stick / "模板.gkt").read_bytes() == before


def test_new_from_last_year_and_attach(window: Any, prompts: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    last = Report.new(2024, organ="甲镇人民政府")
    last.values["requests.carried_forward.natural"] = 3
    save_gkr(last, tmp_path / "2024.gkr")
    monkeypatch.setattr(window.templates, "choose_open", lambda title, f: str(tmp_path / "2024.gkr"))
    assert window.templates.new_from_last_year()
    report = window.document.report
    assert (report.year, report.organ, report.value("requests.carried_over.natural")) == (2025, "甲镇人民政府", 3)
    assert report.previous is not None and report.previous.year == 2024
    # Attaching another year asks first; the change is undoable and re-runs the checks.
    window.document.report.set_value("requests.carried_over.natural", 1)
    other = Report.new(2022, organ="乙镇")
    other.values["requests.carried_forward.natural"] = 5
    save_gkr(other, tmp_path / "2022.gkr")
    monkeypatch.setattr(window.templates, "choose_open", lambda title, f: str(tmp_path / "2022.gkr"))
    prompts.script("confirm", True)
    assert window.templates.attach_previous()
    assert "2022 年度" in prompts.asked[-1][1]
    assert window.document.report.previous.year == 2022
    assert any(f.rule == "T3.carry_over" for f in window.document.findings)
    window.document.undo_stack.undo()
    assert window.document.report.previous.year == 2024


def test_template_dialog_imports_a_units_list(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    units = tmp_path / "名单.csv"
    units.write_text("名称,层级,代码\n甲镇人民政府,township,001\n乙镇人民政府,乡镇人民政府（街道办事处）,002\n", encoding="gb18030")
    dialog = TemplateDialog(2025)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "ask_units_file", lambda: str(units))
    dialog.import_units.click()
    assert [u.name for u in dialog.template().units] == ["甲镇人民政府", "乙镇人民政府"]
    assert {u.level for u in dialog.template().units} == {"township"}
