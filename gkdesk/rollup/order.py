"""The order units are listed in when there is no template's list: natural order (第2镇 before 第10镇). No Qt."""

from __future__ import annotations

import re

from gkdesk.template.model import unit_key

_DIGITS = re.compile(r"(\d+)")
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ORDINAL = re.compile(r"第([零〇一二两三四五六七八九十百]+)")


def _chinese_value(text: str) -> int | None:
    """第十二 → 12, 二十 → 20, 一百零五 → 105; None for anything else."""
    total, digit = 0, None
    for char in text:
        if char in "零〇" and total:  # 一百零五: a place holder
            digit = None
        elif char in _CHINESE_DIGITS:
            if digit is not None:  # 八一: a name, not a number
                return None
            digit = _CHINESE_DIGITS[char]
        elif char in "十百":
            unit = 10 if char == "十" else 100
            total += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + (digit or 0)


def _arabic(name: str) -> str:
    """Ordinals in Chinese numerals (第十二镇) written as digits, so both kinds sort the same way."""

    def replace(match: re.Match[str]) -> str:
        value = _chinese_value(match.group(1))
        return f"第{value}" if value is not None else match.group(0)

    return _ORDINAL.sub(replace, name)


def natural_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a unit name: runs of digits compare as numbers (by their length without leading zeros, then
    their digits: a name of thousands of digits is no integer to convert), the rest as text."""
    parts = _DIGITS.split(_arabic(unit_key(name)))
    return tuple(_number(part) if index % 2 else (0, 0, part) for index, part in enumerate(parts) if part)


def _number(digits: str) -> tuple[int, int, str]:
    significant = digits.lstrip("0") or "0"
    return (1, len(significant), significant)
