"""A new, untitled report from a template, and the file name suggested for returning it. No Qt."""

from __future__ import annotations

import re
import unicodedata

from gkdesk.model import Paragraph, Report
from gkdesk.template.model import Template, Unit, fill_placeholders

RETURN_SUFFIX = ".gkr"


def placeholder_values(report: Report) -> dict[str, str]:
    """What {organ}, {year}, {office}, {address}, {phone}, {email} stand for in `report`."""
    contact = report.contact
    return {
        "organ": report.organ,
        "year": str(report.year) if report.year is not None else "",
        "office": contact.office,
        "address": contact.address,
        "phone": contact.phone,
        "email": contact.email,
    }


def report_from_template(template: Template, unit: Unit | None = None, organ: str = "") -> Report:
    """A new report for `unit` (or the organ named `organ` when the template has no list).

    Year and edition come from the template; the opening paragraph and pre-filled narratives have the
    organ's name (and whatever else is known) filled in. The template itself is not touched.
    """
    if unit is not None and template.units and unit not in template.units:
        raise ValueError(f"“{unit.name}”不在模板的单位名单中")
    report = Report.new(template.year, organ=unit.name if unit else organ.strip(), edition=template.edition)
    if unit is not None and unit.level:
        report.organ_level = unit.level
    values = placeholder_values(report)
    report.opening = fill_placeholders(template.opening, values)
    for section, paragraphs in template.narratives:
        report.narratives[section] = [Paragraph.plain(fill_placeholders(text, values)) for text in paragraphs]
    return report


def fill_remaining_placeholders(report: Report) -> bool:
    """Fill placeholders still left in the opening paragraph (e.g. {phone} once the filler typed the office's

    phone number). Returns True when something changed."""
    filled = fill_placeholders(report.opening, placeholder_values(report))
    if filled == report.opening:
        return False
    report.set_field("opening", filled)
    return True


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_file_part(text: str, limit: int = 60) -> str:
    """`text` usable inside a file name on Windows, macOS and Linux (no separators, no reserved characters)."""
    cleaned = _UNSAFE.sub("", unicodedata.normalize("NFC", text))
    cleaned = "".join(cleaned.split()).strip(". ")
    return cleaned[:limit]


def suggested_return_name(template: Template, report: Report) -> str:
    """E.g. “2025-某某镇-政府信息公开年报.gkr”."""
    organ = safe_file_part(report.organ) or "未命名单位"
    year = report.year if report.year is not None else template.year
    return f"{year}-{organ}-政府信息公开年报{RETURN_SUFFIX}"
