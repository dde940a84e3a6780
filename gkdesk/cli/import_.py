"""`python main.py import FILE -o OUT.gkr`: convert a .docx/.xlsx report into a .gkr file.

Every cell that could not be placed and every hand edit is listed. Exit 0: converted without
problems; 1: converted, with problems listed; 2: the file cannot be read or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gkdesk.cli.output import wrong_suffix
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import save_gkr
from gkdesk.io.open import read_with_result

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help="把 Word/Excel 报告转换为 .gkr", description="读取 .docx、.xlsx、网页（.htm、.mht）或旧版 .doc、.xls 报告并保存为 .gkr 文件"
    )
    parser.add_argument("file", metavar="文件", help="报告文件（.docx、.xlsx、.htm、.mht、.doc、.xls 或 .gkr）")
    parser.add_argument("-o", "--output", required=True, metavar="输出.gkr", help="保存的 .gkr 文件")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.is_dir():  # never write `folder.gkr` beside a folder the user named
        print(f"{output} 是已有的文件夹：请给出转换后的报告文件名（以 .gkr 结尾），例如 {output / '报告.gkr'}", file=sys.stderr)
        return EXIT_UNREADABLE
    if not output.suffix:
        output = output.with_suffix(".gkr")
    wrong_name = wrong_suffix(str(output), (".gkr",), "转换后的报告")
    if wrong_name:
        print(wrong_name, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        result = read_with_result(args.file)
    except ReportFileError as error:
        print(f"无法读取报告：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        save_gkr(result.report, output)
    except ReportFileError as error:
        print(f"无法保存：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    report = result.report
    filled = len(report.values) + len(report.declared)
    print(f"{args.file} → {output}：{report.title}（{report.spec.name}格式，读入 {filled} 个单元格）")
    if result.kind == "own" and result.differences:
        print(f"此文件由 gkdesk 导出，导出后有 {len(result.differences)} 处被手工修改（已按现值读入）：")
    for problem in result.problems:
        print(f"  - {problem}")
    return EXIT_PROBLEMS if result.problems else EXIT_OK
