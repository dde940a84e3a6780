"""check, import, compare and rollup on saved web pages, through the command line as a user runs it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from gkdesk.io.gkr import load_gkr
from tests.cli.test_check_cli import run_cli
from tests.io.web_corpus import COUNTY_DEPT_2023, DISTRICT_2024, Page, default_narrative, write_mht, write_page


def test_check_json_of_a_gbk_page(tmp_path: Path) -> None:
    page = write_page(tmp_path / "报告.htm", COUNTY_DEPT_2023, Page(encoding="gbk", breadcrumb_before_title=True))
    result = run_cli("check", str(page), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["organ"], data["year"], data["format"]) == ("某某县卫生健康委员会", 2023, "2021")
    assert data["values"]["requests"]["new"]["total"] == 14
    assert data["values"]["requests"]["unable_1"]["natural"] == 3
    assert {f["rule"] for f in data["findings"]} == {"structure.basic_info"}


def test_import_and_compare_pages(tmp_path: Path) -> None:
    archive = write_mht(tmp_path / "报告.mht", DISTRICT_2024, Page(encoding="gbk"))
    result = run_cli("import", str(archive), "-o", str(tmp_path / "报告.gkr"))
    assert result.returncode == 0, result.stderr
    assert load_gkr(tmp_path / "报告.gkr").values == DISTRICT_2024.inputs()
    narrative = {**default_narrative(DISTRICT_2024), "problems": ["人员力量不足，将加强培训。"]}
    returned = write_page(tmp_path / "退回.html", DISTRICT_2024, Page(narrative=narrative))
    compared = run_cli("compare", str(archive), str(returned))
    assert compared.returncode == 1, compared.stderr  # 1: the versions differ
    assert "五、存在的主要问题及改进情况 第1段" in compared.stdout and "人员力量不足" in compared.stdout
    assert "表三" not in compared.stdout and "六、" not in compared.stdout


def test_rollup_of_a_folder_of_pages(tmp_path: Path) -> None:
    folder = tmp_path / "收回"
    folder.mkdir()
    write_page(folder / "卫健委.htm", replace(COUNTY_DEPT_2023, year=2024), Page())
    write_mht(folder / "区政府办.mht", DISTRICT_2024, Page())
    result = run_cli("rollup", str(folder), "-o", str(tmp_path / "汇总.xlsx"), "--json")
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert len(data["units"]) == 2 and not data["refused"]
    assert data["totals"]["requests"]["new"]["total"] == 14 + 66
