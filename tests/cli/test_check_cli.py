"""`python main.py check`: messages, exit codes and the JSON shape, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gkdesk.io.docx.export import export_docx
from gkdesk.io.gkr import save_gkr
from tests.conftest import ROOT, SAMPLE_GKR
from tests.helpers import hand_edited_docx, sample_report


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_sample_reports_mismatch_and_exits_0() -> None:
    result = run_cli("check", str(SAMPLE_GKR))
    assert result.returncode == 0, result.stderr
    assert "text.table_mismatch" in result.stdout and "27" in result.stdout and "30" in result.stdout
    assert "共 0 个错误，1 个警告" in result.stdout


def test_broken_value_exits_1_with_rule_cells_and_numbers(tmp_path: Path) -> None:
    report = sample_report()
    report.values["requests.granted.natural"] = 11
    path = tmp_path / "broken.gkr"
    save_gkr(report, path)
    result = run_cli("check", str(path), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    balance = [f for f in data["findings"] if f["rule"] == "T3.balance"]
    assert balance[0]["cells"] == [
        "requests.new.natural",
        "requests.carried_over.natural",
        "requests.total.natural",
        "requests.carried_forward.natural",
    ]
    assert balance[0]["message"] == "表三 第二列（自然人）：一+二=14，三（七）+四=13，相差1"
    assert balance[0]["severity"] == "error"
    text = run_cli("check", str(path))
    assert text.returncode == 1 and "[错误] T3.balance" in text.stdout


def test_json_shape() -> None:
    result = run_cli("check", str(SAMPLE_GKR), "--json")
    data = json.loads(result.stdout)
    assert set(data) == {"file", "format", "organ", "year", "values", "findings"}
    assert (data["format"], data["organ"], data["year"]) == ("2021", "同心县", 2021)
    assert data["values"]["requests"]["new"] == {
        "natural": 14, "commercial": 0, "research": 0, "social": 0, "legal": 0, "other_org": 0, "total": 14,
    }  # fmt: skip
    assert data["values"]["proactive"]["fee"] == {"amount_wan": 1340.5117}
    assert data["values"]["appeals"]["litigation_after"]["total"] == 0
    assert [f["rule"] for f in data["findings"]] == ["text.table_mismatch"]


def test_blank_and_invalid_cells_are_null(tmp_path: Path) -> None:
    report = sample_report()
    del report.values["requests.new.legal"]
    from gkdesk.model import Invalid

    report.values["requests.new.social"] = Invalid("—")
    path = tmp_path / "r.gkr"
    save_gkr(report, path)
    data = json.loads(run_cli("check", str(path), "--json").stdout)
    assert data["values"]["requests"]["new"]["legal"] is None
    assert data["values"]["requests"]["new"]["social"] is None
    assert {"value.blank", "value.invalid"} <= {f["rule"] for f in data["findings"]}


def test_previous_year(tmp_path: Path) -> None:
    last = sample_report()
    last.year = 2020
    last.values["requests.carried_forward.natural"] = 3
    path = tmp_path / "last.gkr"
    save_gkr(last, path)
    result = run_cli("check", str(SAMPLE_GKR), "--previous", str(path), "--json")
    assert result.returncode == 1
    assert "T3.carry_over" in {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gkr"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("check", str(bad))
    assert result.returncode == 2
    assert "无法读取报告" in result.stderr and "bad.gkr" in result.stderr and "Traceback" not in result.stderr
    missing = run_cli("check", str(tmp_path / "nope.gkr"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr


def test_word_files_are_checked_with_what_reading_found(tmp_path: Path) -> None:
    from tests.io.docx_variants import Variant, build_docx

    typed = tmp_path / "typed.docx"
    build_docx(typed, Variant(text_overrides={"requests.new.natural": "/"}))
    result = run_cli("check", str(typed), "--json")
    assert result.returncode == 1
    invalid = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "value.invalid"]
    assert invalid[0]["cells"] == ["requests.new.natural"]

    exported = hand_edited_docx(tmp_path)
    edited = run_cli("check", str(exported))
    assert "import.hand_edit" in edited.stdout and "29102" in edited.stdout and "29103" in edited.stdout


def test_previous_of_another_year_is_refused(tmp_path: Path) -> None:
    result = run_cli("check", str(SAMPLE_GKR), "--previous", str(SAMPLE_GKR), "--json")
    assert result.returncode == 2
    assert "不能作为上年度报告" in json.loads(result.stdout)["error"]


def test_unreadable_file_with_json_prints_one_object(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gkr"
    bad.write_text("{", encoding="utf-8")
    result = run_cli("check", str(bad), "--json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["file"] == str(bad) and "bad.gkr" in data["error"]


def test_closed_pipe_is_not_a_traceback() -> None:
    command = f'"{sys.executable}" "{ROOT / "main.py"}" check "{SAMPLE_GKR}" --json | true'
    result = subprocess.run(command, shell=True, capture_output=True, text=True, encoding="utf-8", check=False)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_export_refuses_a_wrong_suffix_before_any_work(tmp_path: Path) -> None:
    result = run_cli("export", str(SAMPLE_GKR), "--docx", str(tmp_path / "a.txt"))
    assert result.returncode == 2 and ".docx" in result.stderr
    assert not (tmp_path / "a.txt").exists()
    compare = run_cli("compare", str(SAMPLE_GKR), str(SAMPLE_GKR), "-o", str(tmp_path / "c.txt"))
    assert compare.returncode == 2 and "修改说明" in compare.stderr and compare.stdout == ""


def test_compare_refuses_to_write_over_a_compared_report(tmp_path: Path) -> None:
    old, new = tmp_path / "a.docx", tmp_path / "b.docx"
    export_docx(sample_report(), str(old))
    export_docx(sample_report(), str(new))
    before = new.read_bytes(), old.read_bytes()
    for target in (new, old):
        result = run_cli("compare", str(old), str(new), "-o", str(target))
        assert result.returncode == 2 and "不能覆盖" in result.stderr and result.stdout == ""
    assert (new.read_bytes(), old.read_bytes()) == before
