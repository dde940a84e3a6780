"""`template` verb: make a template, show it, open it as a unit's report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gkdesk.cli import main
from gkdesk.io.open import read_report
from gkdesk.template import open_template


def test_make_show_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units.csv"
    units.write_text("名称,层级,代码\n甲镇人民政府,乡镇人民政府（街道办事处）,001\n县教育局,county_dept,101\n", encoding="utf-8")
    template = tmp_path / "t.gkt"
    args = ["template", "--year", "2025", "--issuer", "某某县人民政府办公室", "--phone", "0951-1", "--deadline", "2026-01-20"]
    texts = ["--text", "other={organ}本年度未收取信息处理费。", "--text", "problems=存在的问题。"]
    assert main([*args, "--instructions", "请按时报送", "--units", str(units), *texts, "-o", str(template)]) == 0
    opened = open_template(template)
    assert (opened.template.year, opened.template.edition, len(opened.template.units)) == (2025, "2021", 2)
    assert opened.template.opening == ""  # each unit's standard opening is generated from its own contact
    capsys.readouterr()
    assert main(["template", "--show", str(template)]) == 0
    assert "校验值一致" in capsys.readouterr().out
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["template", "--open", str(template), "--unit", "甲镇人民政府", "-o", str(stick)]) == 0
    returned = stick / "2025-甲镇人民政府-政府信息公开年报.gkr"
    report = read_report(returned)
    assert (report.organ, report.organ_level, report.year) == ("甲镇人民政府", "township", 2025)
    assert report.opening == ""
    assert [p.text for p in report.paragraphs("other")] == ["甲镇人民政府本年度未收取信息处理费。"]
    assert list(report.narratives) == ["problems", "other"]
    assert main(["template", "--open", str(template), "--unit", "外县", "-o", str(stick)]) == 2


def test_altered_template_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "t.gkt"
    assert main(["template", "--year", "2025", "--opening", "{organ}{year}年报告。", "-o", str(template)]) == 0
    data = json.loads(template.read_text(encoding="utf-8"))
    data["content"]["year"] = 2026
    template.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["template", "--show", str(template)]) == 1
    assert "校验值不符" in capsys.readouterr().out


def test_bad_input_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "--year", "2025", "--deadline", "1月20日", "-o", str(tmp_path / "t.gkt")]) == 2
    assert "截止日期" in capsys.readouterr().err
    assert main(["template", "-o", str(tmp_path / "t.gkt")]) == 2
    assert main(["template", "--year", "2025", "--text", "proactive=x", "-o", str(tmp_path / "t.gkt")]) == 2
    assert "部分=文字" in capsys.readouterr().err
    assert not (tmp_path / "t.gkt").exists()


def test_open_without_a_unit_says_what_is_needed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units.csv"
    units.write_text("甲镇人民政府,镇\n乙镇人民政府,街道\n", encoding="utf-8")
    template = tmp_path / "t.gkt"
    assert main(["template", "--year", "2025", "--units", str(units), "-o", str(template)]) == 0
    capsys.readouterr()
    assert main(["template", "--open", str(template), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "“”" not in err
    assert "需要 --unit" in err and "--organ" in err and "甲镇人民政府、乙镇人民政府" in err
    bare = tmp_path / "bare.gkt"
    assert main(["template", "--year", "2025", "-o", str(bare)]) == 0
    capsys.readouterr()
    assert main(["template", "--open", str(bare), "-o", str(tmp_path)]) == 2
    assert "需要 --organ" in capsys.readouterr().err
    assert main(["template", "--open", str(bare), "--organ", "丙镇人民政府", "-o", str(tmp_path)]) == 0


def test_show_lists_contact_and_unit_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units.csv"
    units.write_text("甲镇人民政府,镇,001\n县教育局,县直部门,101\n丙单位\n", encoding="utf-8")
    template = tmp_path / "t.gkt"
    contact = ["--office", "县政务公开办", "--address", "某某县人民路1号", "--phone", "0951-1234567", "--email", "gk@example.cn"]
    assert main(["template", "--year", "2025", *contact, "--units", str(units), "--text", "other=未收费。", "-o", str(template)]) == 0
    capsys.readouterr()
    assert main(["template", "--show", str(template)]) == 0
    out = capsys.readouterr().out
    for detail in ("县政务公开办", "某某县人民路1号", "0951-1234567", "gk@example.cn"):
        assert detail in out
    assert "001  甲镇人民政府（乡镇人民政府（街道办事处））" in out
    assert "101  县教育局（县级政府部门）" in out
    assert "丙单位（层级未填）" in out
    assert "预填“六、其他需要报告的事项”：未收费。" in out


def test_unknown_level_lists_the_valid_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "units.csv"
    units.write_text("甲镇人民政府,火星\n", encoding="utf-8")
    assert main(["template", "--year", "2025", "--units", str(units), "-o", str(tmp_path / "t.gkt")]) == 2
    err = capsys.readouterr().err
    assert "第1行：未知的层级“火星”" in err
    assert "township（乡镇人民政府（街道办事处））" in err and "county（县级人民政府）" in err and "简称 镇" in err
