"""Write a topic's paragraph from the report's figures, in the wording of the format definition. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from gkdesk.model import Report, Resolved, format_value
from gkdesk.model.values import Number
from gkdesk.spec import FormatSpec
from gkdesk.spec.drafts import PLACEHOLDER, DraftClause, DraftItem, DraftSentence, DraftTopic, fill

CLAUSE_SEPARATOR = "，"
ITEM_SEPARATOR = "、"
SENTENCE_END = "。"


@dataclass(frozen=True)
class DraftFigure:
    """Where the paragraph states a figure: text[start:end] is the number, the sum of `cells`."""

    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class DraftParagraph:
    """A topic's paragraph; empty `text` with `unfilled` naming the tables not filled in yet."""

    topic: DraftTopic
    text: str
    figures: tuple[DraftFigure, ...]
    unfilled: tuple[str, ...] = ()


def topic_cells(topic: DraftTopic) -> tuple[str, ...]:
    """Every cell the topic's wording reads."""
    cells: list[str] = []
    for sentence in topic.sentences:
        cells += sentence.if_any
        for clause in sentence.clauses:
            cells += clause.cells
            for item in clause.items:
                cells += item.cells
                for sub in item.items:
                    cells += sub.cells
    return tuple(dict.fromkeys(cells))


class _Writer:
    """Text with the positions of the numbers written into it."""

    def __init__(self) -> None:
        self.text = ""
        self.figures: list[DraftFigure] = []

    def write(self, template: str, values: dict[str, str], number: tuple[str, tuple[str, ...]] | None = None) -> None:
        """Append a template; `number` is the figure written at {n} and the cells it sums."""
        for piece_index, piece in enumerate(PLACEHOLDER.split(template)):
            if piece_index % 2 == 0:
                self.text += piece
            elif piece == "n" and number is not None:
                start = len(self.text)
                self.text += number[0]
                self.figures.append(DraftFigure(start, len(self.text), number[1]))
            else:
                self.text += values.get(piece, "{" + piece + "}")

    def append(self, other: _Writer) -> None:
        offset = len(self.text)
        self.text += other.text
        self.figures.extend(DraftFigure(f.start + offset, f.end + offset, f.cells) for f in other.figures)


class _Composer:
    def __init__(self, report: Report, spec: FormatSpec) -> None:
        self.resolved = Resolved(report, spec)
        self.filled = {key.split(".", 1)[0] for key in (*report.values, *report.declared)}
        self.names = draft_names(report)

    def unfilled_tables(self, topic: DraftTopic) -> tuple[str, ...]:
        """The tables the topic reads that hold no figure at all: a report not yet filled in states nothing."""
        tables = dict.fromkeys(cell.split(".", 1)[0] for cell in topic_cells(topic))
        return tuple(table for table in tables if table not in self.filled)

    def total(self, cells: tuple[str, ...]) -> Number:
        return sum((self.resolved.number(cell) for cell in cells), start=0)

    def figure(self, cells: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        return format_value(self.total(cells)), cells

    def paragraph(self, topic: DraftTopic) -> DraftParagraph:
        unfilled = self.unfilled_tables(topic)
        if unfilled:
            return DraftParagraph(topic, "", (), unfilled)
        out = _Writer()
        for sentence in topic.sentences:
            part = self.sentence(sentence)
            if part.text:
                out.append(part)
                out.text += SENTENCE_END
        return DraftParagraph(topic, out.text, tuple(out.figures))

    def sentence(self, sentence: DraftSentence) -> _Writer:
        out = _Writer()
        if sentence.if_any and not any(self.total((cell,)) for cell in sentence.if_any):
            out.write(sentence.none, self.names)
            return out
        for clause in sentence.clauses:
            part = self.clause(clause)
            if part.text:
                if out.text:
                    out.text += CLAUSE_SEPARATOR
                out.append(part)
        return out

    def clause(self, clause: DraftClause) -> _Writer:
        out = _Writer()
        total = self.total(clause.cells)
        if clause.items:
            if total:
                self.items(out, clause, clause.items, total, top=True)
        elif total:
            out.write(clause.text, self.names, self.figure(clause.cells))
        else:
            out.write(clause.zero, self.names)
        return out

    def items(self, out: _Writer, clause: DraftClause, items: tuple[DraftItem, ...], total: Number, top: bool) -> None:
        """`one` when a single non-zero item makes up the whole, else `many` listing each non-zero item."""
        one, single, many, item_template = (
            (clause.one, clause.single, clause.many, clause.item)
            if top
            else (clause.sub_one, clause.sub_single, clause.sub_many, clause.sub_item)
        )
        present = [item for item in items if self.total(item.cells)]
        if len(present) == 1 and one and self.total(present[0].cells) == total:
            only = present[0]
            if single and total == 1:
                one = single
            out.write(one, self.names | {"label": only.label}, self.figure(only.cells))
            if only.items and top:
                self.items(out, clause, only.items, self.total(only.cells), top=False)
            return
        listed = _Writer()
        for index, item in enumerate(present):
            if index:
                listed.text += ITEM_SEPARATOR
            listed.write(item_template, self.names | {"label": item.label}, self.figure(item.cells))
            if item.items and top:
                self.items(listed, clause, item.items, self.total(item.cells), top=False)
        head, _, tail = many.partition("{items}")
        out.write(head, self.names)
        out.append(listed)
        out.write(tail, self.names)


def draft_paragraphs(report: Report, section: str | None = None) -> list[DraftParagraph]:
    """The drafted paragraph of every topic (of one section when given), from the report's current figures."""
    spec = report.spec
    composer = _Composer(report, spec)
    return [composer.paragraph(topic) for topic in spec.drafts if section is None or topic.section == section]


def draft_names(report: Report) -> dict[str, str]:
    """What {year} and {organ} stand for in a draft ("本年", "本机关" while they are not filled in)."""
    return {"year": str(report.year) if report.year is not None else "本", "organ": report.organ or "本机关"}


def fill_names(template: str, report: Report) -> str:
    """A template's {year} and {organ} as the draft writes them."""
    return fill(template, draft_names(report))
