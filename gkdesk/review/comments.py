"""Review comments (批注): where one sits, in Chinese, and which are still open. No Qt."""

from __future__ import annotations

from gkdesk.model import Report, ReviewComment


def anchor_name(report: Report, anchor: str) -> str:
    """Where a comment sits, in Chinese: a cell, a row, a paragraph or a field."""
    return report.spec.describe_key(anchor)


def open_comments(report: Report) -> list[ReviewComment]:
    """Comments not yet closed (待修改 or 已修改)."""
    return [c for c in report.comments if c.status != "已确认"]
