"""批注 round trip: reviewer comments → .docx → township marks 已修改 → .docx → reviewer closes them."""

from __future__ import annotations

from pathlib import Path

import docx

from gkdesk.io.docx.comments import read_docx_comments
from gkdesk.io.docx.export import export_docx
from gkdesk.io.files.safe_zip import Package
from gkdesk.io.gkr import load_gkr
from gkdesk.io.open import read_with_result
from gkdesk.model.comments import comment_text, parse_comment_text
from gkdesk.review.comments import open_comments
from gkdesk.review.compare import compare_reports
from tests.conftest import SAMPLE_GKR


def test_comment_text_round_trips() -> None:
    report = load_gkr(SAMPLE_GKR)
    comment = report.add_comment("requests.new", "审核人", "请核对\n第二行")
    assert parse_comment_text(comment_text(comment)) == ("待修改", "请核对\n第二行", ())


def test_comments_are_word_comments_at_their_cell_and_paragraph(tmp_path: Path) -> None:
    report = load_gkr(SAMPLE_GKR)
    report.add_comment("requests.new.natural", "县政务公开办", "请核对本年新收申请数")
    report.add_comment("overview#2", "县政务公开办", "表述不准确")
    path = tmp_path / "r.docx"
    export_docx(report, path)
    found = read_docx_comments(Package(path, ".docx"), report, own=True)
    assert [(c.anchor, c.author, c.text, c.status) for c in found] == [
        ("requests.new.natural", "县政务公开办", "请核对本年新收申请数", "待修改"),
        ("overview#2", "县政务公开办", "表述不准确", "待修改"),
    ]
    assert len(docx.Document(str(path)).comments) == 2


def test_review_round_trip(tmp_path: Path) -> None:
    sent = load_gkr(SAMPLE_GKR)
    comment = sent.add_comment("requests.new.natural", "县政务公开办", "请核对本年新收申请数")
    export_docx(sent, tmp_path / "sent.docx")

    township = read_with_result(tmp_path / "sent.docx").report  # the township opens it in gkdesk
    assert [c.text for c in open_comments(township)] == ["请核对本年新收申请数"]
    township.set_value("requests.new.natural", 15)
    township.set_comment_status(comment.id, "已修改")
    export_docx(township, tmp_path / "returned.docx")

    returned = read_with_result(tmp_path / "returned.docx").report  # the reviewer opens the return
    assert [(c.id, c.status) for c in returned.comments] == [(comment.id, "已修改")]
    changes = compare_reports(sent, returned)
    assert ("requests.new.natural", "14", "15") in [(c.key, c.before, c.after) for c in changes]
    returned.set_comment_status(comment.id, "已确认")
    assert open_comments(returned) == []


def test_status_changed_in_word_is_read_back(tmp_path: Path) -> None:
    report = load_gkr(SAMPLE_GKR)
    report.add_comment("overview#1", "县政务公开办", "请补充")
    path = tmp_path / "r.docx"
    export_docx(report, path)
    document = docx.Document(str(path))
    word_comment = next(iter(document.comments))
    word_comment.paragraphs[0].runs[0].text = "【已修改】请补充"
    for run in word_comment.paragraphs[0].runs[1:]:
        run.text = ""
    document.save(str(path))
    result = read_with_result(path)
    assert [c.status for c in result.report.comments] == ["已修改"]
