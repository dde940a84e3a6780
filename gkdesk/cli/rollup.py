"""`python main.py rollup DIR_OR_FILES... -o OUT.xlsx [--template T.gkt] [--year Y] [--json] [--county FILE.gkr]
[--jobs N] [--previous LAST_YEAR]`.

Exit 0: rolled up (the workbook lists what is wrong); 2: nothing could be rolled up or a file cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gkdesk.cli.output import wrong_suffix
from gkdesk.cli.parser import whole_number
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import save_gkr
from gkdesk.io.open import READERS
from gkdesk.rollup import RollupResult, county_report, roll_up, write_rollup_xlsx
from gkdesk.rollup.collect import output_conflict
from gkdesk.rollup.previous import load_previous
from gkdesk.rollup.report_json import rollup_json_text
from gkdesk.spec import CURRENT_EDITION, load_spec
from gkdesk.template import open_template

EXIT_OK, EXIT_FAILED = 0, 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("rollup", help="汇总各单位报送的报告", description="汇总文件夹或文件中各单位报送的年度报告")
    parser.add_argument("sources", nargs="+", metavar="文件夹或文件", help="文件夹（如U盘）或报告文件（.gkr、.docx、.xlsx、网页 .htm/.mht，旧版 .doc/.xls）")
    parser.add_argument("-o", "--output", metavar="汇总.xlsx", help="汇总表（.xlsx）保存位置")
    parser.add_argument("--template", metavar="模板.gkt", help="模板：固定年度、格式，并提供应报送单位名单")
    parser.add_argument("--year", type=whole_number, metavar="年份", help="汇总年度（无模板时；缺省取多数报告的年度）")
    parser.add_argument("--county", metavar="本级.gkr", help="同时新建本级报告，表格预填合计数")
    organ = load_spec(CURRENT_EDITION).field("organ").label
    parser.add_argument("--organ", default="", metavar="名称", help=f"本级报告的{organ}（与 --county 一起使用）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出汇总结果")
    parser.add_argument("--previous", metavar="上年汇总表或文件夹", help="上年汇总表、上年各单位报告所在文件夹或上年报告：汇总表中加一幅本年与上年的比较图")
    parser.add_argument("--jobs", type=whole_number, default=1, metavar="进程数", help="同时读取文件的进程数（缺省 1）")
    parser.set_defaults(func=run)


def _print_summary(result: RollupResult) -> None:
    if result.totals is None:
        for refusal in result.refused:
            print(f"未受理 {refusal.file}：{refusal.reason}")
        return
    print(f"{result.year} 年度汇总：")
    if result.choice_note:
        print(f"  注意：{result.choice_note}。如需汇总其他年度，请用 --year 指定。")
    for row in result.rows:
        figures = f"错误 {row.errors}，未说明的警告 {row.warnings}，未处理的批注 {row.open_comments}" if row.file else ""
        note = f"（{row.note}）" if row.note else ""
        print(f"  {row.organ}：{row.status_label} {figures}{note}")
    for refusal in result.refused:
        print(f"  未受理 {refusal.file}：{refusal.reason}")
    counted = result.counted_count
    errors = sum(1 for f in result.total_findings if f.is_error)
    print(f"计入合计 {counted} 个单位，未受理 {len(result.refused)} 个文件；合计校验：{errors} 个错误。")


def _fail(args: argparse.Namespace, message: str, result: RollupResult | None = None) -> int:
    """Say why on stderr; with --json also print one object with the reason (and any refused files), so a
    consumer always gets JSON."""
    print(message, file=sys.stderr)
    if args.json:
        refused = [{"file": r.file, "reason": r.reason} for r in result.refused] if result is not None else []
        print(json.dumps({"sources": args.sources, "error": message, "refused": refused}, ensure_ascii=False, indent=2))
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    for problem in (wrong_suffix(args.output, (".xlsx",), "汇总表"), wrong_suffix(args.county, (".gkr",), "本级报告")):
        if problem:
            return _fail(args, problem)
    conflict = output_conflict(args.sources, READERS, args.output, args.county)
    if conflict:
        return _fail(args, f"无法汇总：{conflict}")
    template = None
    exclude = [args.output] if args.output else []
    try:
        if args.template:
            opened = open_template(args.template)
            if opened.altered:
                print(opened.warning, file=sys.stderr)
            template = opened.template
        previous = load_previous(args.previous) if args.previous else None  # before the long part: fail early
        result = roll_up(args.sources, template=template, year=args.year, exclude=exclude, workers=args.jobs)
    except (ReportFileError, ValueError) as error:
        return _fail(args, f"无法汇总：{error}")
    if result.totals is None:  # nothing to roll up: say why, write nothing
        if not args.json:
            _print_summary(result)
        if args.output or args.county:
            print("未保存任何文件。", file=sys.stderr)
        result.close()
        return _fail(args, f"无法汇总：{result.nothing_reason}", result)
    problem = previous.year_problem(result.year) if previous else ""
    if problem:  # before anything is written
        result.close()
        return _fail(args, f"无法汇总：{problem}")
    try:
        if args.output:
            write_rollup_xlsx(result, Path(args.output), previous)
            print(f"汇总表已保存到 {args.output}", file=sys.stderr)
        if args.county:
            save_gkr(county_report(result, args.organ, template=template), Path(args.county))
            print(f"本级报告已保存到 {args.county}", file=sys.stderr)
        if args.json:
            for piece in rollup_json_text(result):  # unit by unit: the document is never whole in memory
                sys.stdout.write(piece)
            sys.stdout.write("\n")
        else:
            _print_summary(result)
    except (ReportFileError, ValueError) as error:
        return _fail(args, f"无法保存：{error}")
    finally:
        result.close()
    return EXIT_OK
