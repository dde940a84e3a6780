"""The page inside a single-file web archive (.mht/.mhtml, as browsers and Word save them).

The archive is a MIME multipart message; the standard `email` package parses it and undoes the
quoted-printable or base64 transfer encoding. The page is the part named by the root's `start`
parameter, else the first text/html part.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message

from gkdesk.io.html.charset import decode_page


class NotAWebArchive(ValueError):
    """The file holds no web page."""


def _html_parts(message: Message) -> list[Message]:
    return [part for part in message.walk() if part.get_content_type() == "text/html"]


def _start_part(message: Message, parts: list[Message]) -> Message | None:
    start = message.get_param("start")
    if not isinstance(start, str) or not start:
        return None
    start = start.strip("<>")
    return next((part for part in parts if (part.get("Content-ID") or "").strip("<>") == start), None)


def page_from_archive(data: bytes) -> str:
    """The HTML text of the archive's page; raises NotAWebArchive when it has none."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    parts = _html_parts(message)
    if not parts:
        raise NotAWebArchive("no text/html part")
    part = _start_part(message, parts) or parts[0]
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise NotAWebArchive("empty page")
    charset = part.get_content_charset()
    return decode_page(payload, charset)
