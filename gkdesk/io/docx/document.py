"""The whole report as a python-docx Document: page, title, opening, six sections with their tables."""

from __future__ import annotations

from datetime import datetime

import docx
from docx.document import Document

from gkdesk.io.docx.comments import add_docx_comments
from gkdesk.io.docx.custom_xml import embed_payload
from gkdesk.io.docx.fonts import set_default_fonts
from gkdesk.io.docx.page import set_up_page
from gkdesk.io.docx.paragraphs import body_xml, gap_xml, heading_xml, title_xml
from gkdesk.io.docx.tables import table_xml
from gkdesk.io.docx.wml import append_body
from gkdesk.io.own.embedded import build_payload
from gkdesk.model import Report, Resolved, Run
from gkdesk.model.opening import opening_text


def build_document(report: Report, now: datetime | None = None) -> Document:
    document = docx.Document()
    _clear_body(document)
    set_default_fonts(document)
    set_up_page(document)
    _properties(document, report, now or datetime.now())
    spec = report.spec
    resolved = Resolved(report)
    parts = [title_xml(report.title), body_xml(_plain(opening_text(report)))]
    for section in spec.sections:
        parts.append(heading_xml(section.heading, 1))
        for paragraph in report.paragraphs(section.key):
            if paragraph.kind == "subheading":
                parts.append(heading_xml(paragraph.text, 2))
            else:
                parts.append(body_xml(paragraph.runs))
        if section.table is not None:
            parts += [table_xml(spec.tables[section.table], resolved), gap_xml()]
    append_body(document, parts)
    add_docx_comments(document, report)  # review comments (批注) as Word comments: gkdesk.io.docx.comments
    embed_payload(document, build_payload(report))
    return document


def _plain(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


# Word's document properties hold at most 255 characters; the full text is in the document and its embedded data.
PROPERTY_CHARS = 255


def property_text(text: str) -> str:
    """`text` as a document property: shortened with “…” when longer than a property can hold."""
    return text if len(text) <= PROPERTY_CHARS else text[: PROPERTY_CHARS - 1] + "…"


def _properties(document: Document, report: Report, now: datetime) -> None:
    properties = document.core_properties
    properties.title = property_text(report.title)
    properties.author = property_text(report.organ)
    properties.last_modified_by = property_text(report.organ)
    properties.created = now
    properties.modified = now
    properties.revision = 1
    properties.language = "zh-CN"
    properties.subject = "政府信息公开工作年度报告"
    properties.comments = "由 gkdesk 生成；内嵌报告数据，可用 gkdesk 重新打开。"
