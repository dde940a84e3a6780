"""Review comments (批注) as text in other programs' comment boxes, and merging them back. No Qt."""

from __future__ import annotations

import re

from gkdesk.model import COMMENT_STATUSES, Report, ReviewComment

_STATUS_RE = re.compile(r"^\s*【(" + "|".join(COMMENT_STATUSES) + r")】\s*")
REPLY_PREFIX = "回复："


def comment_text(comment: ReviewComment) -> str:
    """“【待修改】text”, replies on their own lines: what Word/Excel show in the comment box."""
    lines = [f"【{comment.status}】{comment.text}"]
    lines += [f"{REPLY_PREFIX}{reply}" for reply in comment.replies]
    return "\n".join(lines)


def parse_comment_text(text: str) -> tuple[str, str, tuple[str, ...]]:
    """(status, text, replies) from a comment box; no status prefix means 待修改."""
    match = _STATUS_RE.match(text)
    status = match.group(1) if match else COMMENT_STATUSES[0]
    body = text[match.end() :] if match else text
    lines = body.split("\n")
    replies = tuple(line[len(REPLY_PREFIX) :] for line in lines if line.startswith(REPLY_PREFIX))
    main = "\n".join(line for line in lines if not line.startswith(REPLY_PREFIX)).strip()
    return status, main, replies


def merge_comments(report: Report, found: list[ReviewComment]) -> None:
    """Comments read from a file's comment boxes: update the status of known ones, add the new ones."""
    comments = list(report.comments)
    for incoming in found:
        for index, known in enumerate(comments):
            if known.author == incoming.author and known.text == incoming.text:
                replies = known.replies + tuple(r for r in incoming.replies if r not in known.replies)
                comments[index] = ReviewComment(
                    known.id, known.anchor, known.author, known.text, known.created, incoming.status, replies
                )
                break
        else:
            comments.append(incoming)
    report.comments = comments


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
    return {"title": "标题"}.get(anchor, anchor)


def open_comments(report: Report) -> list[ReviewComment]:
    """Comments not yet closed (待修改 or 已修改)."""
    return [c for c in report.comments if c.status != "已确认"]
