"""gkdesk's own .docx read from one opened package: the embedded report, and what the body visibly shows."""

from __future__ import annotations

from gkdesk.io.docx.body import Block, read_body
from gkdesk.io.docx.custom_xml import read_payload
from gkdesk.io.docx.visible import visible_differences
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.own.embedded import OwnFile, verify_payload


def read_own_package(package: Package, blocks: list[Block] | None = None) -> OwnFile:
    """The embedded report, verified, with every hand edit the body shows (`blocks`: the body, if already read)."""
    payload = read_payload(package)
    report = verify_payload(payload, package.path.name)
    return OwnFile(report, payload, visible_differences(read_body(package) if blocks is None else blocks, report))
