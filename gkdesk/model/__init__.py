"""The report document and its values. No Qt."""

from gkdesk.model.report import (
    COMMENT_STATUSES,
    Change,
    Contact,
    Paragraph,
    Report,
    ReviewComment,
    Run,
)
from gkdesk.model.resolve import Resolved
from gkdesk.model.values import (
    CellValue,
    Invalid,
    Number,
    ValueRejected,
    as_number,
    format_value,
    normalise_number_text,
    parse_lenient,
    parse_strict,
)

__all__ = [
    "COMMENT_STATUSES",
    "CellValue",
    "Change",
    "Contact",
    "Invalid",
    "Number",
    "Paragraph",
    "Report",
    "Resolved",
    "ReviewComment",
    "Run",
    "ValueRejected",
    "as_number",
    "format_value",
    "normalise_number_text",
    "parse_lenient",
    "parse_strict",
]
