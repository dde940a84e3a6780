"""`python main.py draft FILE [--section KEY] [-o OUT.gkr]`: draft the routine paragraphs from the tables.

Prints each drafted paragraph with the section it belongs to; with -o, saves a copy with them written in
(an earlier drafted paragraph of the same topic is replaced). Tables not filled in are not drafted from, and
errors in the figures are named first. Exit 0: drafted; 2: the file cannot be read or
written, or the section is unknown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gkdesk.cli.output import wrong_suffix
from gkdesk.draft import apply_drafts, draft_paragraphs
from gkdesk.draft.caveats import contradicting_errors, errors_note, unfilled_note
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import save_gkr
from gkdesk.io.open import read_report

EXIT_OK, EXIT_UNUSABLE = 0, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "draft",
        help="依据表格数字起草常规段落",
        description="依据表格中的数字起草依申请公开、规范性文件、复议诉讼、信息处理费等常规段落",
    )
    parser.add_argument("file", metavar="文件", help="报告文件（.gkr、.docx 或 .xlsx）")
    parser.add_argument("--section", metavar="部分", help="只起草这一部分的段落（部分的键名，如总体情况为 overview）")
    parser.add_argument("-o", "--output", metavar="输出.gkr", help="保存一份写入了这些段落的 .gkr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    problem = wrong_suffix(args.output, (".gkr",), "保存")
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        report = read_report(args.file)
    except ReportFileError as error:
        print(f"无法读取报告：{error}", file=sys.stderr)
        return EXIT_UNUSABLE
    spec = report.spec
    sections = {topic.section for topic in spec.drafts}
    if args.section is not None and args.section not in sections:
        known = "、".join(f"{key}（{spec.section(key).heading}）" for key in sorted(sections))
        print(f"“{args.section}”不是可起草的部分，可用：{known}", file=sys.stderr)
        return EXIT_UNUSABLE
    everything = draft_paragraphs(report, args.section)
    drafts = [draft for draft in everything if draft.text]
    for draft in everything:
        if not draft.text:
            print(f"注意：{unfilled_note(draft, spec)}", file=sys.stderr)
    errors = contradicting_errors(report, drafts)
    if errors:
        print(f"注意：{errors_note(errors)}", file=sys.stderr)
    for draft in drafts:
        print(f"[{spec.section(draft.topic.section).heading}·{draft.topic.name}] {draft.text}")
        if draft.topic.note:
            print(f"    （请核实：{draft.topic.note}）")
    if args.output:
        apply_drafts(report, drafts)
        try:
            save_gkr(report, Path(args.output))
        except ReportFileError as error:
            print(f"无法保存：{error}", file=sys.stderr)
            return EXIT_UNUSABLE
        print(f"已写入 {args.output}")
    return EXIT_OK
