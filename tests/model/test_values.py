from __future__ import annotations

from decimal import Decimal

import pytest

from gkdesk.model import Invalid, Report, Resolved, ValueRejected, format_value, parse_lenient, parse_strict
from gkdesk.spec import ValueType


@pytest.mark.parametrize(
    ("text", "value_type", "expected"),
    [
        ("12", ValueType.COUNT, 12),
        ("１２", ValueType.COUNT, 12),
        (" 1,234 ", ValueType.COUNT, 1234),
        ("", ValueType.COUNT, None),
        ("3.0", ValueType.COUNT, 3),
        ("1340.5117", ValueType.AMOUNT_WAN, Decimal("1340.5117")),
        ("-3", ValueType.SIGNED_COUNT, -3),
        ("29,102", ValueType.COUNT, 29102),
        ("1340.51170", ValueType.AMOUNT_WAN, Decimal("1340.5117")),
        ("+5", ValueType.COUNT, 5),
    ],
)
def test_parse_strict_accepts(text: str, value_type: ValueType, expected: object) -> None:
    assert parse_strict(text, value_type) == expected


@pytest.mark.parametrize(
    ("text", "value_type", "reason"),
    [
        ("abc", ValueType.COUNT, "不是数字"),
        ("-1", ValueType.COUNT, "负数"),
        ("1.5", ValueType.COUNT, "整数"),
        ("1.23456", ValueType.AMOUNT_WAN, "4位小数"),
        ("nan", ValueType.COUNT, "不是数字"),
        ("inf", ValueType.AMOUNT_WAN, "不是数字"),
        ("1e3", ValueType.COUNT, "不是数字"),
        ("1_000", ValueType.COUNT, "不是数字"),
        ("1,2", ValueType.COUNT, "不是数字"),
        ("-0", ValueType.AMOUNT_WAN, "负数"),
        ("99999999999999999999", ValueType.COUNT, "过大"),
    ],
)
def test_parse_strict_rejects_with_reason(text: str, value_type: ValueType, reason: str) -> None:
    with pytest.raises(ValueRejected, match=reason):
        parse_strict(text, value_type)


def test_signed_zero_is_plain_zero() -> None:
    assert str(parse_strict("-0", ValueType.SIGNED_COUNT)) == "0"


def test_parse_lenient_keeps_invalid_text() -> None:
    assert parse_lenient(" / ", ValueType.COUNT) == Invalid("/")
    assert parse_lenient("—", ValueType.COUNT) == Invalid("—")


def test_format_keeps_amount_as_entered() -> None:
    assert format_value(Decimal("1340.5117")) == "1340.5117"
    assert format_value(0) == "0"
    assert format_value(None) == ""


def test_resolved_totals_and_declared() -> None:
    report = Report.new(2021)
    report.set_value("requests.new.natural", 3)
    report.set_value("requests.new.legal", 2)
    report.set_value("requests.granted.natural", 4)
    resolved = Resolved(report)
    assert resolved.stated("requests.new.total") == 5
    assert resolved.stated("requests.total.natural") == 4
    assert resolved.stated("requests.total.total") == 4
    report.set_declared("requests.new.total", 6)
    resolved = Resolved(report)
    assert resolved.stated("requests.new.total") == 6
    assert resolved.derived["requests.new.total"] == 5
    assert resolved.declared_mismatch("requests.new.total")


def test_listeners_are_told_of_changes() -> None:
    report = Report.new(2021)
    seen = []
    report.add_listener(lambda change: seen.append((change.kind, change.key)))
    report.set_value("requests.new.natural", 1)
    report.set_field("organ", "某镇")
    report.acknowledge("x@y", "说明")
    assert seen == [("value", "requests.new.natural"), ("field", "organ"), ("acknowledgement", "x@y")]
    with pytest.raises(KeyError):
        report.set_value("requests.nothing.natural", 1)


def test_year_chooses_edition() -> None:
    assert Report.new(2020).edition == "2019"
    assert Report.new(2021).edition == "2021"
    assert Report.new(2025, "某某镇").title == "某某镇2025年政府信息公开工作年度报告"
