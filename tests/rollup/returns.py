"""Returned reports for roll-up tests and the benchmark: filled in the way a township would."""

from __future__ import annotations

from decimal import Decimal

from gkdesk.model import CellValue, Contact, Paragraph, Report

NARRATIVE = {
    "overview": "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开工作有序推进。",
    "problems": "存在的主要问题是公开内容还不够全面，下一步将加强培训。",
    "other": "本年度未收取信息处理费。",
}


def filled_report(organ: str, year: int = 2025, values: dict[str, CellValue] | None = None, level: str = "township") -> Report:
    """A complete, balanced report: every input cell 0 unless given, every narrative section written."""
    report = Report.new(year, organ=organ)
    report.organ_level = level
    report.contact = Contact(f"{organ}党政办", f"{organ}政府大院", "0953-1234567", "gk@example.cn")
    for cell in report.spec.input_cells:
        report.values[cell.key] = Decimal("0") if cell.value_type.max_decimals else 0
    report.values.update(values or {})
    for section in report.spec.narrative_sections:
        text = NARRATIVE.get(section.key, f"{organ}{section.heading}相关情况。")
        report.narratives[section.key] = [Paragraph.plain(f"{organ}：{text}")]
    return report


def balanced_values(seed: int) -> dict[str, CellValue]:
    """Figures that satisfy every arithmetic rule, varying with `seed`."""
    new, carried = seed % 7 + 1, seed % 3
    granted, partial = new, carried // 2
    forward = new + carried - granted - partial
    return {
        "proactive.normative_doc.issued": seed % 4,
        "proactive.normative_doc.in_force": seed % 4 + 10,
        "proactive.license.decisions": seed * 3 % 101,
        "proactive.penalty.decisions": seed % 13,
        "proactive.fee.amount_wan": Decimal(seed % 50) / Decimal(10000) + Decimal("0.1"),
        "requests.new.natural": new,
        "requests.carried_over.natural": carried,
        "requests.granted.natural": granted,
        "requests.partial.natural": partial,
        "requests.carried_forward.natural": forward,
        "appeals.reconsideration.upheld": seed % 2,
    }


OUTCOME_SPREAD = ("granted", "partial", "denied_4", "unable_1", "unable_2", "not_processed_2", "other_1", "denied_6")


def varied_values(seed: int) -> dict[str, CellValue]:
    """Balanced figures spread over several applicant types and outcomes (a busier township than balanced_values)."""
    values = balanced_values(seed)
    for column, scale in (("natural", 7), ("commercial", 3), ("legal", 1)):
        new, carried = (seed * scale * 5) % 23 + scale, (seed + scale) % 3
        forward = (seed + scale) % 2
        handled = new + carried - forward
        values[f"requests.new.{column}"] = new
        values[f"requests.carried_over.{column}"] = carried
        values[f"requests.carried_forward.{column}"] = forward
        for row in OUTCOME_SPREAD:
            values[f"requests.{row}.{column}"] = 0
        for index in range(handled):
            row = OUTCOME_SPREAD[(index * (seed + 3)) % len(OUTCOME_SPREAD)] if index % 3 else "granted"
            values[f"requests.{row}.{column}"] = int(values[f"requests.{row}.{column}"] or 0) + 1  # type: ignore[call-overload]
    values["appeals.reconsideration.upheld"] = seed % 3
    values["appeals.reconsideration.corrected"] = seed % 2
    values["appeals.litigation_direct.upheld"] = seed % 4 // 3
    values["proactive.normative_doc.in_force"] = 10 + seed % 9
    return values
