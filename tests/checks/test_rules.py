"""Every rule of the format: a passing and a failing case each."""

from __future__ import annotations

from decimal import Decimal

from gkdesk.checks import Finding, run_checks
from gkdesk.model import Contact, Invalid, Paragraph, Report, Run
from tests.helpers import filled_report, sample_report


def rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_clean_report_has_no_finding() -> None:
    assert run_checks(filled_report()) == []


def test_sample_has_only_the_27_vs_30_mismatch() -> None:
    findings = run_checks(sample_report())
    assert rules(findings) == {"text.table_mismatch"}
    (finding,) = findings
    assert finding.severity == "warning"
    assert finding.cells == ("proactive.normative_doc.in_force",)
    assert "27" in finding.message and "30" in finding.message
    assert finding.anchor == "overview#5"


def test_balance_message_names_column_and_numbers() -> None:
    report = filled_report()
    report.values["requests.new.commercial"] = 7
    report.values["requests.granted.commercial"] = 5
    balance = only(run_checks(report), "T3.balance")
    assert balance[0].severity == "error"
    assert balance[0].message == "表三 第三列（商业企业）：一+二=7，三（七）+四=5，相差2"
    assert balance[0].cells == (
        "requests.new.commercial",
        "requests.carried_over.commercial",
        "requests.total.commercial",
        "requests.carried_forward.commercial",
    )
    report.values["requests.carried_forward.commercial"] = 2
    assert not only(run_checks(report), "T3.balance")


def test_row_total_against_declared_total() -> None:
    report = filled_report()
    report.values["requests.granted.natural"] = 3
    report.values["requests.new.natural"] = 3
    assert not only(run_checks(report), "T3.row_total")
    report.declared["requests.granted.total"] = 4
    (finding,) = only(run_checks(report), "T3.row_total")
    assert "（一）予以公开" in finding.message and "总计=4" in finding.message and "相差1" in finding.message
    assert "requests.granted.total" in finding.cells


def test_outcome_total_against_declared_total() -> None:
    report = filled_report()
    report.declared["requests.total.natural"] = 2
    found = only(run_checks(report), "T3.outcome_total")
    assert found and "三（七）总计=2" in found[0].message and found[0].cells[0] == "requests.total.natural"
    report.declared["requests.total.natural"] = 0
    assert not only(run_checks(report), "T3.outcome_total")


def test_appeals_total() -> None:
    report = filled_report()
    report.values["appeals.reconsideration.upheld"] = 2
    report.declared["appeals.reconsideration.total"] = 3
    (finding,) = only(run_checks(report), "T4.total")
    assert finding.message.startswith("表四 行政复议：总计=3") and "相差1" in finding.message
    report.declared["appeals.reconsideration.total"] = 2
    assert not only(run_checks(report), "T4.total")


def test_invalid_value() -> None:
    report = filled_report()
    report.values["requests.new.legal"] = Invalid("/")
    (finding,) = only(run_checks(report), "value.invalid")
    assert finding.severity == "error"
    assert "「一、本年新收政府信息公开申请数量」行「法律服务机构」列" in finding.message and "“/”" in finding.message
    report.values["requests.new.legal"] = 0
    assert not only(run_checks(report), "value.invalid")


def test_blank_value() -> None:
    report = filled_report()
    del report.values["requests.new.legal"]
    (finding,) = only(run_checks(report), "value.blank")
    assert finding.severity == "warning" and finding.cells == ("requests.new.legal",)
    assert finding.anchor == "requests" and "「一、本年新收政府信息公开申请数量」行「法律服务机构」列为空白" in finding.message


def test_blank_cells_are_one_finding_per_table() -> None:
    report = Report.new(2025)
    report.values.update({"requests.new.natural": 3, "requests.new.commercial": 1, "proactive.regulation.issued": 2})
    blanks = only(run_checks(report), "value.blank")
    assert [f.section for f in blanks] == ["proactive", "requests"]
    requests = blanks[1]
    inputs = [c.key for c in report.spec.input_cells if c.table == "requests"]
    assert requests.cells == tuple(k for k in inputs if k not in report.values)
    assert requests.message.startswith(f"表三有 {len(inputs) - 2} 个空白单元格")


