"""Cell values: parsing what a person typed, and formatting for display."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from gkdesk.model.text import clean_line
from gkdesk.spec.types import ValueType

Number = int | Decimal


@dataclass(frozen=True)
class Invalid:
    """A cell whose content is not a valid number (kept verbatim, never silently 0; control characters dropped)."""

    raw: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "raw", clean_line(self.raw))


CellValue = int | Decimal | Invalid | None


class ValueRejected(ValueError):
    """Typed input that cannot go into a cell; the message says why, in Chinese."""


_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPED_NUMBER = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
MAX_MAGNITUDE = Decimal(10) ** 12


def normalise_number_text(text: str) -> str:
    """Fold full-width digits and signs, drop padding and thousands separators (only well-placed ones)."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("\u3000", "")
    return folded.replace(",", "") if _GROUPED_NUMBER.fullmatch(folded) else folded


def parse_strict(text: str, value_type: ValueType) -> int | Decimal | None:
    """Parse typed input for `value_type`; blank gives None; anything else invalid raises ValueRejected.

    Only plain decimal notation is a number here: no exponents ("1e3"), no underscores, no "-0" in a
    column that cannot be negative.
    """
    cleaned = normalise_number_text(text)
    if cleaned == "":
        return None
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueRejected(f"“{text.strip()}”不是数字")
    if cleaned.startswith("-") and not value_type.allows_negative:
        raise ValueRejected("不能为负数")
    number = Decimal(cleaned)
    if abs(number) >= MAX_MAGNITUDE:
        raise ValueRejected("数额过大，请核对")
    if value_type.max_decimals == 0:
        if number != number.to_integral_value():
            raise ValueRejected("件数应为整数，不能有小数")
        return int(number)
    places = Decimal(10) ** -value_type.max_decimals
    if number != number.quantize(places):
        raise ValueRejected(f"金额最多{value_type.max_decimals}位小数（单位：万元）")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -value_type.max_decimals:
        number = number.quantize(places)  # "1340.51170" is 1340.5117: trailing zeros beyond 4 places dropped
    return number + 0 if number == 0 else number  # never a negative zero


def parse_lenient(text: str, value_type: ValueType) -> CellValue:
    """Parse a cell read from a file: blank → None, not a valid number → Invalid(raw)."""
    try:
        return parse_strict(text, value_type)
    except ValueRejected:
        return Invalid(text.strip())


def format_value(value: CellValue) -> str:
    """How a value is shown and printed: amounts exactly as entered, invalid text verbatim."""
    if value is None:
        return ""
    if isinstance(value, Invalid):
        return value.raw
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def as_number(value: CellValue) -> Number:
    """A value for arithmetic: blank and invalid count as 0."""
    if value is None or isinstance(value, Invalid):
        return 0
    return value
