"""An argparse parser that speaks Chinese: usage lines, help headings and every error message.

argparse reads its strings through gettext (`argparse._` and `argparse.ngettext`); while a
ChineseArgumentParser builds, parses or formats, those two names answer from the catalogue below.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

# argparse's message ids (Python 3.11 to 3.13) and what the user reads instead.
CATALOGUE: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "命令",
    "show this help message and exit": "显示本帮助后退出",
    "show program's version number and exit": "显示版本号后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 必须给出其中之一",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无法识别的值 %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maximum %(max)d characters": "无效的选项 %(value)r",
    "expected one argument": "后面应有一个值",
    "expected at most one argument": "后面最多有一个值",
    "expected at least one argument": "后面至少应有一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可用的命令：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unexpected option string: %s": "意外的选项：%s",
    "argument '-' with mode %r": "参数“-”不能以 %r 方式打开",
}
PLURAL_CATALOGUE: dict[str, str] = {
    "expected %s argument": "后面应有 %s 个值",
    "conflicting option string: %s": "选项冲突：%s",
}


class _Chinese(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return CATALOGUE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return PLURAL_CATALOGUE.get(msgid1, msgid1 if n == 1 else msgid2)


_TRANSLATIONS = _Chinese()


@contextlib.contextmanager
def chinese_messages() -> Iterator[None]:
    """argparse's strings in Chinese for the duration (restored afterwards, so other parsers keep theirs)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _TRANSLATIONS.gettext, _TRANSLATIONS.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse.ArgumentParser whose usage, headings, -h help and errors are Chinese (sub-parsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with chinese_messages():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with chinese_messages():
            return super().add_subparsers(**kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with chinese_messages():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with chinese_messages():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with chinese_messages():
            return super().format_usage()

    def format_help(self) -> str:
        with chinese_messages():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with chinese_messages():
            super().error(message)


def whole_number(text: str) -> int:
    """An argparse `type` for whole numbers, with a Chinese message for anything else."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None


def unknown_verb_message(word: str, verbs: Sequence[str]) -> str:
    """“未知命令“chek”…” with the list of verbs and the nearest one."""
    import difflib  # only for a mistyped verb

    message = f"未知命令“{word}”。可用的命令：{'、'.join(verbs)}"
    nearest = difflib.get_close_matches(word, verbs, n=1)
    if nearest:
        message += f"。是否要输入 {nearest[0]}？"
    return message + "\n要打开报告文件，请写出带扩展名的文件名（.gkr、.docx、.xlsx、.htm、.mht 或 .gkt）。"
