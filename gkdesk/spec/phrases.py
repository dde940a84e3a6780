"""The syntax of the narrative phrases in the format definition (`text.table_mismatch` figures).

A phrase is a regular expression in which `{n}` stands for the stated number: digits with optional
thousands separators (full-width digits are folded before matching). Zero phrases (“未收到…申请”)
state zero and carry no `{n}`.
"""

from __future__ import annotations

import re
from functools import cache

NUMBER_TOKEN = "{n}"
NUMBER_PATTERN = r"(\d{1,3}(?:,\d{3})+|\d+)"


@cache
def compile_phrase(pattern: str) -> re.Pattern[str]:
    """A phrase of the definition as a regular expression (`{n}` becomes the number group)."""
    return re.compile(pattern.replace(NUMBER_TOKEN, NUMBER_PATTERN))


def phrase_error(pattern: str, zero: bool) -> str | None:
    """Why `pattern` cannot be a phrase of a figure, or None."""
    try:
        compiled = compile_phrase(pattern)
    except re.error as error:
        return f"不是有效的正则表达式（{error}）"
    if zero and NUMBER_TOKEN in pattern:
        return "零值短语不应含数字位置 {n}"
    if not zero and (NUMBER_TOKEN not in pattern or compiled.groups != 1):
        return "应含一个数字位置 {n}，且不含其他捕获组"
    return None
