"""The command line speaks Chinese: usage lines, help headings, parser errors, mistyped verbs, closed pipes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from gkdesk.cli import VERB_MODULES
from tests.conftest import ROOT

# What may stay in Latin letters: option names, file suffixes, the program and verb names, format names,
# section keys and placeholders the user types literally.
ALLOWED = re.compile(
    r"--?[a-zA-Z][a-zA-Z-]*|\.[a-z]{2,5}\b|\{[a-z]+\}|\b(?:gkdesk|python|main\.py|Word|WPS|Excel|PDF|JSON|PNG|UTF|GBK|"
    + "|".join(VERB_MODULES)
    + r"|overview|problems|other)\b|x高"
)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def english_words(text: str, *typed: str) -> list[str]:
    """Latin words in `text` other than the allowed ones and what the user typed (echoed back)."""
    words = re.findall(r"[A-Za-z]{2,}", ALLOWED.sub("", text))
    return [word for word in words if not any(word in argument for argument in typed)]


@pytest.mark.parametrize("verb", ["", *VERB_MODULES])
def test_every_help_is_chinese(verb: str) -> None:
    result = run_cli(*([verb] if verb else []), "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：gkdesk")
    assert "选项" in result.stdout and "显示本帮助后退出" in result.stdout
    assert english_words(result.stdout + result.stderr) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check"], "缺少必需的参数：文件"),
        (["export"], "缺少必需的参数：文件"),
        (["rollup"], "缺少必需的参数：文件夹或文件"),
        (["import", "x.docx"], "缺少必需的参数：-o/--output"),
        (["check", "a.gkr", "b.gkr"], "无法识别的参数：b.gkr"),
        (["rollup", "folder", "--year", "abc"], "“abc”不是整数"),
        (["template", "--edition", "2000"], "无效的选项 '2000'"),
        (["check", "--previous"], "后面应有一个值"),
        (["report.gkr", "extra"], "无法识别的参数：extra"),
    ],
)
def test_parser_errors_are_chinese_with_exit_2(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "用法：" in result.stderr and "错误：" in result.stderr
    assert english_words(result.stdout + result.stderr, *args) == []


def test_rollup_without_output_summarises_in_chinese(tmp_path: os.PathLike[str]) -> None:
    result = run_cli("rollup", str(tmp_path))
    assert result.returncode == 2
    assert "无法汇总" in result.stderr
    assert english_words(result.stdout + result.stderr) == []


@pytest.mark.parametrize("args", [["chek", "x"], ["chek"], ["rolup", "folder", "-o", "out.xlsx"]])
def test_mistyped_verb_lists_the_verbs(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert f"未知命令“{args[0]}”" in result.stderr
    assert all(verb in result.stderr for verb in VERB_MODULES)
    assert "unrecognized" not in result.stderr and english_words(result.stderr, *args) == []


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["rollup", "--help"]])
def test_help_into_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already exited: every write fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args], stdout=write_end, stderr=subprocess.PIPE, check=False
        )
    finally:
        os.close(write_end)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr
    assert result.returncode == 0
