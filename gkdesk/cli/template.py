"""`python main.py template ... -o FILE.gkt` makes a template; `template --open T.gkt --unit NAME -o DIR`
starts a unit's report from one; `template --show T.gkt` prints it and whether it was altered.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gkdesk.cli.output import wrong_suffix
from gkdesk.cli.parser import whole_number
from gkdesk.io.errors import ReportFileError, os_error_reason
from gkdesk.io.files.textfile import read_typed_text
from gkdesk.io.gkr import save_gkr
from gkdesk.model import Contact
from gkdesk.spec import CURRENT_EDITION, EDITIONS, SpecError, edition_for_year, load_spec
from gkdesk.template import (
    SUFFIX as TEMPLATE_SUFFIX,
)
from gkdesk.template import (
    OpenedTemplate,
    Template,
    open_template,
    report_from_template,
    save_template,
    suggested_return_name,
)
from gkdesk.template.units import level_label, read_units

EXIT_OK, EXIT_ALTERED, EXIT_FAILED = 0, 1, 2
MAX_INSTRUCTIONS_BYTES = 1024 * 1024


def register(subparsers: Any) -> None:
    label = {field.key: field.label for field in load_spec(CURRENT_EDITION).fields}
    parser = subparsers.add_parser("template", help="制作或打开下发模板（.gkt）", description="制作下发给各单位的填报模板")
    parser.add_argument("-o", "--output", metavar="文件", help="模板（.gkt）或新报告的保存位置（文件或文件夹）")
    parser.add_argument("--year", type=whole_number, metavar="年份", help=label["year"])
    parser.add_argument("--edition", choices=EDITIONS, metavar="格式", help="格式版本（缺省按年度）")
    parser.add_argument("--issuer", default="", metavar="单位", help="下发单位，如 某某县人民政府办公室")
    parser.add_argument("--office", default="", metavar="部门", help=label["contact.office"])
    parser.add_argument("--address", default="", metavar="文字", help=label["contact.address"])
    parser.add_argument("--phone", default="", metavar="电话", help=label["contact.phone"])
    parser.add_argument("--email", default="", metavar="邮箱", help=label["contact.email"])
    parser.add_argument("--deadline", default="", metavar="日期", help="报送截止日期，如 2026-01-31")
    parser.add_argument("--instructions", default="", metavar="文字", help="填报说明（打开模板时显示）")
    parser.add_argument("--instructions-file", metavar="文件", help="从文本文件（UTF-8 或 GBK）读取填报说明")
    parser.add_argument(
        "--opening",
        metavar="文字",
        help="预填的开头段落，可用 {organ} {year} {office} {address} {phone} {email}；不填则各单位按格式自动生成",
    )
    parser.add_argument(
        "--text",
        action="append",
        default=[],
        metavar="部分=文字",
        help="预填某部分的段落（可重复），如 other=本年度未收取信息处理费。部分：overview problems other",
    )
    parser.add_argument("--units", metavar="单位.csv", help="应报送单位名单：每行 名称,层级,代码")
    parser.add_argument("--open", metavar="模板.gkt", help="用模板新建报告（配合 --unit 或 --organ）")
    parser.add_argument("--unit", default="", metavar="单位名称", help="从名单中选择的单位名称")
    parser.add_argument("--organ", default="", metavar="名称", help=f"{label['organ']}（模板没有名单时）")
    parser.add_argument("--show", metavar="模板.gkt", help="显示模板内容及校验结果")
    parser.set_defaults(func=run)


def _narratives(items: list[str], edition: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """SECTION=TEXT options, grouped by section in the format's order; ValueError names a bad one."""
    spec = load_spec(edition)
    by_section: dict[str, list[str]] = {}
    for item in items:
        section, separator, text = item.partition("=")
        if not separator or section not in {s.key for s in spec.narrative_sections} or not text.strip():
            keys = " ".join(s.key for s in spec.narrative_sections)
            raise ValueError(f"--text “{item}”：应为 部分=文字，部分为 {keys} 之一")
        by_section.setdefault(section, []).append(text.strip())
    return tuple((s.key, tuple(by_section[s.key])) for s in spec.sections if s.key in by_section)


