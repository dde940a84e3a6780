"""Review comments (批注) as text in other programs' comment boxes, and merging them back into a report."""

from __future__ import annotations

import re

from gkdesk.model.report import COMMENT_STATUSES, Report, ReviewComment

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
