"""依据表格生成: the section's routine paragraphs drafted from the tables, and sentences whose figures
differ from the tables rewritten with the table's figures — applied as one undoable step."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gkdesk.checks.context import chinese_number
from gkdesk.draft import DraftParagraph, draft_paragraphs, with_drafts
from gkdesk.draft.caveats import contradicting_errors, errors_note, unfilled_note
from gkdesk.draft.fix import FigureFix, figure_fixes, rewrite_paragraph
from gkdesk.draft.place import find_earlier_draft, insertion_index
from gkdesk.model import Paragraph
from gkdesk.ui.commands import SetParagraphsCommand
from gkdesk.ui.document import ReportDocument

FIGURE_STYLE = "background:#fff2b3;font-weight:bold"
OLD_STYLE = "color:#b00020;text-decoration:line-through"
NOTE_STYLE = "color:#8a5a00"
WARNING_STYLE = "color:#b00020;font-weight:bold"
EXCERPT_CHARS = 18


def highlighted(draft: DraftParagraph) -> str:
    """The paragraph as rich text with every figure taken from the tables highlighted."""
    parts, position = [], 0
    for figure in draft.figures:
        parts.append(html.escape(draft.text[position : figure.start]))
        parts.append(f'<span style="{FIGURE_STYLE}">{html.escape(draft.text[figure.start : figure.end])}</span>')
        position = figure.end
    parts.append(html.escape(draft.text[position:]))
    return "".join(parts)


def fix_preview(text: str, fixes: list[FigureFix]) -> str:
    """Around each figure: the stated number struck through and the table's number highlighted."""
    pieces = []
    for fix in fixes:
        before = html.escape(text[max(0, fix.start - EXCERPT_CHARS) : fix.start])
        after = html.escape(text[fix.end : fix.end + 4])
        pieces.append(
            f'…{before}<span style="{OLD_STYLE}">{html.escape(fix.stated)}</span>'
            f'<span style="{FIGURE_STYLE}">{html.escape(fix.table)}</span>{after}…'
        )
    return "<br>".join(pieces)


class DraftDialog(QDialog):
    """Choose which drafted paragraphs to write in and which sentences to correct."""

    def __init__(self, document: ReportDocument, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.section = section
        report = document.report
        heading = report.spec.section(section).heading
        self.setWindowTitle(f"依据表格生成 — {heading}")
        paragraphs = report.paragraphs(section)
        everything = draft_paragraphs(report, section)
        self.drafts = [draft for draft in everything if draft.text]
        errors = contradicting_errors(report, self.drafts)
        self.fixes = {i: fixes for i, p in enumerate(paragraphs) if (fixes := figure_fixes(report, p.text))}

        body = QWidget(self)
        rows = QVBoxLayout(body)
        self.draft_boxes: list[QCheckBox] = []
        self.notes = [unfilled_note(draft, report.spec) for draft in everything if not draft.text]
        if errors:
            self.notes.insert(0, errors_note(errors))
        for note in self.notes:
            warning = QLabel(note, body)
            warning.setWordWrap(True)
            warning.setStyleSheet(WARNING_STYLE)
            rows.addWidget(warning)
        if self.drafts:
            rows.addWidget(self._heading("依据表格数字起草的段落（黄色为取自表格的数字）"))
        for draft in self.drafts:
            box = QCheckBox(f"{draft.topic.name}：{self._where(draft, paragraphs)}", body)
            box.setChecked(not draft.topic.note)  # wording the tables only suggest is written in on request
            if draft.topic.note:
                box.setToolTip(f"请核实：{draft.topic.note}")
            box.setObjectName(f"draft-{draft.topic.key}")
            self.draft_boxes.append(box)
            rows.addWidget(box)
            rows.addWidget(self._text(highlighted(draft)))
            if draft.topic.note:
                rows.addWidget(self._text(f'<span style="{NOTE_STYLE}">请核实：{html.escape(draft.topic.note)}</span>'))
        self.fix_boxes: dict[int, QCheckBox] = {}
        if self.fixes:
            rows.addWidget(self._heading("正文与表格不一致的句子"))
        for index, fixes in self.fixes.items():
            box = QCheckBox(f"第{chinese_number(index + 1)}段：用表格数字改写这句", body)
            box.setChecked(True)
            box.setObjectName(f"fix-{index}")
            self.fix_boxes[index] = box
            rows.addWidget(box)
            rows.addWidget(self._text(fix_preview(paragraphs[index].text, fixes)))
        if not self.drafts and not self.fixes:
            rows.addWidget(QLabel("这一部分没有可依据表格起草的段落，正文数字也与表格一致。", body))
        rows.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("写入正文")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.drafts or self.fixes))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("hint")
        label.setStyleSheet("font-weight:bold")
        return label

    def _text(self, rich: str) -> QLabel:
        label = QLabel(rich, self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setContentsMargins(24, 0, 8, 8)
        return label

    def _where(self, draft: DraftParagraph, paragraphs: list[Paragraph]) -> str:
        earlier = find_earlier_draft(paragraphs, draft.topic, self.document.report)
        if earlier is not None:
            return f"替换第{chinese_number(earlier + 1)}段（此前生成的段落）"
        index = insertion_index(paragraphs, draft.topic.after)
        if index >= len(paragraphs):
            return "加在本部分末尾"
        return f"插在第{chinese_number(index + 1)}段之前"

    def chosen_paragraphs(self) -> list[Paragraph]:
        """The section's paragraphs with the checked corrections and drafts written in."""
        report = self.document.report
        paragraphs = list(report.paragraphs(self.section))
        for index, box in self.fix_boxes.items():
            if box.isChecked():
                paragraphs[index] = rewrite_paragraph(paragraphs[index], self.fixes[index])
        chosen = [draft for draft, box in zip(self.drafts, self.draft_boxes, strict=True) if box.isChecked()]
        corrected = report.copy()
        corrected.narratives[self.section] = paragraphs
        return with_drafts(corrected, chosen).get(self.section, paragraphs)

    def apply(self) -> bool:
        """Write the choice into the report as one undo step; False when nothing changes."""
        paragraphs = self.chosen_paragraphs()
        if paragraphs == self.document.report.paragraphs(self.section):
            return False
        command = SetParagraphsCommand(self.document, self.section, paragraphs, "依据表格生成", typing=False)
        self.document.undo_stack.push(command)
        return True


def open_draft_dialog(document: ReportDocument, section: str, parent: QWidget | None = None) -> None:
    dialog = DraftDialog(document, section, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        dialog.apply()
