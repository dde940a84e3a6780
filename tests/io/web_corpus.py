"""Saved portal pages of annual reports, built in test code in the ways real published pages come.

Modelled on reports published by townships, county departments, district offices and a provincial
office (2019–2025, both formats): the figures are consistent like real reports, and the pages carry what
portals put around and into them — breadcrumbs, 字号/打印 bars, footers, GBK encoding, rowspan/colspan,
<th>, nested <p>/<span>, &nbsp;, full-width digits, split tables, labels with notes and cut-short headers.
Everything here is written for the tests; no page text is copied.
"""

from __future__ import annotations

import base64
import quopri
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from pathlib import Path

from gkdesk.model import CellValue, Report, Resolved
from gkdesk.spec import GridCell, build_layout, load_spec

FULL_DIGITS = str.maketrans("0123456789.", "０１２３４５６７８９．")
HALF = str.maketrans({"（": "(", "）": ")", "“": '"', "”": '"', "，": ",", "：": ":"})


@dataclass
class Profile:
    """One office's report: who, which year, which table layout, its non-zero input figures."""

    organ: str
    year: int
    edition: str
    figures: dict[str, CellValue]
    contact: str = "（地址：某某路1号；联系电话：0000-1234567；电子邮箱：gk@example.cn）"

    def report(self) -> Report:
        spec = load_spec(self.edition)
        report = Report.new(self.year, self.organ)
        report.edition = self.edition
        for cell in spec.input_cells:
            report.values[cell.key] = self.figures.get(cell.key, 0)
        return report

    def inputs(self) -> dict[str, CellValue]:
        return dict(self.report().values)

    def totals(self) -> dict[str, CellValue]:
        report = self.report()
        resolved = Resolved(report)
        return {cell.key: resolved.number(cell.key) for cell in report.spec.cells.values() if cell.derived}

    def shown(self) -> dict[str, CellValue]:
        return {**self.inputs(), **self.totals()}


def _requests(rows: dict[str, dict[str, int]]) -> dict[str, CellValue]:
    return {f"requests.{row}.{column}": value for row, columns in rows.items() for column, value in columns.items()}


TOWNSHIP_2022 = Profile(
    "青石镇人民政府",
    2022,
    "2021",
    {"proactive.normative_doc.issued": 2, "proactive.normative_doc.in_force": 2, "proactive.penalty.decisions": 9},
)
COUNTY_DEPT_2023 = Profile(
    "某某县卫生健康委员会",
    2023,
    "2021",
    {
        "proactive.normative_doc.issued": 3,
        "proactive.normative_doc.repealed": 1,
        "proactive.normative_doc.in_force": 12,
        "proactive.license.decisions": 486,
        "proactive.penalty.decisions": 37,
        "proactive.fee.amount_wan": Decimal("1.25"),
        **_requests(
            {
                "new": {"natural": 12, "commercial": 2},
                "carried_over": {"natural": 1},
                "granted": {"natural": 8, "commercial": 1},
                "partial": {"natural": 1},
                "unable_1": {"natural": 3, "commercial": 1},
                "carried_forward": {"natural": 1},
            }
        ),
        "appeals.reconsideration.upheld": 1,
    },
)
DISTRICT_2024 = Profile(
    "某某区人民政府办公室",
    2024,
    "2021",
    {
        "proactive.normative_doc.issued": 5,
        "proactive.normative_doc.repealed": 1,
        "proactive.normative_doc.in_force": 25,
        **_requests(
            {
                "new": {"natural": 58, "commercial": 7, "legal": 1},
                "carried_over": {"natural": 2},
                "granted": {"natural": 2, "commercial": 1},
                "partial": {"natural": 16, "commercial": 1},
                "denied_5": {"natural": 1},
                "unable_1": {"natural": 30, "commercial": 4, "legal": 1},
                "not_processed_2": {"natural": 3},
                "other_3": {"natural": 4, "commercial": 1},
                "carried_forward": {"natural": 4},
            }
        ),
        "appeals.reconsideration.upheld": 2,
        "appeals.reconsideration.corrected": 1,
        "appeals.litigation_direct.upheld": 1,
    },
)
PROVINCE_OFFICE_2019 = Profile(
    "某某省人民政府办公厅",
    2019,
    "2019",
    {
        "proactive.regulation.made": 12,
        "proactive.regulation.published": 12,
        "proactive.regulation.total_public": 170,
        "proactive.normative_doc.made": 43,
        "proactive.normative_doc.published": 43,
        "proactive.normative_doc.total_public": 512,
        **_requests(
            {
                "new": {"natural": 310, "commercial": 20, "research": 2, "legal": 5},
                "carried_over": {"natural": 13},
                "granted": {"natural": 150, "commercial": 10},
                "partial": {"natural": 110, "commercial": 5},
                "unable_1": {"natural": 40, "commercial": 3, "legal": 2},
                "unable_2": {"natural": 5},
                "not_processed_2": {"natural": 8},
                "other": {"natural": 3, "research": 2, "legal": 3},
                "carried_forward": {"natural": 7, "commercial": 2},
            }
        ),
        "appeals.reconsideration.upheld": 4,
        "appeals.reconsideration.pending": 1,
        "appeals.litigation_direct.upheld": 2,
    },
)
TOWNSHIP_2022_OLD_LAYOUT = Profile(
    "白水镇人民政府",
    2022,
    "2019",
    {
        "proactive.normative_doc.made": 1,
        "proactive.normative_doc.published": 1,
        "proactive.normative_doc.total_public": 4,
        "proactive.penalty.decisions": 6,
        **_requests({"new": {"natural": 2}, "granted": {"natural": 1}, "unable_1": {"natural": 1}}),
    },
)


