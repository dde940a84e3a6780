"""What the verbs say when given something they cannot use: JSON stays JSON, usage is the verb's own,
quotes are Chinese, a unit list is called a unit list, and a folder is never taken as an output file name."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gkdesk.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"


def test_rollup_json_with_nothing_to_roll_up_prints_an_error_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "说明.txt").write_text("不是报告", encoding="utf-8")
    assert main(["rollup", str(tmp_path), "--json"]) == 2
    out = capsys.readouterr().out
    document = json.loads(out)
    assert "没有可汇总的报告文件" in document["error"]
    assert document["sources"] == [str(tmp_path)] and document["refused"] == []


def test_rollup_json_lists_refused_files_in_the_error_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "坏.gkr").write_text("{不是 JSON", encoding="utf-8")
    assert main(["rollup", str(tmp_path), "--json"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["error"].startswith("无法汇总")
    assert [Path(item["file"]).name for item in document["refused"]] == ["坏.gkr"]


def test_rollup_json_refusing_a_wrong_output_name_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rollup", str(SAMPLE), "-o", str(tmp_path / "汇总.txt"), "--json"]) == 2
    assert "汇总表的文件名应以 .xlsx 结尾" in json.loads(capsys.readouterr().out)["error"]


def test_an_extra_word_shows_the_verbs_own_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "a", "b"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：gkdesk check ") and "gkdesk check：错误：无法识别的参数：b" in err


def test_a_bad_deadline_is_quoted_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "--year", "2025", "--deadline", "明天", "-o", str(tmp_path / "t.gkt")]) == 2
    err = capsys.readouterr().err
    assert "“明天”" in err and "'" not in err
    assert not (tmp_path / "t.gkt").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_unit_list_that_is_a_pipe_is_called_a_unit_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "名单.csv")
    assert main(["template", "--year", "2025", "--units", str(tmp_path / "名单.csv"), "-o", str(tmp_path / "t.gkt")]) == 2
    err = capsys.readouterr().err
    assert "不能作为单位名单读取" in err and "报告" not in err


def test_import_refuses_an_existing_folder_as_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "输出"
    folder.mkdir()
    assert main(["import", str(SAMPLE), "-o", str(folder)]) == 2
    assert "是已有的文件夹" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["输出"] and not any(folder.iterdir())