def test_blank_table_reported_once_as_missing_section() -> None:
    report = filled_report()
    for key in [k for k in report.values if k.startswith("appeals.")]:
        del report.values[key]
    findings = run_checks(report)
    assert not only(findings, "value.blank")
    assert [f.section for f in only(findings, "structure.section_missing")] == ["appeals"]


def test_carry_over_needs_previous() -> None:
    report, previous = filled_report(), filled_report(2020)
    previous.values["requests.carried_forward.natural"] = 2
    previous.values["requests.new.natural"] = 2
    assert not only(run_checks(report), "T3.carry_over")
    (finding,) = only(run_checks(report, previous), "T3.carry_over")
    assert finding.severity == "error" and "上年报告四、结转下年度继续办理=2" in finding.message
    report.values["requests.carried_over.natural"] = 2
    report.values["requests.carried_forward.natural"] = 2
    assert not only(run_checks(report, previous), "T3.carry_over")


def test_in_force_continuity() -> None:
    report, previous = filled_report(), filled_report()
    previous.values["proactive.normative_doc.in_force"] = 30
    report.values["proactive.normative_doc.issued"] = 3
    report.values["proactive.normative_doc.repealed"] = 5
    report.values["proactive.normative_doc.in_force"] = 28
    assert not only(run_checks(report, previous), "T2.in_force")
    report.values["proactive.normative_doc.in_force"] = 40
    (finding,) = only(run_checks(report, previous), "T2.in_force")
    assert "应约为28" in finding.message


def test_in_force_reads_2019_total_public_of_last_year() -> None:
    report, previous = filled_report(2021), filled_report(2020)
    previous.values["proactive.normative_doc.total_public"] = 10
    report.values["proactive.normative_doc.in_force"] = 20
    assert only(run_checks(report, previous), "T2.in_force")


def test_regulation_level() -> None:
    report = filled_report()
    report.values["proactive.regulation.issued"] = 1
    (finding,) = only(run_checks(report), "T2.regulation_level")
    assert "县级人民政府" in finding.message
    report.organ_level = "city"
    assert not only(run_checks(report), "T2.regulation_level")


def test_fee_unit() -> None:
    report = filled_report()
    report.organ_level = "township"
    report.values["proactive.fee.amount_wan"] = Decimal("52000")
    (finding,) = only(run_checks(report), "T2.fee_unit")
    assert "5.2万元" in finding.message
    report.values["proactive.fee.amount_wan"] = Decimal("5.2")
    assert not only(run_checks(report), "T2.fee_unit")


def test_text_table_mismatch_applications() -> None:
    report = filled_report()
    report.values["requests.new.natural"] = 14
    report.values["requests.granted.natural"] = 14
    report.narratives["other"] = [Paragraph.plain("2021年，我县共受理14件政府信息公开申请，未收取信息处理费。")]
    assert not only(run_checks(report), "text.table_mismatch")
    report.narratives["other"] = [Paragraph.plain("2021年，我县共受理15件政府信息公开申请，未收取信息处理费。")]
    (finding,) = only(run_checks(report), "text.table_mismatch")
    assert finding.cells == ("requests.new.total",) and "15" in finding.message and "14" in finding.message


def test_text_table_mismatch_appeals() -> None:
    report = filled_report()
    report.narratives["overview"] = [Paragraph.plain("全年发生政府信息公开行政复议2件。")]
    (finding,) = only(run_checks(report), "text.table_mismatch")
    assert finding.cells == ("appeals.reconsideration.total",)


def test_section_missing() -> None:
    report = filled_report()
    report.narratives["problems"] = [Paragraph.plain("  ")]
    (finding,) = only(run_checks(report), "structure.section_missing")
    assert finding.section == "problems" and "五、存在的主要问题及改进情况" in finding.message


def test_old_format() -> None:
    report = filled_report()
    report.opening = "根据（国办公开办函〔2019〕60号）要求"
    assert only(run_checks(report), "structure.old_format")
    old = filled_report(2020)
    old.opening = report.opening
    assert not only(run_checks(old), "structure.old_format")
    misfiled = filled_report(2020)
    misfiled.year = 2021
    assert only(run_checks(misfiled), "structure.old_format")


