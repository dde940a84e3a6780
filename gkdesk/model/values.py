"""Cell values: parsing what a person typed, and formatting for display."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from gkdesk.spec.types import ValueType

Number = int | Decimal


@dataclass(frozen=True)
class Invalid:
    """A cell whose content is not a valid number (kept verbatim, never silently 0)."""

    raw: str


CellValue = int | Decimal | Invalid | None


class ValueRejected(ValueError):
    """Typed input that cannot go into a cell; the message says why, in Chinese."""


def normalise_number_text(text: str) -> str:
    """Fold full-width digits and signs, drop padding and thousands separators."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return folded.replace(",", "").replace(" ", "").replace("\u3000", "")


def parse_strict(text: str, value_type: ValueType) -> int | Decimal | None:
    """Parse typed input for `value_type`; blank gives None; anything else invalid raises ValueRejected."""
    cleaned = normalise_number_text(text)
    if cleaned == "":
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueRejected(f"“{text.strip()}”不是数字") from None
    if not number.is_finite():
        raise ValueRejected(f"“{text.strip()}”不是数字")
    if number < 0 and not value_type.allows_negative:
        raise ValueRejected("不能为负数")
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if value_type.max_decimals == 0:
        if number != number.to_integral_value():
            raise ValueRejected("件数应为整数，不能有小数")
        return int(number)
    if decimals > value_type.max_decimals:
        raise ValueRejected(f"金额最多{value_type.max_decimals}位小数（单位：万元）")
    if abs(number) >= Decimal(10) ** 12:
        raise ValueRejected("数额过大")
    return number


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
