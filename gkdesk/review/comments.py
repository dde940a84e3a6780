"""Review comments (批注): where one sits, in Chinese, and which are still open. No Qt."""

from __future__ import annotations

from gkdesk.model import Report, ReviewComment


def anchor_name(report: Report, anchor: str) -> str:
    """Where a comment sits, in Chinese: a cell, a row, a paragraph or the title."""
    spec = report.spec
    if anchor in spec.cells:
        from gkdesk.review.compare import cell_name

        return cell_name(spec, anchor)
    if "#" in anchor:
        section, number = anchor.split("#", 1)
        heading = next((s.heading for s in spec.sections if s.key == section), section)
        return f"{heading} 第{number}段"
    if anchor.count(".") == 1:
        table_key, row_key = anchor.split(".")
        if table_key in spec.tables:
            return f"{spec.tables[table_key].title}「{spec.tables[table_key].row(row_key).label}」行"
    if anchor in {field.key for field in spec.fields}:
        return spec.field(anchor).label
    return anchor


def open_comments(report: Report) -> list[ReviewComment]:
    """Comments not yet closed (待修改 or 已修改)."""
    return [c for c in report.comments if c.status != "已确认"]
