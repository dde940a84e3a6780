"""The organ and the year of a report, from its title in every usual order, its opening, or a file name.

Titles as published: “XX局2023年政府信息公开工作年度报告”, “2023年XX局政府信息公开工作年度报告”,
“XX局关于2023年度政府信息公开工作的报告”, “政府信息公开工作年度报告（2023年）”; the opening's
“现发布《…》” and “统计期限为2023年1月1日至…” say the same. Navigation text never gives them.
"""

from __future__ import annotations

import re
import unicodedata

from gkdesk.io.foreign.furniture import is_navigation

_REPORT = r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:的)?(?:年度)?(?:报告|年报)"
_YEAR = r"((?:19|20)\d{2})\s*年度?"
_TITLE_RE = re.compile(rf"^(.*?)(?:关于)?{_YEAR}(.*?){_REPORT}")
_YEAR_AFTER_RE = re.compile(rf"^(.*?){_REPORT}[（(]{_YEAR}[）)]")
_QUOTED_TITLE_RE = re.compile(r"《([^《》]{4,80}?(?:报告|年报))》")
_PERIOD_RE = re.compile(r"统计(?:期限|时限|时间|区间|范围)[^。；]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_COMPILED_BY_RE = re.compile(r"本(?:年度)?报告由([^，。；,]{2,40}?)(?:编制|制作|发布|负责)")
_ORGAN_END = (
    "局",
    "委",
    "办",
    "厅",
    "府",
    "室",
    "镇",
    "乡",
    "街道",
    "处",
    "会",
    "院",
    "所",
    "中心",
    "站",
    "队",
    "部",
    "署",
    "县",
    "市",
    "区",
    "旗",
    "馆",
    "社",
    "司",
    "行",
    "团",
    "场",
)
_NOT_ORGAN = ("政务公开", "暨", "工作", "年度")
_QUOTES = "《》〈〉\"“”'「」"


def squash(text: str) -> str:
    """Width folded, white space removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def clean_organ(text: str) -> str:
    """An organ's name without quotes, punctuation and a trailing 关于/的 (“某某局关于” → “某某局”)."""
    organ = text.strip(_QUOTES + "，,：:、 ")
    for tail in ("关于", "的"):
        organ = organ.removesuffix(tail)
    return organ.strip(_QUOTES)


def plausible_organ(text: str) -> bool:
    """Text that ends like an organ's name (…局, …委员会, …镇人民政府) and is no report wording."""
    text = clean_organ(squash(text))
    return bool(text) and len(text) <= 40 and text.endswith(_ORGAN_END) and not any(word in text for word in _NOT_ORGAN)


def parse_title(text: str) -> tuple[str, int | None]:
    """(organ, year) from a title in any usual order; blanks where absent. Navigation text gives nothing."""
    if is_navigation(text):
        return "", None
    squashed = squash(text)
    match = _TITLE_RE.search(squashed)
    if match is not None:
        before, year, between = clean_organ(match.group(1)), int(match.group(2)), clean_organ(match.group(3))
        if before and not before.startswith("根据"):
            return before, year
        return (between if plausible_organ(between) else ""), year
    after = _YEAR_AFTER_RE.search(squashed)
    if after is not None:
        return clean_organ(after.group(1)), int(after.group(2))
    return "", None


def from_opening(opening: str) -> tuple[str, int | None]:
    """(organ, year) the opening paragraph states: the quoted report title, the statistics period, the author."""
    organ, year = "", None
    quoted = _QUOTED_TITLE_RE.search(squash(opening))
    if quoted is not None:
        organ, year = parse_title(quoted.group(1))
    if year is None and (period := _PERIOD_RE.search(squash(opening))) is not None:
        year = int(period.group(1))
    if not organ and (author := _COMPILED_BY_RE.search(squash(opening))) is not None:
        organ = clean_organ(author.group(1)) if plausible_organ(author.group(1)) else ""
    return organ, year
