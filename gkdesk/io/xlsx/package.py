"""An .xlsx package read straight from its zip parts (no openpyxl): bounded, entity-free, strict about shape.

`XlsxPackage(data)` lists the worksheets (name, state, part) from xl/workbook.xml and its rels, and gives
the shared strings and the styles whose number format is a date. Anything this reader does not expect
raises `UnexpectedPackage`; callers then fall back to openpyxl, so unusual files behave as before.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

from gkdesk.io.files.limits import MAX_XML_TAGS, read_bounded
from gkdesk.io.files.safe_zip import (
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
    MEMBER_ERRORS,
    read_member,
    xml_parser,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WORKSHEET_TYPE = f"{DOC_REL}/worksheet"
COMMENTS_TYPE = f"{DOC_REL}/comments"

if TYPE_CHECKING:
    from gkdesk.io.xlsx.sheet_xml import SheetCells


class UnexpectedPackage(Exception):
    """Something the fast reader does not handle exactly as openpyxl does: use openpyxl instead."""


# What reading an unexpected package can raise besides UnexpectedPackage (the fast readers then give way to openpyxl).
FAST_ERRORS = (UnexpectedPackage, ValueError, LookupError, TypeError, etree.LxmlError)


def q(tag: str) -> str:
    """The qualified SpreadsheetML name of `tag`."""
    return f"{{{MAIN}}}{tag}"


@dataclass(frozen=True)
class SheetEntry:
    name: str
    state: str
    part: str  # e.g. "xl/worksheets/sheet1.xml"


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target as a part name: absolute ("/xl/...") or relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class XlsxPackage:
    """The parts of one .xlsx, read from bytes already in memory or from a zip directory already open (the
    importer's one opening of the file, `gkdesk.io.files.safe_zip.Package.archive`). Each part is parsed once,
    whoever asks for it: the embedded data, the hand-edit comparison and the comments share the parsed sheets."""

    def __init__(self, data: bytes | zipfile.ZipFile) -> None:
        try:
            self._zip = data if isinstance(data, zipfile.ZipFile) else zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise UnexpectedPackage(str(error)) from None
        if len(infos) > MAX_ENTRIES or sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise UnexpectedPackage("package too large")
        self._infos = {info.filename: info for info in infos}
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}
        self.parsed_sheets: dict[str, SheetCells] = {}  # by sheet name, filled by sheet_cells

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> XlsxPackage:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def has(self, part: str) -> bool:
        return part in self._infos

    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, part: str) -> bytes:
        """One part's bytes, at most MAX_PART_BYTES (the size in the zip header may lie)."""
        info = self._infos.get(part)
        if info is None or info.file_size > MAX_PART_BYTES:
            raise UnexpectedPackage(f"missing or huge part {part}")
        try:
            data = read_member(self._zip, info)
        except MEMBER_ERRORS as error:
            raise UnexpectedPackage(f"{part}: {error}") from None
        if data is None:
            raise UnexpectedPackage(f"huge part {part}")
        return data

    def xml(self, part: str) -> Any:
        """A part parsed without DTDs, entities or network; a DOCTYPE is never expected here."""
        data = self.read(part)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise UnexpectedPackage(f"DTD in {part}")
        if data.count(b"<") > MAX_XML_TAGS:
            raise UnexpectedPackage(f"too many tags in {part}")
        try:
            root = etree.fromstring(data, xml_parser())
        except (etree.XMLSyntaxError, ValueError) as error:
            raise UnexpectedPackage(f"{part}: {error}") from None
        if root.getroottree().docinfo.internalDTD is not None:  # e.g. a DTD in UTF-16 text
            raise UnexpectedPackage(f"DTD in {part}")
        return root

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, target part) of `part`'s relationships; none when it has no rels part."""
        if part not in self._rels:
            self._rels[part] = self._read_relationships(part)
        return self._rels[part]

    def _read_relationships(self, part: str) -> dict[str, tuple[str, str]]:
        path = rels_path(part)
        if not self.has(path):
            return {}
        found = {}
        for rel in self.xml(path).iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            found[rel.get("Id", "")] = (rel.get("Type", ""), resolve_target(part, rel.get("Target", "")))
        return found

    def sheet_cells(self, name: str) -> SheetCells:
        """The worksheet `name` parsed (once); UnexpectedPackage when it is absent or not as expected."""
        if name not in self.parsed_sheets:
            from gkdesk.io.xlsx.sheet_xml import parse_sheet

            parts = {entry.name: entry.part for entry in self.sheets}
            if name not in parts:
                raise UnexpectedPackage(f"no sheet {name}")
            try:
                root = self.xml(parts[name])
                self.parsed_sheets[name] = parse_sheet(name, root, self.shared_strings, self.date_styles)
            except FAST_ERRORS as error:
                raise UnexpectedPackage(f"{name}: {error}") from None
        return self.parsed_sheets[name]

    @cached_property
    def workbook_part(self) -> str:
        for rel in self.xml("_rels/.rels").iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return resolve_target("", rel.get("Target", ""))
        raise UnexpectedPackage("no workbook")

    @cached_property
    def sheets(self) -> list[SheetEntry]:
        """The worksheets in workbook order; any other kind of sheet is unexpected."""
        root = self.xml(self.workbook_part)
        if root.tag != q("workbook"):
            raise UnexpectedPackage("not a transitional SpreadsheetML workbook")
        rels = self.relationships(self.workbook_part)
        entries = []
        for sheet in root.iter(q("sheet")):
            kind, part = rels.get(sheet.get(f"{{{DOC_REL}}}id", ""), ("", ""))
            if kind != WORKSHEET_TYPE or not self.has(part):
                raise UnexpectedPackage(f"sheet {sheet.get('name')} is no worksheet part")
            entries.append(SheetEntry(sheet.get("name", ""), sheet.get("state", "visible"), part))
        if len({entry.name for entry in entries}) != len(entries):
            raise UnexpectedPackage("duplicate sheet names")
        return entries

    @cached_property
    def shared_strings(self) -> list[str]:
        """The shared string table as openpyxl reads it without rich text."""
        from gkdesk.io.xlsx.sheet_xml import string_content

        kinds = self.relationships(self.workbook_part).values()
        parts = [part for kind, part in kinds if kind.endswith("/sharedStrings")]
        if not parts:
            return []
        root = self.xml(parts[0])
        return [string_content(si).replace("x005F_", "") for si in root.iter(q("si"))]

    @cached_property
    def date_styles(self) -> frozenset[int]:
        """Indexes of cell formats whose number format is a date or time (openpyxl would give datetimes)."""
        kinds = self.relationships(self.workbook_part).values()
        parts = [part for kind, part in kinds if kind.endswith("/styles")]
        if not parts:
            return frozenset()
        root = self.xml(parts[0])
        custom = {int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(q("numFmt"))}
        found = set()
        cell_xfs = root.find(q("cellXfs"))
        for index, xf in enumerate(cell_xfs.iter(q("xf")) if cell_xfs is not None else ()):
            number = int(xf.get("numFmtId", "0"))
            code = custom.get(number, BUILTIN_FORMATS.get(number, "General"))
            if is_date_format(code):
                found.add(index)
        return frozenset(found)


def read_file_bytes(path: Path) -> bytes:
    """The whole file, refused beyond MAX_FILE_BYTES; read once and closed, so readers work from memory."""
    return read_bounded(path, MAX_FILE_BYTES, "报告文件")
