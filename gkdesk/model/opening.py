"""The opening paragraph of a report: its own text, or the format's standard one filled from 基本信息."""

from __future__ import annotations

from gkdesk.model.report import Report


def standard_opening(report: Report) -> str:
    """The format's standard opening filled with organ, year and contact; gaps show what is missing."""
    spec = report.spec

    def text(key: str) -> str:
        return report.field_text(key).strip() or f"（{spec.field(key).label}）"

    return spec.opening.format(
        organ=text("organ"),
        year=text("year"),
        address=text("contact.address"),
        phone=text("contact.phone"),
        email=text("contact.email"),
    )


def opening_text(report: Report) -> str:
    """The report's own opening, or the standard one."""
    return report.opening if report.opening.strip() else standard_opening(report)
