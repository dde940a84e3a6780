"""Text of a report that both exporters print: the opening paragraph."""

from __future__ import annotations

from gkdesk.model import Report


def opening_text(report: Report) -> str:
    """The report's own opening, or the format's standard opening filled with organ, year and contact."""
    if report.opening.strip():
        return report.opening
    contact = report.contact
    return report.spec.opening.format(
        organ=report.organ,
        year=report.year if report.year is not None else "",
        address=contact.address,
        phone=contact.phone,
        email=contact.email,
    )
