"""One self-contained UTF-8 web page for the portal's 政府信息公开年报 column: title, opening, the sections
with their headings and paragraphs, and the tables as plain <table> markup with rowspan/colspan exactly as
the official tables. Inline styles only (CMS editors paste it): no scripts, no style sheets, no images."""

from __future__ import annotations

from html import escape
from pathlib import Path

from gkdesk.io import gbt9704 as page
from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.files.textsafe import clean_text
from gkdesk.io.printed import Block, printed_text, repeated_header_rows, report_blocks
from gkdesk.io.table_widths import column_widths_mm, is_row_label, left_aligned_columns
from gkdesk.model import Report, Resolved, Run
from gkdesk.spec import GridCell, Table, build_layout

UNCHECKED_MARK = "未通过校验"
ORGAN_LEVEL_META = "gkdesk-organ-level"  # 机关层级, read back by gkdesk.io.html.page

_FACES = {
    page.TITLE_FONT: "'方正小标宋简体','方正小标宋_GBK','华文中宋',STZhongsong,'宋体',SimSun,serif",
    page.BODY_FONT: "'仿宋_GB2312','仿宋',FangSong,STFangsong,serif",
    page.HEADING_FONT: "'黑体',SimHei,'Microsoft YaHei',sans-serif",
    page.SUBHEADING_FONT: "'楷体_GB2312','楷体',KaiTi,STKaiti,serif",
}
_LINE = f"line-height:{page.LINE_PITCH_PT}pt;margin:0;"
_INDENT = f"text-indent:{page.INDENT_CHARS}em;text-align:justify;"
_PAGE_STYLE = (
    f"max-width:{page.TEXT_WIDTH_MM}mm;margin:0 auto;padding:0 4mm;color:#000;background:#fff;"
    f"font-family:{_FACES[page.BODY_FONT]};font-size:{page.BODY_SIZE}pt;line-height:{page.LINE_PITCH_PT}pt;"
)
_TITLE_STYLE = (
    f"font-family:{_FACES[page.TITLE_FONT]};font-size:{page.TITLE_SIZE}pt;font-weight:normal;text-align:center;"
    f"line-height:{page.TITLE_LINE_PITCH_PT}pt;margin:0 0 {page.LINE_PITCH_PT}pt 0;"
)
_HEADING_STYLE = (
    f"font-family:{_FACES[page.HEADING_FONT]};font-size:{page.BODY_SIZE}pt;font-weight:normal;{_LINE}{_INDENT}"
)
_SUBHEADING_FACE = f"font-family:{_FACES[page.SUBHEADING_FONT]};"
_SUBHEADING_STYLE = f"{_SUBHEADING_FACE}font-size:{page.BODY_SIZE}pt;font-weight:normal;{_LINE}{_INDENT}"
_BODY_STYLE = f"{_LINE}{_INDENT}"
_TABLE_STYLE = (
    f"border-collapse:collapse;width:100%;table-layout:fixed;margin:0 0 {page.LINE_PITCH_PT}pt 0;"
    f"font-family:{_FACES[page.BODY_FONT]};font-size:{page.TABLE_SIZE}pt;line-height:1.3;"
)
_CELL_STYLE = "border:1px solid #000;vertical-align:middle;font-weight:normal;word-break:break-all;"
_MARK_STYLE = (
    f"border:2px solid #c00;color:#c00;font-family:{_FACES[page.HEADING_FONT]};font-size:{page.BODY_SIZE}pt;"
    "text-align:center;margin:0 0 1em 0;padding:0.3em;"
)


def text(value: str) -> str:
    """Escaped for HTML text and attribute values, without the characters a page cannot carry."""
    return escape(clean_text(value), quote=True).replace("\n", "<br>")


