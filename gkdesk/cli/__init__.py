"""The command line: `python main.py [FILE]` opens the window; `python main.py VERB ...` runs a verb."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from gkdesk.cli.parser import CATALOGUE, ChineseArgumentParser, unknown_verb_message

# Each verb is a module gkdesk.cli.<name> with register(subparsers) that sets `func` on its parser.
VERB_MODULES = ("check", "template", "rollup", "import", "compare", "export", "draft")
# A verb whose module cannot carry its name ("import" is a Python keyword) maps to another module.
MODULE_FOR_VERB = {"import": "import_"}
# What the window opens; a first word with none of these suffixes that is not a file is taken as a mistyped verb.
OPENABLE_SUFFIXES = (".gkr", ".docx", ".xlsx", ".gkt", ".gkrecover")
EXIT_USAGE = 2


def build_parser(verb: str | None = None) -> argparse.ArgumentParser:
    """The parser of every verb, or of `verb` only: running one verb imports only that verb's module (and what
    it needs), so `check` never loads the roll-up, the templates or the exporters."""
    parser = ChineseArgumentParser(prog="gkdesk", description="政府信息公开工作年度报告：填报、校验、审核、汇总")
    subparsers = parser.add_subparsers(dest="verb", metavar="命令")
    for name in VERB_MODULES if verb is None else (verb,):
        importlib.import_module(f"gkdesk.cli.{MODULE_FOR_VERB.get(name, name)}").register(subparsers)
    return parser


def _parse_verb(args_list: list[str]) -> argparse.Namespace:
    """The verb's arguments; a word the verb does not take is refused with the verb's own usage line."""
    parser = build_parser(args_list[0])
    args, extra = parser.parse_known_args(args_list)
    if extra:
        verbs = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
        verbs.choices[args_list[0]].error(CATALOGUE["unrecognized arguments: %s"] % " ".join(extra))
    return args


def _window_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="gkdesk", description="打开报告编辑窗口")
    parser.add_argument("file", nargs="?", metavar="文件", help="要打开的报告文件（.gkr、.docx、.xlsx、网页 .htm/.mht 或模板 .gkt）")
    parser.add_argument("--screenshot", metavar="目录", help="把窗口的每一页保存为 PNG 后退出")
    parser.add_argument("--size", metavar="宽x高", help="截图时的窗口大小，例如 1366x700（默认 1280x800）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _use_utf8_output()
    try:
        try:
            code = _dispatch(args_list)
        except SystemExit as stop:  # argparse after --help or a usage error (it has printed why)
            code = stop.code if isinstance(stop.code, int) else EXIT_USAGE
        except BrokenPipeError:
            raise
        except OSError as error:  # a file or folder a verb met that it did not expect: say which and why
            from gkdesk.io.errors import os_error_reason

            print(f"无法读写 {error.filename or ''}：{os_error_reason(error)}", file=sys.stderr)
            code = EXIT_USAGE
        sys.stdout.flush()
    except BrokenPipeError:
        # `check … | head` or `--help | head` closed the pipe: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


def _dispatch(args_list: list[str]) -> int:
    if args_list and args_list[0] in VERB_MODULES:
        args = _parse_verb(args_list)
        gc.enable()  # main.py holds the collector back while the modules load
        return int(args.func(args))
    if args_list and args_list[0] in ("-h", "--help"):
        build_parser().print_help()
        print("\n不带命令时：python main.py [文件] [--screenshot 目录 [--size 宽x高]] 打开编辑窗口。")
        return 0
    if args_list and _looks_like_verb(args_list[0]):
        print(unknown_verb_message(args_list[0], VERB_MODULES), file=sys.stderr)
        return EXIT_USAGE
    window_args = _window_parser().parse_args(args_list)
    from gkdesk.ui.app import run_window  # Qt is imported only for the window

    return run_window(window_args.file, window_args.screenshot, window_args.size)


def _looks_like_verb(word: str) -> bool:
    """A first word that is neither an option, nor an existing path, nor a file name the window opens."""
    if word.startswith("-") or Path(word).suffix.lower() in OPENABLE_SUFFIXES:
        return False
    return not os.path.lexists(word)


def _use_utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