@dataclass
class Page:
    """How the page around the report looks and how its tables are typed."""

    encoding: str = "utf-8"  # "utf-8", "gbk", "utf-8-sig"
    declare_charset: bool = True
    furniture: bool = True  # breadcrumbs, 字号/打印 bar, share, footer
    breadcrumb_before_title: bool = False
    title_in: str = "h1"  # "h1", "title" (only in <title>), "paragraph" (a <p> in the article)
    th_headers: bool = False
    nested_markup: bool = False  # <p><span>…</span></p> in cells, &nbsp; padding
    fullwidth_digits: bool = False
    halfwidth_labels: bool = False
    split_requests_at: int | None = None
    layout_table: bool = False  # the whole article inside a one-cell layout table
    word_html: bool = False  # Word's “save as web page” markup
    label_overrides: dict[str, str] = field(default_factory=dict)  # official label → label as typed
    blank_values: set[str] = field(default_factory=set)  # cell keys typed as empty cells
    narrative: dict[str, list[str]] = field(default_factory=dict)  # section key → paragraphs (default: figures)


def default_narrative(profile: Profile) -> dict[str, list[str]]:
    shown = profile.shown()
    new = shown.get("requests.new.total", 0)
    granted = shown.get("requests.granted.total", 0)
    partial = shown.get("requests.partial.total", 0)
    unable = sum(int(shown.get(f"requests.unable_{i}.total", 0) or 0) for i in range(1, 4))
    recon = shown.get("appeals.reconsideration.total", 0)
    return {
        "overview": [
            "（一）主动公开",
            f"{profile.year}年，依托门户网站和政务新媒体主动公开政府信息，及时更新公开目录。",
            "（二）依申请公开",
            f"全年共收到政府信息公开申请{new}件，其中予以公开及部分公开{int(granted or 0) + int(partial or 0)}件，"
            f"无法提供{unable}件。",
        ],
        "problems": ["公开内容的及时性有待提高。下一步将加强培训，完善审核发布机制。"],
        "other": [f"本年度未收取信息处理费。全年发生政府信息公开行政复议{recon}件。"],
    }


def _label(text: str, page: Page) -> str:
    text = page.label_overrides.get(text, text)
    return text.translate(HALF) if page.halfwidth_labels else text


def _cell_html(cell: GridCell, page: Page, shown: dict[str, CellValue], header: bool) -> str:
    if cell.kind == "value":
        assert cell.cell_key is not None
        text = "" if cell.cell_key in page.blank_values else str(shown[cell.cell_key])
        if page.fullwidth_digits:
            text = text.translate(FULL_DIGITS)
    else:
        text = _label(cell.text, page)
    body = escape(text)
    if page.nested_markup:
        body = f'<p style="text-align:center"><span style="font-size:12pt">&nbsp;{body}&nbsp;</span></p>'
    if page.word_html:
        body = f'<p class=MsoNormal align=center><span style="font-family:宋体">{body}<o:p></o:p></span></p>'
    tag = "th" if header and page.th_headers else "td"
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f" colspan={cell.colspan}"
    return f"<{tag}{spans}>{body}</{tag}>"


def _table_html(
    cells: list[GridCell], top: int, bottom: int, page: Page, shown: dict[str, CellValue], header_rows: tuple[int, ...]
) -> str:
    rows = []
    for r in range(top, bottom):
        row_cells = sorted((c for c in cells if c.row == r), key=lambda c: c.col)
        inner = "".join(_cell_html(c, page, shown, r in header_rows) for c in row_cells)
        rows.append(f"<tr>{inner}</tr>")
    return '<table border="1" cellspacing="0" style="border-collapse:collapse">' + "".join(rows) + "</table>"


def _tables_html(table_key: str, profile: Profile, page: Page) -> str:
    table = load_spec(profile.edition).tables[table_key]
    layout = build_layout(table)
    shown = profile.shown()
    split = page.split_requests_at if table_key == "requests" else None
    if split is None:
        return _table_html(list(layout.cells), 0, layout.n_rows, page, shown, layout.header_rows)
    head = [c for c in layout.cells if c.row < split]
    head = [
        GridCell(c.row, c.col, min(c.rowspan, split - c.row), c.colspan, c.kind, c.text, c.cell_key, c.row_key)
        for c in head
    ]
    carried = [
        GridCell(split, c.col, c.row + c.rowspan - split, c.colspan, c.kind, c.text, c.cell_key, c.row_key)
        for c in layout.cells
        if c.row < split < c.row + c.rowspan
    ]
    tail = carried + [c for c in layout.cells if c.row >= split]
    return (
        _table_html(head, 0, split, page, shown, layout.header_rows)
        + "<p>&nbsp;</p>"
        + _table_html(tail, split, layout.n_rows, page, shown, layout.header_rows)
    )


