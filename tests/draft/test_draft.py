"""Drafted paragraphs: wording for zero, one and several categories, both editions, placement, the quick fix,
and definitions that cannot be read back refused when they load."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from gkdesk.checks import run_checks
from gkdesk.draft import apply_drafts, draft_paragraphs
from gkdesk.draft.fix import fix_figures
from gkdesk.io.gkr import load_gkr, save_gkr
from gkdesk.model import Paragraph, Report, Run
from gkdesk.paths import resource
from gkdesk.spec import SpecError, parse_spec
from tests.conftest import SAMPLE_GKR
from tests.helpers import filled_report, sample_report

ROOT = Path(__file__).resolve().parents[2]


def _texts(report: Report) -> dict[str, str]:
    return {draft.topic.key: draft.text for draft in draft_paragraphs(report)}


def test_sample_requests_and_normative_documents() -> None:
    texts = _texts(sample_report())
    assert "共收到政府信息公开申请14件，均为自然人申请" in texts["requests"]
    assert "予以公开12件、无法提供2件（均为本机关不掌握相关政府信息）" in texts["requests"]
    assert "制发行政规范性文件3件，废止行政规范性文件45件，截至年底现行有效行政规范性文件30件" in texts["normative_docs"]
    assert texts["appeals"] == "2021年，同心县未发生因政府信息公开引起的行政复议、行政诉讼案件。"
    assert texts["fee"] == "2021年，同心县未收取政府信息公开信息处理费。"


def test_zero_wording() -> None:
    report = filled_report(2023)
    texts = _texts(report)
    assert texts["requests"] == "2023年，测试县未收到政府信息公开申请。"
    assert texts["normative_docs"] == "2023年，测试县未制发行政规范性文件，截至年底无现行有效的行政规范性文件。"


def test_several_categories_are_listed() -> None:
    report = filled_report(2022)
    report.values |= {
        "requests.new.natural": 12,
        "requests.new.commercial": 2,
        "requests.carried_over.natural": 1,
        "requests.granted.natural": 10,
        "requests.denied_4.commercial": 1,
        "requests.not_processed_2.natural": 2,
        "requests.not_processed_1.natural": 1,
        "requests.carried_forward.commercial": 1,
        "appeals.reconsideration.upheld": 1,
        "appeals.reconsideration.pending": 1,
        "appeals.litigation_direct.corrected": 1,
        "requests.other_2.natural": 0,
    }
    texts = _texts(report)
    assert texts["requests"] == (
        "2022年，测试县共收到政府信息公开申请14件，其中自然人申请12件、商业企业申请2件，上年结转政府信息公开申请1件。"
        "本年度办结政府信息公开申请14件，其中予以公开10件、不予公开1件（为保护第三方合法权益）、"
        "不予处理3件（其中信访举报投诉类申请1件、重复申请2件），结转下年度继续办理1件。"
    )
    assert texts["appeals"] == (
        "2022年，测试县发生政府信息公开行政复议2起，政府信息公开行政诉讼1起。"
        "行政复议案件中，结果维持1起、尚未审结1起。行政诉讼案件为结果纠正。"
    )
    assert not [f for f in run_checks(report) if f.rule == "text.table_mismatch"]


def test_2019_edition_wording() -> None:
    report = filled_report(2020)
    report.values |= {"proactive.normative_doc.made": 4, "proactive.normative_doc.total_public": 32}
    texts = _texts(report)
    assert texts["normative_docs"] == "2020年，测试县新制作规范性文件4件，对外公开规范性文件总数量32件。"
    assert "fee" not in texts  # the 2019 tables carry no figure about fees


def test_redrafting_replaces_and_places_after_its_subpart() -> None:
    report = sample_report()
    before = len(report.paragraphs("overview"))
    apply_drafts(report, draft_paragraphs(report))
    once = [p.text for p in report.paragraphs("overview")]
    report.values["requests.new.natural"] = 15
    report.values["requests.granted.natural"] = 13
    apply_drafts(report, draft_paragraphs(report))
    twice = [p.text for p in report.paragraphs("overview")]
    assert len(once) == len(twice) == before + 3
    drafted = next(i for i, text in enumerate(twice) if text.startswith("2021年，同心县共收到"))
    assert "申请15件" in twice[drafted]
    assert twice[drafted - 1].startswith("（二）") and twice[drafted + 2].startswith("（三）")


def test_quick_fix_writes_the_table_figure_and_keeps_bold() -> None:
    report = sample_report()
    report.narratives["overview"][4] = Paragraph((Run("三是清理。", bold=True), Run("我县现行有效规范性文件 27 个。")))
    fixed = fix_figures(report, "overview", 4)
    assert fixed is not None
    assert fixed.runs == (Run("三是清理。", bold=True), Run("我县现行有效规范性文件 30 个。"))
    assert fix_figures(report, "overview", 0) is None
    report.narratives["overview"][4] = fixed
    assert not [f for f in run_checks(report) if f.rule == "text.table_mismatch"]


def test_emptied_sample_drafted_from_the_command_line(tmp_path: Path) -> None:
    report = load_gkr(SAMPLE_GKR)
    report.narratives = {}
    emptied = tmp_path / "空白.gkr"
    save_gkr(report, emptied)
    out = tmp_path / "起草.gkr"
    run = [sys.executable, str(ROOT / "main.py"), "draft", str(emptied), "-o", str(out)]
    result = subprocess.run(run, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    assert "[一、总体情况·依申请公开] 2021年，同心县共收到政府信息公开申请14件" in result.stdout
    drafted = load_gkr(out)
    assert not [f for f in run_checks(drafted) if f.rule == "text.table_mismatch"]
    again = subprocess.run([*run[:3], str(out), "-o", str(out)], capture_output=True, text=True, check=False)
    assert again.returncode == 0
    assert load_gkr(out).narratives == drafted.narratives


def test_command_line_refusals(tmp_path: Path) -> None:
    main = [sys.executable, str(ROOT / "main.py"), "draft"]
    unknown = subprocess.run([*main, str(SAMPLE_GKR), "--section", "x"], capture_output=True, text=True, check=False)
    assert unknown.returncode == 2 and "不是可起草的部分" in unknown.stderr and "overview" in unknown.stderr
    suffix = subprocess.run([*main, str(SAMPLE_GKR), "-o", str(tmp_path / "a.docx")], capture_output=True, text=True)
    assert suffix.returncode == 2 and ".gkr" in suffix.stderr
    missing = subprocess.run([*main, str(tmp_path / "无.gkr")], capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def _definition_with_draft(draft: dict[str, object]) -> dict[str, object]:
    data = tomllib.loads(resource("forms", "annual-report-2021.toml").read_text(encoding="utf-8"))
    data["drafts"] = [draft]
    return data


@pytest.mark.parametrize(
    ("clause", "reason"),
    [
        ({"of": ["requests.nothing.total"], "text": "共{n}件"}, "未知的单元格 requests.nothing.total"),
        ({"of": ["requests.new.total"], "text": "收到{n}件，{who}"}, "不能使用占位符 {who}"),
        ({"of": ["requests.new.total"], "text": "共{n}件"}, "数字前后的文字太少"),
        ({"of": ["requests.new.total"], "text": "共收到申请{n}"}, "数字前后的文字太少"),
        ({"of": ["requests.new.total"], "text": "共收到申请"}, "应含 {n}"),
    ],
)
def test_definition_refused_naming_the_place(clause: dict[str, object], reason: str) -> None:
    draft = {"key": "t", "name": "测试", "section": "overview", "sentences": [{"clauses": [clause]}]}
    with pytest.raises(SpecError) as error:
        parse_spec(_definition_with_draft(draft), "测试定义")
    assert reason in str(error.value) and "drafts[0].sentences[0].clauses[0]" in str(error.value)


def test_unfilled_tables_are_not_drafted_and_errors_are_named(tmp_path: Path) -> None:
    blank = Report.new(2022, "某某镇人民政府")
    assert [(d.topic.key, d.text, d.unfilled) for d in draft_paragraphs(blank)][1] == ("requests", "", ("requests",))
    path = tmp_path / "空白.gkr"
    save_gkr(blank, path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "draft", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout == ""
    assert "注意：表三还没有填写，未起草“依申请公开”" in result.stderr
    broken = sample_report()
    broken.values["requests.carried_over.natural"] = 3
    save_gkr(broken, path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "draft", str(path)], capture_output=True, text=True, check=False
    )
    assert "注意：表格有 2 处错误（如：表三 第二列（自然人）：一+二=17" in result.stderr
    assert "（请核实：表格中没有信息处理费的金额" in result.stdout


def test_a_single_case_is_not_all_of_them() -> None:
    report = filled_report(2022)
    report.values |= {"requests.new.legal": 1, "requests.not_processed_2.legal": 1}
    assert _texts(report)["requests"] == (
        "2022年，测试县共收到政府信息公开申请1件，为法律服务机构申请。"
        "本年度办结政府信息公开申请1件，不予处理（为重复申请），无结转下年度继续办理的申请。"
    )
