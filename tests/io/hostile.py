"""Hostile files modelled on what a reliability run feeds a reader: bloated bodies, damaged embedded data."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def rewrite_zip(source: Path, target: Path, changes: dict[str, bytes]) -> Path:
    """A copy of the zip `source` with the named members replaced (or added)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, changes.get(info.filename, original.read(info.filename)))
        for name, data in changes.items():
            if name not in original.namelist():
                copy.writestr(name, data)
    return target


def docx_with_empty_paragraphs(source: Path, target: Path, megabytes: int, damage_embedded: bool = True) -> Path:
    """`source` (a gkdesk .docx) whose body gains `megabytes` MB of empty paragraphs; its embedded report
    data damaged so a reader falls back to the visible body."""
    with zipfile.ZipFile(source) as package:
        document = package.read("word/document.xml").decode("utf-8")
        items = {n: package.read(n) for n in package.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)}
    filler = "<w:p/>" * (megabytes * 1024 * 1024 // 6)
    document = document.replace("<w:sectPr", filler + "<w:sectPr", 1)
    changes = {"word/document.xml": document.encode("utf-8")}
    if damage_embedded:
        for name, data in items.items():
            if len(data) > 1000:  # the report data, not the small properties item
                changes[name] = data[: len(data) // 2]
    return rewrite_zip(source, target, changes)


def xlsx_with_damaged_data(source: Path, target: Path) -> Path:
    """`source` (a gkdesk .xlsx) whose embedded report data is cut in half."""
    with zipfile.ZipFile(source) as package:
        sheets = {n: package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/sheet")}
    last = max(sheets, key=lambda n: int(re.findall(r"\d+", n)[-1]))
    return rewrite_zip(source, target, {last: sheets[last][: len(sheets[last]) // 2]})
