"""Units without a template's list are listed in natural order."""

from __future__ import annotations

from gkdesk.rollup.order import natural_key


def test_numbers_in_names_compare_as_numbers() -> None:
    names = ["第10镇", "第2镇", "第1镇", "第11镇", "第十二镇", "第三镇", "县教育局", "第二十镇"]
    assert sorted(names, key=natural_key) == ["县教育局", "第1镇", "第2镇", "第三镇", "第10镇", "第11镇", "第十二镇", "第二十镇"]


def test_names_that_only_look_like_numbers_stay_text() -> None:
    # 八一街道 is a name, not 81; a numeral without 第 is not an ordinal
    assert natural_key("八一街道") == ((0, 0, "八一街道"),)
    assert natural_key("第一百零五中学") == ((0, 0, "第"), (1, 3, "105"), (0, 0, "中学"))
    assert natural_key("第 2 镇") == natural_key("第２镇")  # spaces and full-width digits as unit names are compared


def test_numbers_of_any_length_and_leading_zeros_compare_as_numbers() -> None:
    longest = "县" + "9" * 5000 + "号"  # more digits than Python converts to an integer
    names = [longest, "第10镇", "第002镇", "第2镇", "县1号"]
    ordered = sorted(names, key=natural_key)
    assert ordered.index("县1号") < ordered.index(longest)
    assert natural_key("第002镇") == natural_key("第2镇") and ordered.index("第2镇") < ordered.index("第10镇")
