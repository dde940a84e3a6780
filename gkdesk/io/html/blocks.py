"""A parsed web page as the blocks the label reader takes: paragraphs (with bold runs) and tables as grids.

Block elements (p, div, h1–h6, li, …) and <br> end a paragraph; a table without tables inside is a
data table and becomes a grid (rowspan/colspan share their origin, as merged cells do in Word); a table
holding tables, or one long text in a cell, is page layout and is walked like a container.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gkdesk.io.foreign.filegrid import MAX_GRID_COLS, MAX_GRID_ROWS, FileCell, FileGrid, pad
from gkdesk.model import Paragraph, Run

Block = Paragraph | FileGrid

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "blockquote",
        "pre",
        "center",
        "address",
        "main",
        "figure",
        "figcaption",
        "caption",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "hr",
        "form",
        "fieldset",
    ]
)
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_SPACE_RE = re.compile(r"[ \t\r\n\f\v\xa0]+")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break in the page's source between two Chinese characters shows as nothing; a typed space shows.
_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK}])[ \t\f\v\xa0]*[\r\n][ \t\r\n\f\v\xa0]*(?=[{_CJK}])")
_LAYOUT_CELL_CHARS = 300  # a cell holding this much text is an article laid out in a table, not a figure
MAX_SPAN = 1000


def tag_of(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def tidy(text: str) -> str:
    """HTML white space as a browser shows it: runs folded to one space, a line break between Chinese
    characters none."""
    return _SPACE_RE.sub(" ", _CJK_BREAK_RE.sub("", text)).strip()


def _is_bold(element: Any) -> bool:
    return tag_of(element) in _BOLD_TAGS or bool(_BOLD_STYLE_RE.search(element.get("style") or ""))


class _ParagraphBuilder:
    """Collects inline text (with its weight) until a block boundary."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, bool]] = []

    def add(self, text: str | None, bold: bool) -> None:
        if text:
            self.pieces.append((text, bold))

    def flush(self) -> Paragraph | None:
        pieces, self.pieces = self.pieces, []
        runs: list[Run] = []
        for text, bold in pieces:
            if runs and runs[-1].bold == bold:
                runs[-1] = Run(runs[-1].text + text, bold)
            else:
                runs.append(Run(text, bold))
        whole = tidy("".join(run.text for run in runs))
        if not whole:
            return None
        if len(runs) == 1 or not any(run.bold for run in runs):
            return Paragraph((Run(whole, runs[0].bold if len(runs) == 1 else False),))
        return _tidy_runs(runs)


def _tidy_runs(runs: list[Run]) -> Paragraph:
    tidied = [Run(_SPACE_RE.sub(" ", _CJK_BREAK_RE.sub("", run.text)), run.bold) for run in runs]
    tidied[0] = Run(tidied[0].text.lstrip(), tidied[0].bold)
    tidied[-1] = Run(tidied[-1].text.rstrip(), tidied[-1].bold)
    return Paragraph(tuple(run for run in tidied if run.text))


def _own_rows(table: Any) -> Iterator[Any]:
    """The table's rows, not those of tables nested in it."""
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if tag_of(row) == "tr")


def _own_cells(row: Any) -> list[Any]:
    return [cell for cell in row if tag_of(cell) in ("td", "th")]


def _span(cell: Any, name: str) -> int:
    raw = (cell.get(name) or "1").strip()
    digits = re.match(r"\d+", raw)
    return max(1, min(int(digits.group(0)) if digits else 1, MAX_SPAN))


def cell_text(cell: Any) -> str:
    """The cell's text, one line per paragraph or <br> (a data table holds no tables)."""
    return "\n".join(block.text for block in BlockWalker().blocks(cell) if isinstance(block, Paragraph))


def is_layout_table(table: Any) -> bool:
    """A table used to lay out the page: it holds tables, or an article's worth of text in one cell."""
    if any(tag_of(inner) == "table" for inner in table.iterdescendants()):
        return True
    return any(
        len(tidy(cell.text_content())) > _LAYOUT_CELL_CHARS for row in _own_rows(table) for cell in _own_cells(row)
    )


def table_grid(table: Any, source: str) -> FileGrid:
    """A data table as a grid; a cell spanning rows or columns fills each position with one FileCell."""
    grid: dict[tuple[int, int], FileCell] = {}
    rows = list(_own_rows(table))[:MAX_GRID_ROWS]
    for r, row in enumerate(rows):
        col = 0
        for cell in _own_cells(row):
            while (r, col) in grid:
                col += 1
            if col >= MAX_GRID_COLS:
                break
            origin = FileCell(cell_text(cell), (r, col))
            rowspan = min(_span(cell, "rowspan"), len(rows) - r)
            colspan = min(_span(cell, "colspan"), MAX_GRID_COLS - col)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, col + dc), origin)
            col += colspan
    width = max((c + 1 for _, c in grid), default=0)
    matrix = [[grid.get((r, c), FileCell("", (r, c))) for c in range(width)] for r in range(len(rows))]
    return FileGrid(source, pad(matrix))


class BlockWalker:
    """Walks an element tree in reading order and yields its blocks."""

    def __init__(self) -> None:
        self.tables = 0
        self._builder = _ParagraphBuilder()

    def blocks(self, root: Any) -> list[Block]:
        found = list(self._walk(root, False))
        if (last := self._builder.flush()) is not None:
            found.append(last)
        return found

    def _walk(self, element: Any, bold: bool) -> Iterator[Block]:
        tag = tag_of(element)
        if tag == "table" and not is_layout_table(element):
            yield from self._flush()
            self.tables += 1
            yield table_grid(element, f"第{self.tables}个表格")
            return
        bold = bold or _is_bold(element)
        self._builder.add(element.text, bold)
        for child in element:
            child_tag = tag_of(child)
            ends_paragraph = child_tag == "br" or child_tag in BLOCK_TAGS
            if ends_paragraph:
                yield from self._flush()
            if child_tag and child_tag != "br":
                yield from self._walk(child, bold)
                if ends_paragraph:
                    yield from self._flush()
            self._builder.add(child.tail, bold)

    def _flush(self) -> Iterator[Paragraph]:
        if (paragraph := self._builder.flush()) is not None:
            yield paragraph
