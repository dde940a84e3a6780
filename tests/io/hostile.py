"""Hostile files modelled on what a reliability run feeds a reader: bloated bodies, damaged embedded data."""

from __future__ import annotations

import io
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


def xlsx_with_wrong_checksum(source: Path, target: Path) -> Path:
    """`source` (a gkdesk .xlsx) whose embedded data no longer matches its SHA-256: read by its labels."""
    import openpyxl

    workbook = openpyxl.load_workbook(source)
    sheet = workbook["gkdesk_data"]
    sheet.cell(3, 2).value = "0" * 64
    workbook.save(target)
    return target


def xlsx_crowded(target: Path, cells: int) -> Path:
    """A small .xlsx whose one sheet declares `cells` numeric cells (a few hundred KB compressed)."""
    rows = []
    per_row = 50
    for r in range(1, cells // per_row + 1):
        row_cells = "".join(f'<c r="{_column(c)}{r}"><v>1</v></c>' for c in range(1, per_row + 1))
        rows.append(f'<row r="{r}">{row_cells}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="表二" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text.encode("utf-8"))
    return target


def _column(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def docx_zip_bomb(source: Path, target: Path) -> Path:
    """`source` whose document.xml expands to 45 MB of white space (a few KB compressed)."""
    return rewrite_zip(source, target, {"word/document.xml": b" " * (45 * 1024 * 1024)})


def hostile_set(folder: Path, sample_docx: Path, sample_xlsx: Path) -> dict[str, Path]:
    """Every kind of hostile file of at most 10 MB the bounded-reading figures and tests use."""
    return {
        "docx with 39 MB of empty paragraphs, data damaged": docx_with_empty_paragraphs(
            sample_docx, folder / "empty-paragraphs.docx", 39
        ),
        "docx with 39 MB of empty paragraphs, data intact": docx_with_empty_paragraphs(
            sample_docx, folder / "empty-paragraphs-own.docx", 39, damage_embedded=False
        ),
        "docx expanding to 45 MB": docx_zip_bomb(sample_docx, folder / "bomb.docx"),
        "xlsx with a wrong checksum (read by labels)": xlsx_with_wrong_checksum(sample_xlsx, folder / "checksum.xlsx"),
        "xlsx with 400,000 cells": xlsx_crowded(folder / "crowded.xlsx", 400_000),
        "xlsx with 95,000 cells": xlsx_crowded(folder / "busy.xlsx", 95_000),
        "gkr with a 9.6 MB paragraph": gkr_with_long_paragraph(folder / "long.gkr"),
        "web page of 1.4 million empty paragraphs": page_of_empty_paragraphs(folder / "empty.htm"),
    }


def page_of_empty_paragraphs(target: Path) -> Path:
    """A 9.6 MB saved web page that is nothing but empty paragraphs."""
    target.write_bytes(b"<html><body>" + b"<p></p>" * 1_400_000 + b"</body></html>")
    return target


def gkr_with_long_paragraph(target: Path) -> Path:
    """The sample report whose overview is one paragraph of 9.6 MB stating a figure over and over."""
    from gkdesk.io.gkr import save_gkr
    from gkdesk.model import Paragraph
    from tests.helpers import sample_report

    report = sample_report()
    report.narratives["overview"] = [Paragraph.plain("本年度主动公开政府信息12条，" * 230_000)]
    save_gkr(report, target)
    return target


def mutate_member(data: bytes, member_index: int, position: float, junk: bytes, cut: float | None) -> bytes:
    """Rewrite one part of the package: splice junk into its XML, or truncate it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        infos = source.infolist()
        chosen = infos[member_index % len(infos)].filename
        for info in infos:
            content = source.read(info.filename)
            if info.filename == chosen:
                at = int(len(content) * position)
                content = content[:at] + junk + content[at:]
                if cut is not None:
                    content = content[: int(len(content) * cut)]
            target.writestr(info.filename, content)
    return out.getvalue()
