"""Places in a report (cells, rows, paragraphs, sections, fields) as values, and the report's paragraphs with theirs.

The place types belong to the format definition (`gkdesk.spec.places`), which parses and describes them; this
module adds what needs a report."""

from __future__ import annotations

from collections.abc import Iterator

from gkdesk.model.report import Paragraph, Report
from gkdesk.spec.places import CellRef, FieldRef, ParagraphRef, Place, RowRef, SectionRef

__all__ = ["CellRef", "FieldRef", "ParagraphRef", "Place", "RowRef", "SectionRef", "paragraph_refs"]


def paragraph_refs(report: Report) -> Iterator[tuple[ParagraphRef, Paragraph]]:
    """Every narrative paragraph with its place, in section order, numbered from 1 within its section."""
    for section in report.spec.sections:
        for index, paragraph in enumerate(report.paragraphs(section.key)):
            yield ParagraphRef(section.key, index + 1), paragraph
