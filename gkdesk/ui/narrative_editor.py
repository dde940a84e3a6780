"""Paragraph-based editing of one section's text, kept in the report document through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from gkdesk.model import Change, Paragraph
from gkdesk.ui.commands import SetParagraphsCommand
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.paste_text import insert_paragraphs, pasted_paragraphs
from gkdesk.ui.rich_text import (
    block_format,
    block_of_paragraph,
    char_format,
    fill_document,
    is_subheading,
    read_document,
)
from gkdesk.ui.style import installed
from gkdesk.ui.undo_routing import route_undo_keys

BODY_FAMILIES = ["FangSong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun"]


def with_outline(paragraphs: list[Paragraph], outline: tuple[str, ...]) -> list[Paragraph]:
    """The outline's missing headings added in outline order: each before the next heading that is present
    (with the text under it), the rest at the end."""
    result = list(paragraphs)
    for position, item in enumerate(outline):
        texts = [p.text.strip() for p in result]
        if item in texts:
            continue
        later = [texts.index(other) for other in outline[position + 1 :] if other in texts]
        at = min(later) if later else len(result)
        result.insert(at, Paragraph.plain(item, "subheading"))
    return result


class ParagraphTextEdit(QTextEdit):
    """Enter at the end of a sub-heading starts a body paragraph, not another sub-heading."""

    def __init__(self, indent: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indent = indent

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and is_subheading(cursor.blockFormat()) and cursor.atBlockEnd():
            body = block_format("body")
            body.setTextIndent(self.indent)
            cursor.insertBlock(body, char_format(False))
            self.setTextCursor(cursor)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Word/WPS paste keeps bold lead phrases and makes “（一）…” lines 小标题 (see paste_text)."""
        paragraphs = pasted_paragraphs(source)
        if not paragraphs:
            super().insertFromMimeData(source)
            return
        insert_paragraphs(self.textCursor(), paragraphs, self.indent)
        self.ensureCursorVisible()


