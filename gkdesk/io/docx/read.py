"""Read a .docx report: gkdesk's own export from its embedded data, anything else by its labels.

`read_docx(path) -> ImportResult`, the reader registered in gkdesk.io.open.READERS, opens the package once and
never lets an exception other than ReportFileError escape.
"""

from __future__ import annotations

from pathlib import Path

from gkdesk.io.docx.body import Block, read_body
from gkdesk.io.docx.comments import read_docx_comments
from gkdesk.io.docx.own import read_own_package
from gkdesk.io.docx.runs import keep_visible_bold
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.foreign.assemble import read_document_blocks
from gkdesk.io.import_result import ImportResult
from gkdesk.io.own.read import own_or_foreign, reading
from gkdesk.model.comments import merge_comments


def read_foreign_docx(blocks: list[Block], name: str) -> ImportResult:
    """Read a report typed by hand in Word or WPS: tables by their labels, sections by their headings."""
    return read_document_blocks(blocks, name)


def read_docx(path: Path | str) -> ImportResult:
    """Read any .docx report, its package opened once; a damaged or non-report file raises ReportFileError."""
    path = Path(path)
    with reading(path):
        package = Package(path, ".docx")
        blocks = read_body(package)
        result = own_or_foreign(lambda: read_own_package(package, blocks), lambda: read_foreign_docx(blocks, path.name))
        keep_visible_bold(blocks, result)
        merge_comments(result.report, read_docx_comments(package, result.report, own=result.kind == "own"))
        return result
