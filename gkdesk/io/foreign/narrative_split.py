"""Split a document's paragraphs into title, opening and the six sections, by their headings.

Also reads organ and year from the title and the contact details from the opening paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gkdesk.io.foreign.labels import label_score, normalise_label
from gkdesk.model import Contact, Paragraph
from gkdesk.spec import FormatSpec, Section

_TITLE_RE = re.compile(r"^(.*?)((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度)?报告")
_SUBHEADING_RE = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")
_MAX_HEADING_EXTRA = 12
_CONTACT_PATTERNS = {
    "office": r"(?:可与|请与|联系单位[:：])\s*([^，,。（(]{2,40}?)\s*联系",
    "address": r"地址[:：]\s*([^；;）)\n]+)",
    "phone": r"(?:联系)?电话[:：]\s*([^；;）)\n]+)",
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
    cites_2019: bool = False


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


def parse_title(text: str) -> tuple[str, int | None]:
    """(organ, year) from “{organ}{year}年政府信息公开工作年度报告”; blanks where absent."""
    match = _TITLE_RE.search(_squash(text))
    if match is None:
        return "", None
    return match.group(1).strip('《》〈〉"“”'), int(match.group(2))


def parse_contact(opening: str) -> Contact:
    found = {}
    for name, pattern in _CONTACT_PATTERNS.items():
        match = re.search(pattern, opening)
        found[name] = match.group(1).strip() if match else ""
    return Contact(**found)


def _kind(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    if _SUBHEADING_RE.match(text) and len(text) <= 40 and "。" not in text[:-1]:
        return "subheading"
    return "body"


def split_text(paragraphs: list[Paragraph], spec: FormatSpec) -> SplitText:
    """Assign each non-empty paragraph to the title, the opening or the section whose heading precedes it."""
    result = SplitText()
    current: str | None = None
    before: list[str] = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if not text:
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
        result.narratives[current].append(Paragraph(paragraph.runs, _kind(paragraph)))
    _title_and_opening(result, before)
    result.cites_2019 = any("2019〕60号" in _squash(t) or "2019]60号" in _squash(t) for t in before)
    return result


def _title_and_opening(result: SplitText, before: list[str]) -> None:
    title_lines = 0
    for count in (1, 2, 3):
        organ, year = parse_title("".join(before[:count]))
        if year is not None and not any("根据" in line for line in before[:count]):
            result.organ, result.year, title_lines = organ, year, count
            break
    if title_lines == 0 and before and len(before[0]) <= 60:
        title_lines = 1
    result.title = "".join(before[:title_lines])
    result.opening = "\n".join(before[title_lines:])
    result.contact = parse_contact(result.opening)
