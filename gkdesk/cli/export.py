"""`python main.py export FILE [--docx OUT] [--xlsx OUT] [--pdf OUT] [--html OUT] [--allow-errors]`.

Without an output option the .docx and .xlsx are written beside FILE. The PDF is drawn by Qt (loaded only
for --pdf, offscreen without a display); a report exported with errors carries a 未通过校验 mark there and in
the web page. A report with errors is not exported unless --allow-errors is given: the errors are printed
and the exit code is 1. Exit 2: a file cannot be read or
written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gkdesk.checks import run_checks
from gkdesk.cli.check import format_findings
from gkdesk.cli.output import wrong_suffix
from gkdesk.io.docx.export import export_docx
from gkdesk.io.errors import ReportFileError
from gkdesk.io.html.export import export_html
from gkdesk.io.open import read_report
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.model import Report

EXIT_OK, EXIT_ERRORS, EXIT_FILE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="导出 Word / Excel / PDF / 网页",
        description="把报告导出为 Word（.docx）、Excel（.xlsx）、PDF（.pdf）和/或网页（.html）",
    )
    parser.add_argument("file", metavar="文件", help="报告文件（.gkr、.docx 或 .xlsx）")
    parser.add_argument("--docx", metavar="输出.docx", help="导出的 Word 文件")
    parser.add_argument("--xlsx", metavar="输出.xlsx", help="导出的 Excel 文件")
    parser.add_argument("--pdf", metavar="输出.pdf", help="导出的 PDF 文件（A4 纸，公文版式）")
    parser.add_argument("--html", metavar="输出.html", help="导出的网页（可粘贴到政府网站的年报栏目）")
    parser.add_argument("--allow-errors", action="store_true", help="报告有错误时仍然导出")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for problem in (
        wrong_suffix(args.docx, (".docx",), "Word 文件"),
        wrong_suffix(args.xlsx, (".xlsx",), "Excel 文件"),
        wrong_suffix(args.pdf, (".pdf",), "PDF 文件"),
        wrong_suffix(args.html, (".html", ".htm"), "网页"),
    ):
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_FILE
    try:
        report = read_report(args.file)
    except ReportFileError as error:
        print(f"无法读取报告：{error}", file=sys.stderr)
        return EXIT_FILE
    errors = [finding for finding in run_checks(report) if finding.is_error]
    marked = len(errors)  # the PDF and the web page of a report with errors say so on the page
    targets: list[tuple[str | None, Callable[[Report, str], None]]] = [
        (args.docx, export_docx),
        (args.xlsx, export_xlsx),
        (args.pdf, lambda report, target: _export_pdf(report, target, marked)),
        (args.html, lambda report, target: export_html(report, target, marked)),
    ]
    if not any(target for target, _ in targets):
        source = Path(args.file)
        targets = [(str(source.with_suffix(".docx")), export_docx), (str(source.with_suffix(".xlsx")), export_xlsx)]
    if errors and not args.allow_errors:
        print(f"报告有 {len(errors)} 个错误，未导出（加 --allow-errors 可仍然导出）：", file=sys.stderr)
        for line in format_findings(report, errors):
            print(line, file=sys.stderr)
        return EXIT_ERRORS
    for target, export in targets:
        if not target:
            continue
        if Path(target).resolve() == Path(args.file).resolve():
            print(f"导出文件不能覆盖原报告：{target}", file=sys.stderr)
            return EXIT_FILE
        try:
            export(report, target)
        except ReportFileError as error:
            print(str(error), file=sys.stderr)
            return EXIT_FILE
        print(f"已导出：{target}")
    if errors:
        print(f"注意：报告有 {len(errors)} 个错误，已按 --allow-errors 导出。", file=sys.stderr)
    return EXIT_OK


def _export_pdf(report: Report, target: str, errors: int) -> None:
    from gkdesk.ui.printing.app import gui_application  # Qt is loaded for the PDF only

    gui_application()
    from gkdesk.ui.printing.pdf import export_pdf

    export_pdf(report, target, errors)