def test_basic_info() -> None:
    report = filled_report()
    assert not only(run_checks(report), "structure.basic_info")
    report.organ = " "
    report.organ_level = "galaxy"
    report.contact = Contact(phone="0953-1")
    (finding,) = only(run_checks(report), "structure.basic_info")
    assert finding.message == "基本信息未填写：机关名称、机关层级、联系地址、电子邮箱（标题和开篇段落要用到）"


def test_old_format_the_other_way() -> None:
    report = filled_report()
    report.year = 2020
    (finding,) = only(run_checks(report), "structure.old_format")
    assert "2019" in finding.message


def test_figures_with_thousands_separators() -> None:
    report = filled_report()
    report.narratives["other"] = [Paragraph.plain("全年收到政府信息公开申请 1,400 件，未收取信息处理费。")]
    (finding,) = only(run_checks(report), "text.table_mismatch")
    assert "1400" in finding.message


def test_in_force_more_repealed_than_existed() -> None:
    report, previous = filled_report(), filled_report()
    previous.values["proactive.normative_doc.in_force"] = 3
    report.values["proactive.normative_doc.repealed"] = 20
    report.values["proactive.normative_doc.in_force"] = 0
    (finding,) = only(run_checks(report, previous), "T2.in_force")
    assert "多于" in finding.message and "-" not in finding.message


def test_fee_statement() -> None:
    report = filled_report()
    report.narratives["other"] = [Paragraph((Run("无其他事项。"),))]
    (finding,) = only(run_checks(report), "structure.fee_statement")
    assert finding.section == "other"


def test_repeated_text() -> None:
    text = "本年度我县认真贯彻落实政府信息公开条例，推进政务公开标准化规范化建设，" * 10
    report, previous = filled_report(), filled_report()
    report.narratives["overview"] = [Paragraph.plain(text)]
    previous.narratives["overview"] = [Paragraph.plain(text)]
    (finding,) = only(run_checks(report, previous), "text.repeated")
    assert finding.section == "overview"
    previous.narratives["overview"] = [Paragraph.plain("上一年度的工作完全不同，重点是网站集约化与平台整合，" * 10)]
    assert not only(run_checks(report, previous), "text.repeated")


def test_previous_attached_to_report_is_used() -> None:
    report, previous = filled_report(), filled_report()
    previous.values["requests.carried_forward.natural"] = 1
    report.previous = previous
    assert only(run_checks(report), "T3.carry_over")


def test_finding_order_follows_sections() -> None:
    report: Report = filled_report()
    report.values["requests.new.natural"] = 1
    report.narratives["problems"] = []
    sections = [f.section for f in run_checks(report)]
    assert sections == sorted(sections, key=["overview", "proactive", "requests", "appeals", "problems", "other"].index)


def test_values_resolved_by_the_caller_give_the_same_findings() -> None:
    from gkdesk.model import Resolved

    report = filled_report()
    report.values["requests.new.natural"] = 3
    assert run_checks(report, resolved=Resolved(report)) == run_checks(report)


def test_acknowledgement_of_a_text_warning_follows_its_paragraph() -> None:
    report = sample_report()
    (finding,) = run_checks(report)
    report.acknowledge(finding.key, "数字含已修订文件")
    overview = report.paragraphs("overview")
    report.set_paragraphs("overview", [Paragraph.plain("新增的一段。"), *overview])
    (moved,) = run_checks(report)
    assert moved.anchor != finding.anchor and moved.key == finding.key
    report.set_paragraphs("overview", list(reversed(overview)))
    (reordered,) = run_checks(report)
    assert reordered.key in report.acknowledgements


def test_orphaned_acknowledgements_keep_cross_year_ones_without_last_year() -> None:
    from gkdesk.checks.orphans import orphaned_acknowledgements

    report = sample_report()
    report.acknowledge("text.table_mismatch@overview:gone", "旧说明")
    report.acknowledge("T2.in_force@proactive.normative_doc.in_force", "修订后重新公布")
    assert orphaned_acknowledgements(report, run_checks(report)) == ["text.table_mismatch@overview:gone"]
