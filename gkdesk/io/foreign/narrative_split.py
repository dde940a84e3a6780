"""Split a document's paragraphs into title, opening and the six sections, by their headings.

Also reads organ and year from the title and the contact details from the opening paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gkdesk.io.foreign.furniture import is_footer, is_furniture
from gkdesk.io.foreign.labels import label_score, normalise_label
from gkdesk.io.foreign.titles import clean_organ, from_opening, parse_title, plausible_organ
from gkdesk.model import Contact, Paragraph
from gkdesk.spec import CURRENT_EDITION, EDITIONS, FormatSpec, Section, load_spec

_SUBHEADING_RE = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")
_MAX_HEADING_EXTRA = 12
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年")
_TITLE_SEARCH_LINES = 8  # a title below this many lines before the first heading is the opening's, not the title
# A detail runs to the next "；" or to the bracket that closes the details, keeping brackets of its own
# ("地址：某某县（东区）人民路1号；" is the whole address) and one left open ("某某县（东区人民路1号；").
_DETAIL = r"((?:[^；;（()）\n]|[（(][^（()）；;\n]*[）)]|[（(][^（()）；;\n]*)+)"
_CONTACT_PATTERNS = {
    "office": r"(?:可与|请与|联系单位[:：])\s*([^，,。（(]{2,40}?)\s*联系",
    "address": r"地址[:：]\s*" + _DETAIL,
    "phone": r"(?:联系)?电话[:：]\s*" + _DETAIL,
    "email": r"(?:电子)?(?:邮箱|信箱|邮件)[:：]\s*([^；;）)\s]+)",
}


@dataclass
class SplitText:
    title: str = ""
    organ: str = ""
    year: int | None = None
    opening: str = ""
    contact: Contact = field(default_factory=Contact)
    narratives: dict[str, list[Paragraph]] = field(default_factory=dict)
    headings_found: list[str] = field(default_factory=list)
    cited_edition: str | None = None  # an older edition whose notice the title or opening cites


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def heading_section(text: str, spec: FormatSpec) -> Section | None:
    """The section whose heading this paragraph is (number plus heading words, some slack)."""
    squashed = _squash(text)
    if not squashed or len(squashed) > 40:
        return None
    for section in spec.sections:
        if not squashed.startswith(section.number):
            continue
        words = section.heading.split("、", 1)[-1]
        rest = normalise_label(squashed[len(section.number) :])
        if len(rest) > len(normalise_label(words)) + _MAX_HEADING_EXTRA:
            continue
        if label_score(rest, words) >= 0.75 or normalise_label(words) in rest:
            return section
    return None


# A gap the standard opening leaves for a missing detail: "（联系地址）", "（地址）", "(电话)"
_PLACEHOLDER_RE = re.compile(r"[（(][^（()）]*[）)]?")


def parse_contact(opening: str) -> Contact:
    """Contact details named in an opening; a placeholder in brackets is no value."""
    found = {}
    for name, pattern in _CONTACT_PATTERNS.items():
        match = re.search(pattern, opening)
        value = match.group(1).strip() if match else ""
        found[name] = "" if _PLACEHOLDER_RE.fullmatch(value) else value
    return Contact(**found)


def _kind(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    if _SUBHEADING_RE.match(text) and len(text) <= 40 and "。" not in text[:-1]:
        return "subheading"
    return "body"


def split_text(paragraphs: list[Paragraph], spec: FormatSpec) -> SplitText:
    """Assign each non-empty paragraph to the title, the opening or the section whose heading precedes it.

    Lines of a portal page around the report (navigation, 字号/打印 bars, counters) are skipped; the site's
    footer after the last section ends the report.
    """
    result = SplitText()
    current: str | None = None
    before: list[str] = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text or is_furniture(text):
            continue
        section = heading_section(text, spec)
        if section is not None:
            current = section.key
            result.headings_found.append(section.key)
            result.narratives.setdefault(section.key, [])
            continue
        if current is None:
            before.append(text)
            continue
        if is_footer(text):
            break
        result.narratives[current].append(Paragraph(paragraph.runs, _kind(paragraph)))
    _title_and_opening(result, before)
    result.cited_edition = _cited_edition([_squash(line) for line in before])
    return result


def _find_title(before: list[str]) -> tuple[int, int, str, int | None]:
    """(first line, line count, organ, year) of the title among the first lines; count 0 when none names a year.

    A title may be split over lines (“某某县人民政府” / “2023年政府信息公开工作年度报告”): it starts at a
    line that names a year or an organ, never at a line of navigation or other page text.
    """
    for start in range(min(len(before), _TITLE_SEARCH_LINES)):
        if not _YEAR_RE.search(before[start]) and not plausible_organ(before[start]):
            continue
        for count in (1, 2, 3):
            lines = before[start : start + count]
            if any("根据" in line for line in lines) or len(lines) < count:
                break
            organ, year = parse_title("".join(lines))
            if year is None:
                continue
            following = before[start + count] if start + count < len(before) else ""
            if not organ and plausible_organ(following):  # “2022年…年度报告” / “某某镇人民政府”
                return start, count + 1, clean_organ(following), year
            return start, count, organ, year
    return 0, 0, "", None


def _cited_edition(lines: list[str]) -> str | None:
    cited = [edition for edition in EDITIONS if any(load_spec(edition).cites(line) for line in lines)]
    older = [edition for edition in cited if edition != CURRENT_EDITION]
    return older[0] if older else None


def _title_and_opening(result: SplitText, before: list[str]) -> None:
    start, count, organ, year = _find_title(before)
    if count == 0 and before and len(before[0]) <= 60:
        count = 1
    result.organ, result.year = organ, year
    result.title = "".join(before[start : start + count])
    result.opening = "\n".join(before[start + count :])
    result.contact = parse_contact(result.opening)
    if not result.organ or result.year is None:
        opening_organ, opening_year = from_opening(result.opening)
        result.organ = result.organ or opening_organ
        result.year = result.year if result.year is not None else opening_year
