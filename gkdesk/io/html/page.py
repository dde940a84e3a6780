"""The report inside a saved portal page: the article without the site around it.

Portals wrap the report in furniture: breadcrumbs (“您当前所在位置：首页 > …”), navigation, 字号/打印/
关闭 bars, share buttons, footers with the site's registration. These are removed by element (nav,
header, footer, script, forms, classes and ids that name them) and by line; the article is the smallest
element holding the report's section headings and tables, and its title the page's heading (<h1>,
a title element, or the <title>), never navigation text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

from gkdesk.io.foreign.furniture import is_footer, is_furniture, is_navigation
from gkdesk.io.foreign.narrative_split import heading_section
from gkdesk.io.foreign.table_match import affinity
from gkdesk.io.foreign.titles import parse_title
from gkdesk.io.html.blocks import Block, BlockWalker, is_layout_table, tag_of, tidy
from gkdesk.io.html.export import ORGAN_LEVEL_META
from gkdesk.model import Paragraph, Run
from gkdesk.spec import CURRENT_EDITION, EDITIONS, load_spec

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "nav",
    "aside",
    "select",
    "button",
    "input",
    "textarea",
    "svg",
    "object",
    "embed",
    "template",
    "map",
    "video",
    "audio",
    "canvas",
)
_FURNITURE_NAME_RE = re.compile(
    r"bread|crumb|(?:^|[-_\s])nav|menu|footer|(?:^|[-_\s])foot|bottom|share|print|fontsize|font-size|"
    r"toolbar|position|location|sidebar|dqwz|wzdh|mianbao|guide|topbar|copyright|banner|search|login",
    re.IGNORECASE,
)
_FURNITURE_TEXT_LIMIT = 400  # an element named like furniture holding more text than this is kept
_TITLE_SEPARATORS = re.compile(r"\s*[_|｜\-—–]+\s*")


@dataclass
class PageContent:
    title: str
    blocks: list[Block]
    organ_level: str = ""  # 机关层级 as gkdesk's own web page names it in its metadata


def parse_page(text: str) -> Any:
    """The page's element tree (lxml.html: tolerant, no network, comments and processing instructions dropped)."""
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    root = lxml_html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    return root


def _furniture_name(element: Any) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE_NAME_RE.search(names))


def _holds_content(element: Any) -> bool:
    if any(tag_of(inner) in ("table", "h1") for inner in element.iter()):
        return True
    return len(tidy(element.text_content())) > _FURNITURE_TEXT_LIMIT


def remove_furniture(root: Any) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in list(root.iter(etree.Element)):
        if element.getparent() is None or tag_of(element) in ("html", "body"):
            continue
        tag = tag_of(element)
        if (tag in ("header", "footer") or _furniture_name(element)) and not _holds_content(element):
            element.drop_tree()


def _is_report_table(table: Any) -> bool:
    if is_layout_table(table):
        return False
    texts = [tidy(cell.text_content()) for cell in table.iter("td", "th")][:80]
    return any(
        affinity(edition, key, text) > 0 for text in texts for edition in EDITIONS for key in load_spec(edition).tables
    )


_HEADING_RAW_CHARS = 400  # a heading is at most 40 characters; allow the white space of indented markup


def _heading_elements(root: Any) -> list[Any]:
    spec = load_spec(CURRENT_EDITION)
    found = []
    for element in root.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "li", "td"):
        raw = element.text_content()
        if len(raw) > _HEADING_RAW_CHARS:  # a container of much text is no heading (and tidying it is slow)
            continue
        text = tidy(raw)
        if 2 < len(text) <= 40 and heading_section(text, spec) is not None:
            found.append(element)
    return found


def _common_ancestor(elements: list[Any]) -> Any | None:
    if not elements:
        return None
    chains = [[element, *element.iterancestors()] for element in elements]
    shared = set(map(id, chains[0]))
    for chain in chains[1:]:
        shared &= set(map(id, chain))
    return next((element for element in chains[0] if id(element) in shared), None)


def _article(root: Any) -> Any:
    body = root.find("body")
    body = body if body is not None else root
    anchors = [table for table in body.iter("table") if _is_report_table(table)] + _heading_elements(body)
    article = _common_ancestor(anchors)
    if article is None:
        return body
    while tag_of(article) in ("table", "tr", "td", "th", "tbody", "p", "span", "strong", "b", "h1", "h2", "h3"):
        parent = article.getparent()
        if parent is None:
            break
        article = parent
    return article


def _title_candidates(root: Any) -> list[str]:
    candidates = [tidy(element.text_content()) for element in root.iter("h1", "h2", "h3")]
    for element in root.iter(etree.Element):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if "title" in names.lower() or "biaoti" in names.lower():
            candidates.append(tidy(element.text_content()))
    title = root.find(".//title")
    if title is not None:
        candidates += _TITLE_SEPARATORS.split(tidy(title.text_content()))
    return [text for text in candidates if 6 <= len(text) <= 80 and not is_navigation(text)]


def page_title(root: Any) -> str:
    """The report's title: the first heading or title text that names a year's 信息公开…报告."""
    candidates = _title_candidates(root)
    return next((text for text in candidates if parse_title(text)[1] is not None), "")


def _is_furniture_line(block: Block) -> bool:
    return isinstance(block, Paragraph) and is_furniture(block.text)


def _cut_footer(blocks: list[Block]) -> list[Block]:
    spec = load_spec(CURRENT_EDITION)
    last_heading = max(
        (i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and heading_section(b.text, spec)), default=-1
    )
    for index in range(last_heading + 1, len(blocks)):
        block = blocks[index]
        if isinstance(block, Paragraph) and is_footer(block.text):
            return blocks[:index]
    return blocks


def page_content(text: str) -> PageContent:
    """The article's blocks, the title first (taken from the page when the article does not start with it)."""
    root = parse_page(text)
    organ_level = _meta(root, ORGAN_LEVEL_META)
    remove_furniture(root)
    title = page_title(root)
    article = _article(root)
    blocks = [block for block in BlockWalker().blocks(article) if not _is_furniture_line(block)]
    blocks = _cut_footer(blocks)
    if title:
        first_title = next(
            (
                i
                for i, b in enumerate(blocks[:12])
                if isinstance(b, Paragraph) and len(b.text) <= 80 and parse_title(b.text)[1] is not None
            ),
            None,
        )
        if first_title is not None:
            blocks = blocks[first_title:]
        else:
            blocks.insert(0, Paragraph((Run(title),)))
    return PageContent(title, blocks, organ_level)


def _meta(root: Any, name: str) -> str:
    for element in root.iter("meta"):
        if (element.get("name") or "").strip().lower() == name:
            return (element.get("content") or "").strip()[:40]
    return ""
