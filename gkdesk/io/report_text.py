"""Text of a report that the exporters and the window share: the opening paragraph."""

from __future__ import annotations

from gkdesk.model import Report


def standard_opening(report: Report) -> str:
    """The format's standard opening filled with organ, year and contact; gaps show what is missing."""
    contact = report.contact
    return report.spec.opening.format(
        organ=report.organ.strip() or "（机关名称）",
        year=report.year if report.year is not None else "（年度）",
        address=contact.address.strip() or "（地址）",
        phone=contact.phone.strip() or "（电话）",
        email=contact.email.strip() or "（电子邮箱）",
    )


def opening_text(report: Report) -> str:
    """The report's own opening, or the standard one."""
    return report.opening if report.opening.strip() else standard_opening(report)