def _p(text: str, page: Page) -> str:
    if page.word_html:
        return f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>{escape(text)}</span></p>"
    return f"<p>{escape(text)}</p>"


def article_html(profile: Profile, page: Page) -> str:
    spec = load_spec(profile.edition)
    title = f"{profile.organ}{profile.year}年政府信息公开工作年度报告"
    narrative = page.narrative or default_narrative(profile)
    parts = []
    if page.title_in == "paragraph":
        parts.append(f'<p style="text-align:center"><strong>{escape(title)}</strong></p>')
    parts.append(
        _p(
            f"根据《中华人民共和国政府信息公开条例》要求，现发布本报告，报告所列数据的统计时限为{profile.year}年1月1日至12月31日。"
            f"如有疑问请与{profile.organ}办公室联系{profile.contact}。",
            page,
        )
    )
    for section in spec.sections:
        parts.append(f"<p><strong>{escape(_label(section.heading, page))}</strong></p>")
        for text in narrative.get(section.key, []):
            parts.append(_p(text, page))
        if section.table is not None:
            parts.append(_tables_html(section.table, profile, page))
    body = "\n".join(parts)
    if page.layout_table:
        body = f'<table width="100%"><tr><td class="content">{body}</td></tr></table>'
    return body


def page_html(profile: Profile, page: Page) -> str:
    title = f"{profile.organ}{profile.year}年政府信息公开工作年度报告"
    charset = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "gbk": "gb2312"}[page.encoding]
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if page.declare_charset else ""
    head_title = f"{title}_{profile.organ}" if page.title_in != "paragraph" else f"政府信息公开_{profile.organ}门户网站"
    crumbs = (
        '<div class="position">您当前所在位置：<a href="#">首页</a> &gt; <a href="#">政府信息公开</a> &gt; '
        f'<a href="#">年度报告</a> &gt; {escape(profile.organ)}</div>'
    )
    heading = f'<div class="title"><h1>{escape(title)}</h1></div>' if page.title_in == "h1" else ""
    furniture_top = ""
    furniture_bottom = ""
    if page.furniture:
        furniture_top = (
            '<div class="top-bar">关怀版 无障碍 繁体版</div>'
            '<ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li>互动交流</li></ul>'
            + (crumbs if not page.breadcrumb_before_title else "")
            + '<div class="info">信息来源：办公室　发布时间：2023-01-20 09:30　浏览次数：125</div>'
            '<div class="tools">【字号：大 中 小】【打印】【关闭】</div>'
        )
        furniture_bottom = (
            '<div class="share">分享到：微信 微博</div>'
            '<div class="footer"><p>主办单位：某某县人民政府办公室　网站标识码：0000000000</p>'
            "<p>ICP备00000000号</p></div>"
        )
    before_title = crumbs if page.breadcrumb_before_title else ""
    word_ns = ' xmlns:o="urn:schemas-microsoft-com:office:office"' if page.word_html else ""
    return (
        f"<!DOCTYPE html><html{word_ns}><head>{meta}<title>{escape(head_title)}</title>"
        "<style>td{border:1px solid #000}</style><script>var a = '<p>一、总体情况</p>';</script></head><body>"
        f"{before_title}{furniture_top}{heading}"
        f'<div class="article-content">{article_html(profile, page)}</div>{furniture_bottom}</body></html>'
    )


def write_page(path: Path, profile: Profile, page: Page) -> Path:
    text = page_html(profile, page)
    codec = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gbk"}[page.encoding]
    path.write_bytes(text.encode(codec))
    return path


def write_mht(path: Path, profile: Profile, page: Page, transfer: str = "quoted-printable") -> Path:
    """A single-file archive as a browser or Word saves it: multipart/related, the page first."""
    codec = "gbk" if page.encoding == "gbk" else "utf-8"
    data = page_html(profile, page).encode(codec)
    body = quopri.encodestring(data) if transfer == "quoted-printable" else base64.encodebytes(data)
    charset = "gb2312" if codec == "gbk" else "utf-8"
    boundary = "----=_NextPart_01DA0000.12345678"
    text = (
        (
            "From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
            f'--{boundary}\r\nContent-Type: text/html; charset="{charset}"\r\n'
            f"Content-Transfer-Encoding: {transfer}\r\nContent-Location: file:///C:/report.htm\r\n\r\n"
        ).encode("ascii")
        + body
        + (
            f"\r\n--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: file:///C:/report_files/image001.png\r\n\r\niVBORw0KGgo=\r\n--{boundary}--\r\n"
        ).encode("ascii")
    )
    path.write_bytes(text)
    return path