class NarrativeEditor(QWidget):
    """A section's paragraphs: （一）-style sub-headings, bold lead phrases, a character count."""

    def __init__(self, document: ReportDocument, section: str, outline: tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.section = section
        self.outline = outline
        self._last: list[Paragraph] = list(document.report.paragraphs(section))
        self._loading = False

        self.editor = ParagraphTextEdit(0.0, self)
        self.editor.setObjectName(f"narrative-{section}")
        self.editor.setAcceptRichText(False)
        self.editor.setUndoRedoEnabled(False)  # the report's QUndoStack does undo
        font = QFont()
        font.setFamilies(installed(BODY_FAMILIES))
        font.setPointSizeF(13)
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(14)
        route_undo_keys(self.editor)
        self.indent = float(QFontMetrics(font).horizontalAdvance("国国"))
        self.editor.indent = self.indent

        self.heading_button = QPushButton("小标题", self)
        self.heading_button.setToolTip("把当前段设为或取消（一）式小标题 (Ctrl+1)")
        self.heading_button.clicked.connect(self.toggle_subheading)
        self.bold_button = QPushButton("加粗", self)
        self.bold_button.setToolTip("加粗选中的文字，用于段首的领起句 (Ctrl+B)")
        self.bold_button.clicked.connect(self.toggle_bold)
        QShortcut(QKeySequence("Ctrl+1"), self.editor, self.toggle_subheading, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Bold, self.editor, self.toggle_bold, context=Qt.ShortcutContext.WidgetShortcut)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")

        bar = QHBoxLayout()
        bar.addWidget(self.heading_button)
        bar.addWidget(self.bold_button)
        if outline:
            self.outline_button = QPushButton("插入常用提纲", self)
            self.outline_button.setToolTip("在末尾插入常用的小标题：\n" + "\n".join(outline))
            self.outline_button.clicked.connect(self.insert_outline)
            bar.addWidget(self.outline_button)
        self.draft_button = QPushButton("依据表格生成…", self)
        self.draft_button.setToolTip("依据表格中的数字起草常规段落，或把正文中与表格不一致的数字改为表格数字")
        self.draft_button.clicked.connect(self.draft_from_tables)
        bar.addWidget(self.draft_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.editor, 1)
        # under the text, right-aligned: never squeezed out by the buttons on a narrow window
        layout.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight)

        self._load(self._last)
        self.editor.document().contentsChanged.connect(self._on_edited)
        document.changed.connect(self._on_report_changed)

    def place_anchor(self) -> str:
        """ "section#n": the paragraph under the cursor, counted 1-based over non-empty paragraphs."""
        current = self.editor.textCursor().block().blockNumber()
        block = self.editor.document().begin()
        number = 0
        while block.isValid() and block.blockNumber() <= current:
            if block.text().strip():
                number += 1
            block = block.next()
        return f"{self.section}#{max(number, 1)}"

    # ------------------------------------------------------------ document ⇄ editor

    def _load(self, paragraphs: list[Paragraph]) -> None:
        self._loading = True
        position = self.editor.textCursor().position()
        fill_document(self.editor.document(), paragraphs, self.indent)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(cursor)
        self._loading = False
        self._update_count()

    def _on_edited(self) -> None:
        if self._loading:
            return
        paragraphs = read_document(self.editor.document())
        if paragraphs != self._last:
            self._last = paragraphs
            self._update_count()
            self.document.undo_stack.push(SetParagraphsCommand(self.document, self.section, paragraphs, "编辑正文"))

    def _on_report_changed(self, change: Change) -> None:
        if change.kind != "narrative" or change.key != self.section:
            return
        paragraphs = list(self.document.report.paragraphs(self.section))
        if paragraphs != self._last:
            self._last = paragraphs
            self._load(paragraphs)

    def _update_count(self) -> None:
        text = "".join(p.text for p in self._last)
        count = sum(1 for ch in text if not ch.isspace())
        self.count_label.setText(f"{len(self._last)} 段，{count} 字")

    # ------------------------------------------------------------ actions

    def toggle_subheading(self) -> None:
        cursor = self.editor.textCursor()
        heading = is_subheading(cursor.blockFormat())
        fmt = block_format("body" if heading else "subheading")
        if heading:
            fmt.setTextIndent(self.indent)
        cursor.beginEditBlock()
        cursor.setBlockFormat(fmt)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        char = cursor.charFormat()
        char.setFontWeight(QFont.Weight.Normal if heading else QFont.Weight.Bold)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()
        typing = self.editor.currentCharFormat()
        typing.setFontWeight(char.fontWeight())
        self.editor.setCurrentCharFormat(typing)

    def toggle_bold(self) -> None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return
        fmt = cursor.charFormat()
        bold = fmt.fontWeight() >= QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        cursor.mergeCharFormat(fmt)

    def insert_outline(self) -> None:
        merged = with_outline(self._last, self.outline)
        if merged != self._last:
            self.document.undo_stack.push(
                SetParagraphsCommand(self.document, self.section, merged, "插入常用提纲", typing=False)
            )

    def draft_from_tables(self) -> None:
        from gkdesk.ui.draft_dialog import open_draft_dialog  # drafting is loaded when first used

        open_draft_dialog(self.document, self.section, self)

    def select_paragraph(self, index: int, figure: tuple[str, str] | None = None) -> None:
        """Select the report's paragraph `index` (from 0): one block per paragraph as loaded, empty ones included.

        `figure`: (words, part of them) — select just that part where the words occur in the paragraph (the
        “27 个” a finding is about); the whole paragraph when they are not there (edited since).
        """
        document = self.editor.document()
        if document.blockCount() == len(self._last):
            number = min(index, document.blockCount() - 1)
        else:  # edited since: the report holds the non-empty blocks
            number = block_of_paragraph(document, index)
        block = document.findBlockByNumber(number)
        cursor = QTextCursor(block)
        words_at = block.text().find(figure[0]) if figure else -1
        if figure and words_at >= 0 and figure[1] in figure[0]:
            start = block.position() + words_at + figure[0].index(figure[1])
            cursor.setPosition(start)
            cursor.setPosition(start + len(figure[1]), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()
