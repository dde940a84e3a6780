"""Rules over the narrative: figures against the tables, missing sections, old format, fee statement, repetition."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkdesk.checks.context import CheckContext, chinese_number
from gkdesk.checks.figures import stated_figures
from gkdesk.checks.finding import BASIC_SECTION, Finding
from gkdesk.model import Report, format_value
from gkdesk.model.places import paragraph_refs
from gkdesk.spec import Check, ParagraphRef, edition_for_year, load_spec

MIN_TEXT_FOR_REPETITION = 200


def paragraph_anchor(section_key: str, index: int) -> str:
    """The anchor of a paragraph, counted from 1 as people count them: "overview#5" is 第五段."""
    return str(ParagraphRef(section_key, index + 1))


def _paragraphs(report: Report) -> Iterator[tuple[str, int, str]]:
    """(section key, paragraph index, text) of every narrative paragraph, in section order."""
    for place, paragraph in paragraph_refs(report):
        yield place.section, place.index, paragraph.text


def check_narrative_figures(ctx: CheckContext, check: Check) -> list[Finding]:
    """A figure the narrative states about the tables must equal the table's figure."""
    findings = []
    reported: set[tuple[str, str, int]] = set()
    identities: dict[str, int] = {}  # the same phrase twice in a section: the second is told apart by count
    figures = ctx.spec.narrative_figures
    for section_key, index, text in _paragraphs(ctx.report):
        for stated in stated_figures(text, figures):
            table_value = sum((ctx.resolved.number(key) for key in stated.cells), start=0)
            anchor = paragraph_anchor(section_key, index)
            if stated.value == table_value or (stated.name, anchor, stated.value) in reported:
                continue
            reported.add((stated.name, anchor, stated.value))
            section = ctx.spec.section(section_key)
            places = "+".join(ctx.cell_place(ctx.spec.cells[key]) for key in stated.cells)
            message = (
                f"{section.heading} 第{chinese_number(index + 1)}段：正文“{stated.phrase}”"
                f"（{stated.name}）为{stated.value}，而{places}为{format_value(table_value)}"
            )
            identity = f"{section_key}:{stated.name}:{stated.phrase}"
            identities[identity] = identities.get(identity, 0) + 1
            if identities[identity] > 1:
                identity += f"#{identities[identity]}"
            findings.append(Finding(check.id, check.severity, stated.cells, message, section_key, anchor, identity))
    return findings


def check_section_missing(ctx: CheckContext, check: Check) -> list[Finding]:
    findings = []
    filled_tables = {key.split(".", 1)[0] for key in (*ctx.report.values, *ctx.report.declared)}
    for section in ctx.spec.sections:
        if section.table is not None:
            missing = section.table not in filled_tables
        else:
            missing = not any(p.text.strip() for p in ctx.report.paragraphs(section.key))
        if missing:
            what = "表格没有填写任何数据" if section.table else "没有内容"
            message = f"“{section.heading}”{what}"
            findings.append(Finding(check.id, check.severity, (), message, section.key, section.key))
    return findings


def check_old_format(ctx: CheckContext, check: Check) -> list[Finding]:
    """A report uses the edition its year's definition covers, and cites the current format's notice."""
    year = ctx.report.year
    current = check.params["current_edition"]
    current_spec = load_spec(current)
    if year is None:
        return []
    if not current_spec.covers_year(year):
        if ctx.report.edition != current:
            return []
        message = f"{year}年度报告应使用{load_spec(edition_for_year(year)).name}试行格式，而不是{current}年格式"
        return [Finding(check.id, check.severity, (), message, "proactive", "proactive")]
    findings = []
    if ctx.report.edition != current:
        message = (
            f"{year}年度报告的表格用的是已废止的{ctx.report.edition}年试行格式（{ctx.report.spec.name}），"
            f"已按该格式读取；{year}年度应使用{current_spec.name}格式"
        )
        findings.append(Finding(check.id, check.severity, (), message, "proactive", "proactive"))
    citation = check.params["citation"]
    texts = [("overview", -1, ctx.report.opening), *_paragraphs(ctx.report)]
    for section_key, index, text in texts:
        if citation in text:
            anchor = paragraph_anchor(section_key, index) if index >= 0 else "opening"
            message = f"{year}年度报告引用了已被替代的{citation}，应引用{current_spec.name}"
            findings.append(Finding(check.id, check.severity, (), message, section_key, anchor, f"{section_key}:{citation}"))
            break
    return findings


def check_basic_info(ctx: CheckContext, check: Check) -> list[Finding]:
    """The title and the opening need the definition's required 基本信息 fields (a level must be a known one)."""
    report = ctx.report

    def blank(key: str) -> bool:
        if key == "organ_level":
            return ctx.spec.organ_level(report.organ_level) is None
        return not report.field_text(key).strip()

    missing = [field.label for field in ctx.spec.fields if field.required and blank(field.key)]
    if not missing:
        return []
    message = f"基本信息未填写：{'、'.join(missing)}（标题和开篇段落要用到）"
    return [Finding(check.id, check.severity, (), message, BASIC_SECTION, BASIC_SECTION)]


def check_fee_statement(ctx: CheckContext, check: Check) -> list[Finding]:
    section = ctx.spec.section(check.params["section"])
    text = "".join(p.text for p in ctx.report.paragraphs(section.key))
    if any(word in text for word in check.params["keywords"]):
        return []
    message = f"“{section.heading}”未说明信息处理费收取情况（未收取的也应说明）"
    return [Finding(check.id, check.severity, (), message, section.key, section.key)]


def _shingles(text: str, size: int = 3) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of character trigrams: 1.0 for identical texts."""
    left, right = _shingles(a), _shingles(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def check_repeated_text(ctx: CheckContext, check: Check) -> list[Finding]:
    if ctx.previous is None:
        return []
    findings = []
    for section in ctx.spec.narrative_sections:
        now = "".join(p.text for p in ctx.report.paragraphs(section.key))
        before = "".join(p.text for p in ctx.previous.paragraphs(section.key))
        if min(len(now), len(before)) < MIN_TEXT_FOR_REPETITION:
            continue
        similarity = text_similarity(now, before)
        if similarity >= check.params["threshold"]:
            message = f"“{section.heading}”与上年报告的相似度为{similarity:.0%}，内容雷同，应如实反映本年度工作"
            findings.append(Finding(check.id, check.severity, (), message, section.key, section.key))
    return findings
