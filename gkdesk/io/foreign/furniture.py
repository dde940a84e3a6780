"""Lines that belong to a portal page around a report, not to the report: navigation, breadcrumbs,
字号/打印/关闭 bars, share buttons, view counters, and the site footer.

A report copied from a portal into Word or Excel keeps them as ordinary paragraphs; saved pages keep
them as elements. Either way they are never the title, the opening or a section's text.
"""

from __future__ import annotations

import re

_FURNITURE_LINE_RE = re.compile(
    r"^\s*(?:您?(?:当前|现在)?(?:所在)?的?位置|当前位置|首页\s*[>＞»›]|【?\s*字[号体]\s*[:：]|打印(?:本页|此页)?$|"
    r"关闭(?:窗口|本页)?$|【?\s*(?:打印|关闭|收藏|分享)|分享到|扫一扫|浏览次数|阅读次数|点击数|访问量|"
    r"(?:信息)?来源\s*[:：].{0,40}(?:发布|时间|日期)|发布(?:时间|日期)\s*[:：]\s*\d|索引号\s*[:：]|"
    r"关怀版|无障碍|长者模式|繁体版?|简体版?|English$|上一篇|下一篇|相关(?:链接|阅读|文章)|返回顶部|"
    r"首页\s+\S{2,6}\s+\S{2,6})"
)
_NAVIGATION_MARK_RE = re.compile(r"[>＞»›]\s*\S")
_FOOTER_LINE_RE = re.compile(r"^\s*(?:主办单位|承办单位|版权所有|技术支持|网站地图|联系我们)|ICP备|网站标识码|公网安备")
MAX_FURNITURE_CHARS = 200  # a line longer than this is text, whatever words it contains


def is_furniture(line: str) -> bool:
    """A navigation, tool-bar or counter line of a portal page."""
    text = line.strip()
    return len(text) <= MAX_FURNITURE_CHARS and bool(_FURNITURE_LINE_RE.search(text))


def is_navigation(text: str) -> bool:
    """Text holding a breadcrumb trail (首页 > 政务公开 > …): never a title or an organ's name."""
    return bool(_NAVIGATION_MARK_RE.search(text)) or is_furniture(text)


def is_footer(line: str) -> bool:
    """A line of the site's footer (主办单位、网站标识码、ICP备…): the report has ended above it."""
    text = line.strip()
    return len(text) <= MAX_FURNITURE_CHARS and bool(_FOOTER_LINE_RE.search(text))