def html_text(report: Report, errors: int = 0) -> str:
    """The whole page; a report exported with `errors` errors carries a 未通过校验 mark."""
    resolved = Resolved(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8">',
        f"<title>{text(report.title)}</title>",
        '<meta name="generator" content="gkdesk">',
        *([f'<meta name="{ORGAN_LEVEL_META}" content="{text(report.organ_level)}">'] if report.organ_level else []),
        "</head>",
        f'<body style="margin:0;background:#fff;"><div style="{_PAGE_STYLE}">',
    ]
    if errors:
        parts.append(f'<p style="{_MARK_STYLE}">{UNCHECKED_MARK}：本报告有 {errors} 个错误，数据未经核实</p>')
    parts += [_block_html(block, resolved) for block in report_blocks(report)]
    parts.append("</div></body></html>\n")
    return "\n".join(parts)


def export_html(report: Report, path: Path | str, errors: int = 0) -> None:
    """Write the page atomically as UTF-8; ReportFileError (in Chinese) if it cannot be written."""
    write_atomic(Path(path), html_text(report, errors).encode("utf-8"), keep_backup=False)


def _block_html(block: Block, resolved: Resolved) -> str:
    if block.kind == "title":
        return f'<h1 style="{_TITLE_STYLE}">{text(block.text)}</h1>'
    if block.kind == "heading":
        return f'<h2 style="{_HEADING_STYLE}">{text(block.text)}</h2>'
    if block.kind == "subheading":
        return f'<h3 style="{_SUBHEADING_STYLE}">{_runs_html(block.runs)}</h3>'
    if block.kind == "table":
        assert block.table is not None
        return table_html(block.table, resolved)
    if block.run_in_heading:
        head = f'<span style="{_SUBHEADING_FACE}">{_runs_html(block.runs[:1])}</span>'
        return f'<p style="{_BODY_STYLE}">{head}{_runs_html(block.runs[1:])}</p>'
    return f'<p style="{_BODY_STYLE}">{_runs_html(block.runs)}</p>'


def _runs_html(runs: tuple[Run, ...]) -> str:
    return "".join(f"<strong>{text(run.text)}</strong>" if run.bold else text(run.text) for run in runs)


def table_html(table: Table, resolved: Resolved) -> str:
    """A <table> with the official merges; the leading header rows in <thead> (browsers repeat them when
    printing); label columns as wide as in the Word export."""
    layout = build_layout(table)
    padding = page.WIDE_PADDING_MM if table.grid_columns > page.WIDE_TABLE_COLUMNS else page.PADDING_MM
    widths = column_widths_mm(table, layout, page.TEXT_WIDTH_MM, page.TABLE_SIZE, padding)
    left = left_aligned_columns(table, layout, widths, page.TABLE_SIZE, padding)
    head_rows = repeated_header_rows(table, layout)
    parts = [f'<table style="{_TABLE_STYLE}">', "<colgroup>"]
    parts += [f'<col style="width:{100 * width / page.TEXT_WIDTH_MM:.2f}%">' for width in widths]
    parts.append("</colgroup>")
    by_row: dict[int, list[GridCell]] = {}
    for cell in layout.cells:
        by_row.setdefault(cell.row, []).append(cell)
    for row in range(layout.n_rows):
        if row == 0:
            parts.append("<thead>" if head_rows else "<tbody>")
        elif row == head_rows:
            parts.append("</thead><tbody>")
        parts.append("<tr>")
        for cell in sorted(by_row.get(row, []), key=lambda placed: placed.col):
            parts.append(_cell_html(cell, printed_text(cell, resolved), cell.col in left, padding))
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _cell_html(cell: GridCell, content: str, left_column: bool, padding_mm: float) -> str:
    tag = "th" if cell.kind == "header" else "td"
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    align = "left" if left_column and is_row_label(cell) else "center"
    style = f"{_CELL_STYLE}text-align:{align};padding:0.2em {padding_mm}mm;"
    return f'<{tag}{spans} style="{style}">{text(content)}</{tag}>'
