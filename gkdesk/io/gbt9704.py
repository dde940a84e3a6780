"""The GB/T 9704 page every printed form of the report uses (PDF, print, web page): paper, margins, the
text block's line pitch, and the faces and sizes of title, headings, body, tables and page numbers."""

from __future__ import annotations

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0  # A4
TOP_MM, BOTTOM_MM, LEFT_MM, RIGHT_MM = 37.0, 35.0, 28.0, 26.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM  # 156 mm
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - TOP_MM - BOTTOM_MM  # 225 mm
PAGE_NUMBER_GAP_MM = 7.0  # the page number's top sits this far below the text block

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"

TITLE_SIZE = 22.0  # 2号
BODY_SIZE = 16.0  # 3号
PAGE_NUMBER_SIZE = 14.0  # 4号
TABLE_SIZE = 10.5  # 5号

LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
TITLE_LINE_PITCH_PT = 35.0
INDENT_CHARS = 2  # body paragraphs and headings open with two characters of indent

# Tables: cell padding left and right; tables wider than WIDE_TABLE_COLUMNS (table 四) get less.
WIDE_TABLE_COLUMNS = 12
PADDING_MM = 0.6
WIDE_PADDING_MM = 0.3
BORDER_PT = 0.5
