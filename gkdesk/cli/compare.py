"""`python main.py compare OLD NEW [-o 修改说明.xlsx|.docx]`: every changed value and paragraph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gkdesk.cli.output import wrong_suffix
from gkdesk.io.errors import ReportFileError
from gkdesk.io.open import read_with_result

EXIT_SAME, EXIT_CHANGED, EXIT_UNREADABLE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compare", help="比较两份报告", description="列出两份报告之间每一处改动的数值和段落（修改说明）"
    )
    parser.add_argument("old", metavar="原报告", help="原报告（下发或上一版本，.gkr/.docx/.xlsx）")
    parser.add_argument("new", metavar="退回报告", help="退回的报告（.gkr/.docx/.xlsx）")
    parser.add_argument("-o", "--output", metavar="修改说明.xlsx", help="把修改说明导出为 .xlsx 或 .docx")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gkdesk.review.change_sheet import export_changes
    from gkdesk.review.compare import compare_reports

    problem = wrong_suffix(args.output, (".xlsx", ".docx"), "修改说明")
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_UNREADABLE
    if args.output and any(Path(args.output).resolve() == Path(report).resolve() for report in (args.old, args.new)):
        print(f"修改说明不能覆盖要比较的报告：{args.output}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        old = read_with_result(args.old).report
        new = read_with_result(args.new).report
    except ReportFileError as error:
        print(f"无法读取报告：{error}", file=sys.stderr)
        return EXIT_UNREADABLE
    changes = compare_reports(old, new)
    print(f"{args.old} → {args.new}：共 {len(changes)} 处改动")
    for change in changes:
        print(f"  {change.where}：{change.before or '（空）'} → {change.after or '（空）'}")
    if args.output:
        try:
            export_changes(changes, args.output, title=f"{new.title} 修改说明")
        except ReportFileError as error:
            print(f"无法保存：{error}", file=sys.stderr)
            return EXIT_UNREADABLE
        print(f"修改说明已保存到 {args.output}")
    return EXIT_CHANGED if changes else EXIT_SAME
