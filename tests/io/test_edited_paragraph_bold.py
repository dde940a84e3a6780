"""A paragraph edited by hand in gkdesk's own .docx keeps the bold lead phrases Word shows."""

from __future__ import annotations

from pathlib import Path

import docx

from gkdesk.io.docx.export import export_docx
from gkdesk.io.docx.read import read_docx
from gkdesk.io.own.read import choose_embedded, choose_visible
from tests.helpers import sample_report

LEAD = "五是积极回应社会关切。"


def _edit_plain_run(path: Path) -> str:
    """Fix a figure in the plain run of the paragraph holding LEAD (in bold); returns the new text."""
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if LEAD in p.text)
    run = next(r for r in paragraph.runs if "36 个" in r.text)
    run.text = run.text.replace("36 个", "38 个")
    document.save(str(path))
    return paragraph.text.strip()


def test_hand_edited_paragraph_keeps_its_bold_runs(tmp_path: Path) -> None:
    sample = sample_report()
    path = tmp_path / "edited.docx"
    export_docx(sample, path)
    expected_text = _edit_plain_run(path)

    result = read_docx(path)
    assert result.kind == "own"
    assert [d.key for d in result.differences] == ["overview#6"]
    paragraph = result.report.paragraphs("overview")[5]
    assert paragraph.text == expected_text
    assert [run.text for run in paragraph.runs if run.bold] == [LEAD]
    assert paragraph.kind == sample.paragraphs("overview")[5].kind

    choose_embedded(result, "overview#6")
    assert result.report.paragraphs("overview")[5] == sample.paragraphs("overview")[5]
    choose_visible(result, "overview#6")
    assert result.report.paragraphs("overview")[5] == paragraph


def test_a_paragraph_made_bold_in_word_stays_bold(tmp_path: Path) -> None:
    sample = sample_report()
    path = tmp_path / "bold.docx"
    export_docx(sample, path)
    document = docx.Document(str(path))
    first = next(p for p in document.paragraphs if p.text.strip() == sample.paragraphs("problems")[0].text.strip())
    first.runs[0].text = first.runs[0].text + "（已整改）"
    first.runs[0].bold = True
    document.save(str(path))
    result = read_docx(path)
    runs = result.report.paragraphs("problems")[0].runs
    assert any(run.bold and "（已整改）" in run.text for run in runs)
