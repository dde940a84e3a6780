"""The format definitions themselves: keys, labels, merges and rules as format-2021.md fixes them."""

from __future__ import annotations

import pytest

from gkdesk.spec import build_layout, load_spec

REQUEST_ROWS = [
    "new", "carried_over", "granted", "partial",
    *[f"denied_{i}" for i in range(1, 9)],
    *[f"unable_{i}" for i in range(1, 4)],
    *[f"not_processed_{i}" for i in range(1, 6)],
    "other_1", "other_2", "other_3", "total", "carried_forward",
]  # fmt: skip
REQUEST_COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
RULE_IDS = [
    "T3.balance", "T3.row_total", "T3.outcome_total", "T4.total", "value.invalid", "value.blank",
    "T3.carry_over", "T2.in_force", "T2.regulation_level", "T2.fee_unit", "text.table_mismatch",
    "structure.basic_info", "structure.section_missing", "structure.old_format", "structure.fee_statement",
    "text.repeated",
]  # fmt: skip
ERRORS = {"T3.balance", "T3.row_total", "T3.outcome_total", "T4.total", "value.invalid", "T3.carry_over"}


def test_sections_in_order() -> None:
    spec = load_spec("2021")
    assert [(s.key, s.heading) for s in spec.sections] == [
        ("overview", "一、总体情况"),
        ("proactive", "二、主动公开政府信息情况"),
        ("requests", "三、收到和处理政府信息公开申请情况"),
        ("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
        ("problems", "五、存在的主要问题及改进情况"),
        ("other", "六、其他需要报告的事项"),
    ]
    assert len(spec.section("other").outline) == 4
    assert "信息处理费" in spec.section("other").outline[0]


def test_rule_ids_and_severities() -> None:
    spec = load_spec("2021")
    assert [c.id for c in spec.checks] == RULE_IDS
    assert {c.id for c in spec.checks if c.severity == "error"} == ERRORS


def test_table_three_rows_columns_and_labels() -> None:
    table = load_spec("2021").tables["requests"]
    assert [r.key for r in table.rows] == REQUEST_ROWS
    assert [c.key for c in table.rows[0].columns] == REQUEST_COLUMNS
    assert table.row("partial").label == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert table.row("denied_3").label == "3.危及“三安全一稳定”"
    assert table.row("other_2").label == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert table.row("total").label == "（七）总计"


def test_table_three_merges() -> None:
    layout = build_layout(load_spec("2021").tables["requests"])
    assert (layout.n_rows, layout.n_cols) == (28, 10)
    corner = layout.at(0, 0)
    assert corner is not None
    assert corner.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert (corner.rowspan, corner.colspan) == (3, 3)
    spans = {(c.text, c.rowspan, c.colspan) for c in layout.cells if c.kind != "value"}
    assert ("申请人情况", 1, 7) in spans
    assert ("自然人", 2, 1) in spans and ("总计", 2, 1) in spans
    assert ("法人或其他组织", 1, 5) in spans
    assert ("三、本年度办理结果", 22, 1) in spans
    assert ("（三）不予公开", 8, 1) in spans
    assert ("（四）无法提供", 3, 1) in spans
    assert ("（五）不予处理", 5, 1) in spans
    assert ("（六）其他处理", 3, 1) in spans
    assert ("（一）予以公开", 1, 2) in spans
    assert ("一、本年新收政府信息公开申请数量", 1, 3) in spans
    assert layout.leading_header_rows == 3


def test_table_two_blocks() -> None:
    table = load_spec("2021").tables["proactive"]
    layout = build_layout(table)
    captions = [c.text for c in layout.cells if c.kind == "header" and c.colspan == 4]
    assert captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert [r.key for r in table.rows] == ["regulation", "normative_doc", "license", "penalty", "enforcement", "fee"]
    fee = layout.at(*layout.position_of("proactive.fee.amount_wan"))
    assert fee is not None and fee.colspan == 3
    assert table.row("fee").column("amount_wan").label == "本年收费金额（单位：万元）"
    assert table.row("fee").column("amount_wan").value_type.max_decimals == 4


def test_table_four_header_and_keys() -> None:
    spec = load_spec("2021")
    layout = build_layout(spec.tables["appeals"])
    assert (layout.n_rows, layout.n_cols) == (4, 15)
    top = [(c.text, c.colspan) for c in layout.cells if c.row == 0]
    assert top == [("行政复议", 5), ("行政诉讼", 10)]
    values = [c.cell_key for c in layout.value_cells()]
    assert values[0] == "appeals.reconsideration.upheld" and values[-1] == "appeals.litigation_after.total"
    assert len(values) == 15
    assert sum(1 for c in layout.cells if c.kind == "header" and c.text == "结果维持" and c.rowspan == 2) == 1


def test_derived_totals() -> None:
    spec = load_spec("2021")
    derived = {k for k, c in spec.cells.items() if c.derived}
    assert "requests.new.total" in derived and "requests.total.natural" in derived
    assert "appeals.litigation_direct.total" in derived
    assert "requests.new.natural" not in derived
    assert len(spec.cells) == 200


def test_2019_differences() -> None:
    spec = load_spec("2019")
    table = spec.tables["proactive"]
    assert [r.key for r in table.rows] == [
        "regulation", "normative_doc", "license", "other_services", "penalty", "enforcement", "fee", "procurement",
    ]  # fmt: skip
    assert table.row("normative_doc").label == "规范性文件"
    assert [c.key for c in table.row("regulation").columns] == ["made", "published", "total_public"]
    assert [c.key for c in table.row("fee").columns] == ["prev_items", "delta"]
    assert table.row("license").column("delta").value_type.allows_negative
    requests = spec.tables["requests"]
    assert "other" in [r.key for r in requests.rows] and "other_1" not in [r.key for r in requests.rows]
    outcomes = [c for c in build_layout(requests).cells if c.text == "三、本年度办理结果"]
    assert outcomes[0].rowspan == 20
    assert spec.covers_year(2020) and not spec.covers_year(2021)


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_every_value_cell_placed_once(edition: str) -> None:
    spec = load_spec(edition)
    placed = [c.cell_key for t in spec.tables.values() for c in build_layout(t).value_cells()]
    assert sorted(placed) == sorted(spec.cells)
