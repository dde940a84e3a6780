"""批注 as Excel cell comments: reviewer → .xlsx → township marks 已修改 → .xlsx → reviewer closes them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.comments import read_xlsx_comments
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.io.xlsx.hidden import DATA_SHEET
from gkdesk.review.comments import open_comments
from gkdesk.review.compare import compare_reports
from tests.helpers import sample_report
from tests.io.xlsx_variants import build_xlsx

REVIEWER = "县政务公开办"


def test_comments_sit_on_their_cell_row_label_and_paragraph_row(tmp_path: Path) -> None:
    report = sample_report()
    report.add_comment("requests.new.natural", REVIEWER, "请核对本年新收申请数")
    report.add_comment("requests.new", "市政务公开办", "本行合计有误")
    report.add_comment("overview#2", REVIEWER, "表述不准确\n请改")
    report.add_comment("title", REVIEWER, "标题缺少年度")
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)

    workbook = openpyxl.load_workbook(path)
    comments = {
        (sheet.title, cell.coordinate): cell.comment
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment
    }
    assert len(comments) == 4
    texts = {c.text: (where, c.author) for where, c in comments.items()}
    assert texts["【待修改】请核对本年新收申请数"][1] == REVIEWER
    assert texts["【待修改】本行合计有误"][1] == "市政务公开办"
    sheet, ref = texts["【待修改】本行合计有误"][0]
    assert sheet == "表三" and "本年新收" in str(workbook[sheet][ref].value)
    sheet, ref = texts["【待修改】表述不准确\n请改"][0]
    assert sheet == "文字部分" and workbook[sheet][ref].value == report.paragraphs("overview")[1].text
    assert texts["【待修改】标题缺少年度"][0][0] == "基本信息"

    found = read_xlsx_comments(path, report)
    # sheet by sheet, row by row: 基本信息, 表三 (label cell before value cell), 文字部分
    assert [(c.anchor, c.author, c.text, c.status) for c in found] == [
        ("title", REVIEWER, "标题缺少年度", "待修改"),
        ("requests.new", "市政务公开办", "本行合计有误", "待修改"),
        ("requests.new.natural", REVIEWER, "请核对本年新收申请数", "待修改"),
        ("overview#2", REVIEWER, "表述不准确\n请改", "待修改"),
    ]


def test_two_comments_on_one_cell_share_it_and_come_back_apart(tmp_path: Path) -> None:
    report = sample_report()
    report.add_comment("requests.new.natural", REVIEWER, "请核对")
    report.add_comment("requests.new.natural", "市政务公开办", "同意县里意见")
    path = tmp_path / "two.xlsx"
    export_xlsx(report, path)
    found = read_xlsx_comments(path, report)
    assert [(c.anchor, c.author, c.text) for c in found] == [
        ("requests.new.natural", REVIEWER, "请核对"),
        ("requests.new.natural", "市政务公开办", "同意县里意见"),
    ]


def test_review_round_trip(tmp_path: Path) -> None:
    sent = sample_report()
    comment = sent.add_comment("requests.new.natural", REVIEWER, "请核对本年新收申请数")
    paragraph = sent.add_comment("overview#1", REVIEWER, "请补充")
    export_xlsx(sent, tmp_path / "sent.xlsx")

    township = read_with_result(tmp_path / "sent.xlsx").report  # the township opens it in gkdesk
    assert [c.text for c in open_comments(township)] == ["请核对本年新收申请数", "请补充"]
    township.set_value("requests.new.natural", 15)
    township.set_comment_status(comment.id, "已修改")
    export_xlsx(township, tmp_path / "returned.xlsx")

    returned = read_with_result(tmp_path / "returned.xlsx").report  # the reviewer opens the return
    assert [(c.id, c.status) for c in returned.comments] == [(comment.id, "已修改"), (paragraph.id, "待修改")]
    changes = compare_reports(sent, returned)
    assert ("requests.new.natural", "14", "15") in [(c.key, c.before, c.after) for c in changes]
    returned.set_comment_status(comment.id, "已确认")
    assert [c.id for c in open_comments(returned)] == [paragraph.id]


def _edit_comment(path: Path, old: str, new: str) -> None:
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment and cell.comment.text == old:
                    cell.comment = Comment(new, cell.comment.author)
    workbook.save(path)


def test_status_changed_and_comment_added_in_excel_are_read_back(tmp_path: Path) -> None:
    report = sample_report()
    report.add_comment("overview#1", REVIEWER, "请补充")
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    _edit_comment(path, "【待修改】请补充", f"{REVIEWER}:\n【已修改】请补充\n回复：已补充第二段")
    workbook = openpyxl.load_workbook(path)
    new_key, ref = next(iter(_refs("表二").items()))
    workbook["表二"][ref].comment = Comment("这个数字对吗？", "乡镇经办人")  # typed in Excel, no status
    workbook.save(path)

    result = read_with_result(path)
    assert result.kind == "own"
    statuses = [(c.anchor, c.author, c.text, c.status, c.replies) for c in result.report.comments]
    assert statuses[0] == ("overview#1", REVIEWER, "请补充", "已修改", ("已补充第二段",))
    assert statuses[1] == (new_key, "乡镇经办人", "这个数字对吗？", "待修改", ())


def test_comments_of_an_own_file_are_placed_by_the_layout_not_by_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gkdesk's own workbook: a comment typed on a value cell and one on a row's label come back on that cell
    and that row from the exported layout; the label matcher is never asked."""
    from gkdesk.io.xlsx import comments

    report = sample_report()
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    workbook = openpyxl.load_workbook(path)
    key, ref = next(iter(_refs("表三").items()))
    workbook["表三"][ref].comment = Comment("请核对", "乡镇经办人")
    sheet, label_ref = comments.comment_places(report)["requests.new"]  # the row's own label cell
    workbook[sheet][label_ref].comment = Comment("这一行呢？", "乡镇经办人")
    workbook.save(path)

    def no_label_matching(*_: object) -> None:
        raise AssertionError("an own workbook's comments were matched by labels")

    monkeypatch.setattr(comments, "read_tables", no_label_matching)
    result = read_with_result(path)
    assert result.kind == "own"
    anchors = {c.text: c.anchor for c in result.report.comments}
    assert anchors["请核对"] == key
    assert anchors["这一行呢？"] == "requests.new"


