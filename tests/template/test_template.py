"""Templates: made, saved, opened as a unit's new report, filled and returned; alteration flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import save_gkr
from gkdesk.io.open import read_report
from gkdesk.model import Contact
from gkdesk.template import (
    Template,
    Unit,
    fill_placeholders,
    fill_remaining_placeholders,
    open_template,
    report_from_template,
    save_template,
    suggested_return_name,
)
from gkdesk.template.units import parse_units

UNITS = (Unit("某某镇人民政府", "township", "001"), Unit("县教育局", "county_dept", "101"))


def make_template(**changes: object) -> Template:
    fields: dict[str, object] = {
        "year": 2025,
        "edition": "2021",
        "issuer": "某某县人民政府办公室",
        "contact": Contact("县政务公开办", "某某县人民路1号", "0951-1234567", "gk@example.cn"),
        "deadline": "2026-01-20",
        "instructions": "请于1月20日前报送。",
        "opening": "{organ}{year}年政府信息公开工作年度报告。联系电话：{phone}。{unknown}",
        "narratives": (("overview", ("{organ}认真贯彻《条例》。",)),),
        "units": UNITS,
    }
    fields.update(changes)
    return Template(**fields)  # type: ignore[arg-type]


def test_round_trip_is_unaltered(tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    template = make_template()
    save_template(template, path)
    opened = open_template(path)
    assert opened.template == template
    assert not opened.altered and opened.warning == ""
    assert opened.checksum.startswith("sha256:")


def test_opening_never_writes_the_template(tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    save_template(make_template(), path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    opened = open_template(path)
    report_from_template(opened.template, opened.template.units[0])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.gkt"]


def test_alteration_outside_gkdesk_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    save_template(make_template(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["content"]["deadline"] = "2026-03-31"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    opened = open_template(path)
    assert opened.altered
    assert "校验值不符" in opened.warning
    assert opened.template.deadline == "2026-03-31"


def test_reformatting_alone_is_not_alteration(tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    save_template(make_template(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=True, indent=4), encoding="utf-8")
    assert not open_template(path).altered


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="gkdesk-report"), "不是 gkdesk 模板"),
        (lambda d: d["content"].update(year="2025"), "年度无效"),
        (lambda d: d["content"].update(edition="2030"), "未知的报告格式版本"),
        (lambda d: d["content"].update(script="import os"), "未知的字段 script"),
        (lambda d: d["content"]["units"].append({"name": "某某镇人民政府"}), "重复"),
        (lambda d: d["content"]["units"].append({"name": "乙镇", "level": "planet"}), "层级"),
        (lambda d: d["content"].update(deadline="明年"), "截止日期"),
        (lambda d: d["content"]["narratives"].update(nowhere=["x"]), "未知的字段 nowhere"),
        (lambda d: d.update(file_version=99), "更新版本"),
        (lambda d: d["content"].update(year=2019), "不适用格式"),
    ],
)
def test_bad_templates_are_refused_with_a_reason(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.gkt"
    save_template(make_template(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReportFileError, match=message):
        open_template(path)


def test_damaged_template_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.gkt"
    path.write_bytes(b'{"format": "gkdesk-template", "content": {')
    with pytest.raises(ReportFileError, match="已损坏"):
        open_template(path)


def test_placeholders_are_plain_substitution() -> None:
    values = {"organ": "甲镇", "year": "2025"}
    assert fill_placeholders("{organ}{year}{phone}{organ.__class__}{0}", values) == "甲镇2025{phone}{organ.__class__}{0}"


def test_template_made_opened_as_unit_filled_and_returned(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    save_template(make_template(), stick / "2025年报模板.gkt")
    opened = open_template(stick / "2025年报模板.gkt")
    unit = opened.template.unit("某某镇 人民政府")
    assert unit is not None and unit.code == "001"
    report = report_from_template(opened.template, unit)
    assert (report.year, report.edition, report.organ, report.organ_level) == (2025, "2021", "某某镇人民政府", "township")
    assert report.opening.startswith("某某镇人民政府2025年政府信息公开工作年度报告。联系电话：{phone}。")
    assert report.paragraphs("overview")[0].text == "某某镇人民政府认真贯彻《条例》。"
    # The filler types the office's phone; the remaining placeholder is filled in.
    report.set_field("contact", Contact("某某镇党政办", "某某镇", "0951-7654321", ""))
    assert fill_remaining_placeholders(report)
    assert "联系电话：0951-7654321。" in report.opening
    report.set_value("requests.new.natural", 3)
    name = suggested_return_name(opened.template, report)
    assert name == "2025-某某镇人民政府-政府信息公开年报.gkr"
    save_gkr(report, stick / name)
    returned = read_report(stick / name)
    assert (returned.organ, returned.year, returned.value("requests.new.natural")) == ("某某镇人民政府", 2025, 3)


def test_unit_outside_the_list_is_refused() -> None:
    with pytest.raises(ValueError, match="不在模板的单位名单中"):
        report_from_template(make_template(), Unit("外县某镇"))


def test_without_a_list_the_organ_is_typed() -> None:
    report = report_from_template(make_template(units=()), organ=" 某某街道办事处 ")
    assert report.organ == "某某街道办事处"
    assert report.opening.startswith("某某街道办事处2025年")


def test_suggested_name_is_safe_on_every_platform() -> None:
    template = make_template(units=())
    report = report_from_template(template, organ='a/b\\c:*?"<>| 镇..')
    assert suggested_return_name(template, report) == "2025-abc镇-政府信息公开年报.gkr"
    blank = report_from_template(template)
    assert suggested_return_name(template, blank) == "2025-未命名单位-政府信息公开年报.gkr"


def test_units_list_parses_keys_labels_and_header() -> None:
    text = "名称,层级,代码\n甲镇,township,001\n县教育局,县级政府部门,101\n\n乙镇\n"
    units = parse_units(text, "2021")
    assert units == (Unit("甲镇", "township", "001"), Unit("县教育局", "county_dept", "101"), Unit("乙镇", "", ""))
    with pytest.raises(ReportFileError, match="第2行：未知的层级"):
        parse_units("甲镇,township\n乙镇,火星\n", "2021")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("镇", "township"),
        ("乡", "township"),
        ("街道", "township"),
        ("县", "county"),
        ("区", "county"),
        ("县直部门", "county_dept"),
        ("市", "city"),
        ("省", "province"),
        ("乡镇人民政府(街道办事处)", "township"),
        (" 县级人民政府 ", "county"),
        ("other", "other"),
    ],
)
def test_unit_levels_accept_common_short_forms(typed: str, key: str) -> None:
    assert parse_units(f"甲,{typed}\n", "2021") == (Unit("甲", key, ""),)
    assert parse_units(f"甲,{typed}\n", "2019") == (Unit("甲", key, ""),)


def test_an_ambiguous_or_unknown_level_is_refused_with_the_choices() -> None:
    for typed in ("部门", "政府", "火星"):
        with pytest.raises(ReportFileError, match=f"未知的层级“{typed}”；层级可填：national_dept（国务院部门）"):
            parse_units(f"甲,{typed}\n", "2021")
