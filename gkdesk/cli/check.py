"""`python main.py check FILE [--previous LAST_YEAR_FILE] [--json]`.

Exit 0: no error (warnings allowed); 1: errors; 2: the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gkdesk.checks import Finding, run_checks
from gkdesk.checks.engine import count_by_severity, sort_by_section
from gkdesk.checks.finding import BASIC_HEADING, BASIC_SECTION
from gkdesk.checks.report_json import check_json
from gkdesk.io.errors import ReportFileError
from gkdesk.io.import_result import ImportResult, import_findings
from gkdesk.io.open import read_with_result
from gkdesk.model import Report
from gkdesk.model.lastyear import previous_year_problem

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="校验报告文件", description="校验报告文件并列出问题")
    parser.add_argument("file", metavar="文件", help="报告文件（.gkr、.docx 或 .xlsx）")
    parser.add_argument("--previous", metavar="上年文件", help="上年度报告，用于跨年度校验")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=run)


def _read(path: str, what: str, as_json: bool) -> ImportResult | None:
    try:
        return read_with_result(path)
    except ReportFileError as error:
        _unreadable(path, f"无法读取{what}：{error}", as_json)
        return None


def _unreadable(path: str, message: str, as_json: bool) -> None:
    """Say why on stderr; with --json also print one object with the reason, so a consumer gets JSON."""
    print(message, file=sys.stderr)
    if as_json:
        print(json.dumps({"file": path, "error": message}, ensure_ascii=False))



def format_findings(report: Report, findings: list[Finding]) -> list[str]:
    """Human-readable lines, grouped by section, acknowledged warnings marked."""
    lines = []
    sections = {BASIC_SECTION: BASIC_HEADING} | {section.key: section.heading for section in report.spec.sections}
    current = None
    for finding in findings:
        if finding.section != current:
            current = finding.section
            lines.append(sections.get(current, current))
        label = "错误" if finding.is_error else "警告"
        note = report.acknowledgements.get(finding.key)
        suffix = f"（已说明：{note}）" if note and not finding.is_error else ""
        lines.append(f"  [{label}] {finding.rule}：{finding.message}{suffix}")
    return lines


def run(args: argparse.Namespace) -> int:
    result = _read(args.file, "报告", args.json)
    if result is None:
        return EXIT_UNREADABLE
    report = result.report
    previous = None
    if args.previous:
        previous_result = _read(args.previous, "上年度报告", args.json)
        if previous_result is None:
            return EXIT_UNREADABLE
        previous = previous_result.report
        problem = previous_year_problem(report, previous)
        if problem and None not in (report.year, previous.year) and previous.year != (report.year or 0) - 1:
            _unreadable(args.previous, f"不能作为上年度报告：{problem}", args.json)
            return EXIT_UNREADABLE
        if problem:  # another organ name: worth saying, not worth refusing (names are written in many ways)
            print(f"注意：{problem}", file=sys.stderr)
    # What reading the file found (cells that could not be placed, hand edits after export) comes first.
    checks = run_checks(report, previous)
    findings = sort_by_section(import_findings(result, checks) + checks, report.spec)
    errors, warnings = count_by_severity(findings)
    if args.json:
        print(json.dumps(check_json(args.file, report, findings), ensure_ascii=False, indent=2))
    else:
        print(f"{args.file}：{report.title}（{report.spec.name}格式）")
        for line in format_findings(report, findings):
            print(line)
        print(f"共 {errors} 个错误，{warnings} 个警告。" if findings else "未发现问题。")
    return EXIT_ERRORS if errors else EXIT_OK