def _refs(title: str) -> dict[str, str]:
    from gkdesk.io.xlsx.tables import table_sheet

    spec = sample_report().spec
    section = next(s for s in spec.sections if s.table and f"表{s.number}" == title)
    assert section.table is not None
    return table_sheet(section, spec.tables[section.table]).refs


def test_comments_of_a_damaged_own_file_are_read_by_labels(tmp_path: Path) -> None:
    report = sample_report()
    report.add_comment("requests.new.natural", REVIEWER, "请核对")
    report.add_comment("proactive.license", REVIEWER, "许可一行请补全")
    report.add_comment("problems#2", REVIEWER, "请具体些")
    path = tmp_path / "damaged.xlsx"
    export_xlsx(report, path)
    workbook = openpyxl.load_workbook(path)
    del workbook[DATA_SHEET]
    workbook.save(path)
    result = read_with_result(path)
    assert result.kind == "foreign"
    assert [(c.anchor, c.text) for c in result.report.comments] == [  # in sheet order: 表二, 表三, 文字部分
        ("proactive.license", "许可一行请补全"),
        ("requests.new.natural", "请核对"),
        ("problems#2", "请具体些"),
    ]


def test_comments_in_a_foreign_workbook_are_anchored_by_labels(tmp_path: Path) -> None:
    path = tmp_path / "foreign.xlsx"
    build_xlsx(path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    result_before = read_with_result(path)
    report = result_before.report
    # find where the matcher read requests.new.natural and put a comment there
    target = next(
        (cell for row in sheet.iter_rows() for cell in row if cell.value is not None and "本年新收" in str(cell.value)),
        None,
    )
    assert target is not None
    sheet.cell(target.row, target.column).comment = Comment("整行请核对", REVIEWER)
    workbook.save(path)
    found = read_xlsx_comments(path, report)
    assert [(c.anchor, c.text) for c in found] == [("requests.new", "整行请核对")]