def _make(args: argparse.Namespace) -> int:
    if args.year is None or not args.output:
        print("制作模板需要 --year 和 -o FILE.gkt", file=sys.stderr)
        return EXIT_FAILED
    problem = wrong_suffix(args.output, (TEMPLATE_SUFFIX,), "模板")
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_FAILED
    edition = args.edition or edition_for_year(args.year)
    instructions = args.instructions
    if args.instructions_file:
        instructions = read_typed_text(Path(args.instructions_file), MAX_INSTRUCTIONS_BYTES, "填报说明文本文件")
    template = Template(
        year=args.year,
        edition=edition,
        issuer=args.issuer,
        contact=Contact(args.office, args.address, args.phone, args.email),
        deadline=args.deadline,
        instructions=instructions,
        opening=args.opening or "",
        narratives=_narratives(args.text, edition),
        units=read_units(args.units, edition) if args.units else (),
    )
    save_template(template, Path(args.output))
    print(f"已保存模板：{args.output}（{args.year} 年度，{len(template.units)} 个单位）")
    return EXIT_OK


def _show(opened: OpenedTemplate) -> int:
    template = opened.template
    spec = load_spec(template.edition)
    print(f"{opened.path.name}：{template.year} 年度，{spec.name} 格式，下发单位 {template.issuer or '—'}")
    contact = template.contact
    details = [(spec.field(f"contact.{name}").label, getattr(contact, name)) for name in ("office", "address", "phone", "email")]
    if any(value for _, value in details):
        print("联系方式：" + "，".join(f"{label} {value or '—'}" for label, value in details))
    if template.deadline:
        print(f"截止日期：{template.deadline}")
    if template.instructions:
        print(f"填报说明：{template.instructions}")
    if template.opening:
        print(f"预填开头段落：{template.opening}")
    headings = {section.key: section.heading for section in spec.sections}
    for key, paragraphs in template.narratives:
        for paragraph in paragraphs:
            print(f"预填“{headings.get(key, key)}”：{paragraph}")
    if template.units:
        print(f"应报送单位（{len(template.units)} 个）：")
    for unit in template.units:
        level = level_label(unit.level, template.edition) if unit.level else "层级未填"
        print(f"  {unit.code or '—'}  {unit.name}（{level}）")
    print(opened.warning or f"校验值一致（{opened.checksum}）")
    return EXIT_ALTERED if opened.altered else EXIT_OK


def _unit_list(template: Template) -> str:
    return "、".join(unit.name for unit in template.units)


def _open(args: argparse.Namespace, opened: OpenedTemplate) -> int:
    template = opened.template
    unit = None
    wanted = (args.unit or args.organ).strip()
    if not wanted:
        if template.units:
            print(f"用模板新建报告需要 --unit 单位名称（或 --organ）；名单：{_unit_list(template)}", file=sys.stderr)
        else:
            print("用模板新建报告需要 --organ 机关名称（模板没有单位名单）", file=sys.stderr)
        return EXIT_FAILED
    if template.units:
        unit = template.unit(wanted)
        if unit is None:
            print(f"“{wanted}”不在模板的单位名单中；名单：{_unit_list(template)}", file=sys.stderr)
            return EXIT_FAILED
    if opened.altered:
        print(opened.warning, file=sys.stderr)
    report = report_from_template(template, unit, args.organ or args.unit)
    target = Path(args.output or ".")
    if target.is_dir():
        target = target / suggested_return_name(template, report)
    elif target.suffix.lower() != ".gkr":
        print(f"新报告的文件名应以 .gkr 结尾，或给出一个已有的文件夹：{target}", file=sys.stderr)
        return EXIT_FAILED
    save_gkr(report, target)
    print(f"已新建报告：{target}")
    if template.instructions:
        print(f"填报说明：{template.instructions}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        if args.show:
            return _show(open_template(args.show))
        if args.open:
            return _open(args, open_template(args.open))
        return _make(args)
    except (ReportFileError, SpecError, ValueError) as error:
        print(f"模板操作失败：{error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"模板操作失败：{error.filename or ''}：{os_error_reason(error)}", file=sys.stderr)
        return EXIT_FAILED
