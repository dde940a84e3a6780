"""Places as values: each key parses to one kind of place, prints as the same key, and has one description."""

from __future__ import annotations

import pytest

from gkdesk.model import Paragraph, Report
from gkdesk.model.places import paragraph_refs
from gkdesk.spec import CellRef, FieldRef, ParagraphRef, RowRef, SectionRef, load_spec


@pytest.mark.parametrize(
    ("key", "place", "described"),
    [
        ("requests.new.natural", CellRef("requests", "new", "natural"), "表三「一、本年新收政府信息公开申请数量」行「自然人」列"),
        ("requests.new", RowRef("requests", "new"), "表三「一、本年新收政府信息公开申请数量」行"),
        ("overview#3", ParagraphRef("overview", 3), "一、总体情况 第3段"),
        ("overview", SectionRef("overview"), "一、总体情况"),
        ("contact.phone", FieldRef("contact.phone"), "联系电话"),
        ("opening", FieldRef("opening"), "开头段落"),
    ],
)
def test_a_key_is_parsed_printed_and_described_once(key: str, place: object, described: str) -> None:
    spec = load_spec("2021")
    assert spec.place(key) == place
    assert str(place) == key
    assert spec.describe_key(key) == described


@pytest.mark.parametrize("key", ["requests.new.nobody", "requests.nothing", "nowhere#2", "nothing", "overview#x"])
def test_keys_naming_no_place_are_refused(key: str) -> None:
    spec = load_spec("2021")
    assert spec.place(key) is None
    assert spec.describe_key(key) == key


def test_a_cell_only_one_edition_has_is_no_place_in_the_other() -> None:
    only_2021 = next(key for key in load_spec("2021").cells if key not in load_spec("2019").cells)
    assert load_spec("2019").place(only_2021) is None


def test_paragraph_refs_number_each_section_from_one() -> None:
    report = Report.new(2023)
    report.set_paragraphs("overview", [Paragraph.plain("甲"), Paragraph.plain("乙")])
    report.set_paragraphs("other", [Paragraph.plain("丙")])
    refs = [(str(ref), paragraph.text) for ref, paragraph in paragraph_refs(report)]
    assert refs == [("overview#1", "甲"), ("overview#2", "乙"), ("other#1", "丙")]
    assert ParagraphRef.parse("overview#2") == ParagraphRef("overview", 2) and ParagraphRef("overview", 2).index == 1
