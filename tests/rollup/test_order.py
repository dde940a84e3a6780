"""Units without a template's list are listed in natural order."""

from __future__ import annotations

from gkdesk.rollup.order import natural_key


def test_numbers_in_names_compare_as_numbers() -> None:
    names = ["第10镇", "第2镇", "第1镇", "第11镇", "第十二镇", "第三镇", "县教育局", "第二十镇"]
    assert sorted(names, key=natural_key) == ["县教育局", "第1镇", "第2镇", "第三镇", "第10镇", "第11镇", "第十二镇", "第二十镇"]


def test_names_that_only_look_like_numbers_stay_text() -> None:
    # 八一街道 is a name, not 81; a numeral without 第 is not an ordinal
    assert natural_key("八一街道") == ((0, "八一街道"),)
    assert natural_key("第一百零五中学") == ((0, "第"), (1, 105), (0, "中学"))
    assert natural_key("第 2 镇") == natural_key("第２镇")  # spaces and full-width digits as unit names are compared
