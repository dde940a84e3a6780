"""The loader refuses a broken definition and names the place."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from gkdesk import paths
from gkdesk.spec import SpecError, load_spec_file, parse_spec


@pytest.fixture
def data() -> dict[str, Any]:
    return tomllib.loads(paths.resource("forms", "annual-report-2021.toml").read_text(encoding="utf-8"))


def refuse(data: dict[str, Any], *fragments: str) -> None:
    with pytest.raises(SpecError) as info:
        parse_spec(data, "test.toml")
    for fragment in fragments:
        assert fragment in str(info.value)


def test_valid_definition_parses(data: dict[str, Any]) -> None:
    assert parse_spec(copy.deepcopy(data)).edition == "2021"


def test_unknown_key(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["bands"][0]["rows"][0]["lable"] = "x"
    refuse(data, "tables.requests.bands[0].rows[0]", "未知的键 lable")


def test_duplicate_row_key(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["bands"][0]["rows"][1]["key"] = "new"
    refuse(data, "tables.requests", "重复的键 new")


def test_duplicate_check_id(data: dict[str, Any]) -> None:
    data["checks"][1]["id"] = "T3.balance"
    refuse(data, "checks", "重复的键 T3.balance")


def test_dangling_column_reference_in_header(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["bands"][0]["header"][1][0]["column"] = "nobody"
    refuse(data, "header[1][0]", "未定义的列 nobody")


def test_dangling_group(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["bands"][0]["rows"][4]["group"] = "ghost"
    refuse(data, "rows[4].group", "ghost")


def test_dangling_total_part(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["totals"][0]["of"].append("aliens")
    refuse(data, "totals[0]", "aliens")


def test_dangling_check_reference(data: dict[str, Any]) -> None:
    data["checks"][0]["left"] = ["new", "carried"]
    refuse(data, "checks[0].left", "carried")


def test_check_cell_reference(data: dict[str, Any]) -> None:
    figures = next(c for c in data["checks"] if c["id"] == "text.table_mismatch")["figures"]
    figures[0]["cells"] = ["requests.nowhere.total"]
    refuse(data, "figures[0]", "requests.nowhere.total")


def test_unknown_check_kind(data: dict[str, Any]) -> None:
    data["checks"][0]["kind"] = "python"
    refuse(data, "checks[0].kind", "python")


def test_overlapping_merges(data: dict[str, Any]) -> None:
    data["tables"]["requests"]["bands"][0]["header"][0][0]["rowspan"] = 4
    refuse(data, "tables.requests", "重叠")


def test_cell_outside_grid(data: dict[str, Any]) -> None:
    data["tables"]["proactive"]["bands"][0]["header"][0][0]["colspan"] = 5
    refuse(data, "tables.proactive", "超出")


def test_hole_in_grid(data: dict[str, Any]) -> None:
    data["tables"]["proactive"]["grid_columns"] = 5
    refuse(data, "tables.proactive", "没有单元格")


def test_unknown_value_type(data: dict[str, Any]) -> None:
    data["tables"]["proactive"]["bands"][3]["columns"][0]["type"] = "yuan"
    refuse(data, "columns[0].type", "yuan")


def test_section_table_reference(data: dict[str, Any]) -> None:
    data["sections"][1]["table"] = "missing"
    refuse(data, "sections[1].table", "missing")


def test_syntax_error_names_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("edition = \n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"broken\.toml"):
        load_spec_file(broken)


def test_figure_phrase_without_number(data: dict[str, Any]) -> None:
    figures = next(c for c in data["checks"] if c["id"] == "text.table_mismatch")["figures"]
    figures[0]["patterns"] = ["收到申请(\\d+)件"]
    refuse(data, "figures[0].patterns[0]", "{n}")


def test_figure_phrase_not_a_regex(data: dict[str, Any]) -> None:
    figures = next(c for c in data["checks"] if c["id"] == "text.table_mismatch")["figures"]
    figures[0]["zero_patterns"] = ["未收到(申请"]
    refuse(data, "figures[0].zero_patterns[0]", "正则表达式")
