"""The syntax of the narrative phrases in the format definition (`text.table_mismatch` figures).

A phrase is a regular expression in which `{n}` stands for the stated number: digits with optional
thousands separators (full-width digits are folded before matching). Zero phrases (“未收到…申请”)
state zero and carry no `{n}`.
"""

from __future__ import annotations

import re
from functools import cache

_META = frozenset("\\.^$*+?{}[]()|")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")
_LONG_ESCAPES = frozenset("xuUN0123456789")

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


@cache
def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Runs of plain characters every match of `pattern` contains (each in full), or None when that cannot be
    told simply (an alternation at the top, inline flags, an escape naming a character by its code or a group by
    its number, an unclosed brace or class). A text lacking one of them cannot match, so the phrase need not
    even be compiled for it: a report's narrative states a few of the figures, and most phrases are never
    compiled.

    Only the top level of the expression is read: escapes, character classes and groups (lookarounds
    included) count as unknown, and a character made optional by a quantifier is dropped from its run.
    """
    source = pattern.replace(NUMBER_TOKEN, NUMBER_PATTERN)
    if _INLINE_FLAGS.search(source):
        return None
    runs: list[str] = []
    run, depth, index = "", 0, 0
    while index < len(source):
        char = source[index]
        if depth == 0 and char not in _META:
            run += char
            index += 1
            continue
        if depth == 0 and char in "?*{":
            run = run[:-1]  # the quantified character may be absent
        if run:
            runs.append(run)
            run = ""
        if char == "\\":
            if source[index + 1 : index + 2] in _LONG_ESCAPES:
                return None  # \x41, \u3000, \N{…}, \101, \1: more than one character, or a character not written
            index += 2
            continue
        if char == "[":
            index = _class_end(source, index)
            if index < 0:
                return None
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        elif char == "{" and depth == 0:
            index = source.find("}", index)
            if index < 0:
                return None
        index += 1
    if run:
        runs.append(run)
    return tuple(runs)


def _class_end(source: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start`, or -1."""
    index = start + 1
    if source.startswith("^", index):
        index += 1
    if source.startswith("]", index):
        index += 1
    while index < len(source) and source[index] != "]":
        index += 2 if source[index] == "\\" else 1
    return index if index < len(source) else -1
