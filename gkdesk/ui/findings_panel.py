"""The findings panel: errors first, then warnings, the current page's first; click jumps to the place.

A re-check changes few findings, so the list is updated in place: rows whose finding is unchanged are not
touched, changed ones get their new text, and only new or gone findings add or remove rows. The rule id
(e.g. T3.balance) is in the row's tooltip. The panel keeps room for a few findings and remembers its height.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.checks import Finding
from gkdesk.checks.finding import BASIC_SECTION
from gkdesk.spec.places import ParagraphRef
from gkdesk.ui.commands import AcknowledgeCommand, SetParagraphsCommand
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.prompts import Prompts
from gkdesk.ui.settings import app_settings

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
HEIGHT_KEY = "findings/height"
MIN_ROWS = 4  # findings visible at the panel's smallest height
FIGURE_MISMATCH_RULE = "text.table_mismatch"  # has a quick fix: the table's figures written into the sentence
ERROR_COLOUR, WARNING_COLOUR, EXPLAINED_COLOUR = "#b00020", "#9a5b00", "#6b7380"


# A text finding quotes the narrative's words: 正文“现行有效规范性文件 27 个”; the figure is the number and its unit.
QUOTED_WORDS = re.compile(r"正文“([^”]+)”")
FIGURE = re.compile(r"\d[\d,，]*(?:\.\d+)?\s*(?:万元|[\u4e00-\u9fff])?")


def stated_figure(message: str) -> tuple[str, str] | None:
    """(the quoted narrative words, the figure in them) of a text finding, e.g. (“现行有效规范性文件 27 个”, “27 个”)."""
    quoted = QUOTED_WORDS.search(message)
    if quoted is None:
        return None
    figures = FIGURE.findall(quoted.group(1))
    return (quoted.group(1), figures[-1].strip()) if figures else None


def severity_text(document: ReportDocument, finding: Finding) -> str:
    if finding.is_error:
        return "错误"
    return "已说明" if document.is_acknowledged(finding) else "警告"


def ordered(findings: list[Finding], section_order: list[str], current_section: str | None) -> list[Finding]:
    """Errors before warnings; within each, the current page's findings first, then in section order."""
    rank = {key: number for number, key in enumerate(section_order)}

    def sort_key(pair: tuple[int, Finding]) -> tuple[bool, bool, int, int]:
        position, finding = pair
        return not finding.is_error, finding.section != current_section, rank.get(finding.section, -1), position

    return [finding for _, finding in sorted(enumerate(findings), key=sort_key)]


@dataclass(frozen=True)
class RowLook:
    """What a row shows: a row is repainted only when this changes."""

    text: str
    severity: str
    colour: str
    tooltip: str


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their message wrapped to the width of the 问题 column (QTreeView asks without a width)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        width = self.tree.header().sectionSize(0) - 12  # flat list, no root decoration: no indentation
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, document: ReportDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        self.current_section: str | None = None
        self._rows: dict[str, QTreeWidgetItem] = {}  # finding key → its row
        self._looks: dict[str, RowLook] = {}
        self._shown: dict[str, Finding] = {}
        self._keys: dict[int, str] = {}  # id of a row → its finding key
        self._current_key: str | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels(["问题", "类别"])
        # the whole message is visible: rows wrap to the column's width and follow it when resized
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, 64)
        header.sectionResized.connect(lambda column, _old, _new: self._relayout.start() if column == 0 else None)
        self.tree.itemClicked.connect(self.activate_item)
        self.tree.itemActivated.connect(self.activate_item)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.summary = QLabel(self)
        self.acknowledge_button = QPushButton("说明此警告…", self)
        self.acknowledge_button.setToolTip("警告所指情况属实时，写明原因；说明随报告保存，该警告显示为已说明")
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        self.withdraw_button = QPushButton("撤销说明", self)
        self.withdraw_button.clicked.connect(self.withdraw_current)
        self.fix_button = QPushButton("用表格数字改写这句", self)
        self.fix_button.setToolTip("把这段正文中与表格不一致的数字改为表格中的数字（可撤销）")
        self.fix_button.clicked.connect(self.fix_current)
        self.fix_button.setVisible(False)
        bar = QHBoxLayout()
        title = QLabel("审核结果", self)
        title.setStyleSheet("font-weight: bold;")
        bar.addWidget(title)
        bar.addWidget(self.summary)
        bar.addStretch(1)
        bar.addWidget(self.fix_button)
        bar.addWidget(self.acknowledge_button)
        bar.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.setMinimumHeight(self.minimum_height())
        self._height_restored = False
        self._store_height = QTimer(self)
        self._store_height.setSingleShot(True)
        self._store_height.setInterval(400)
        self._store_height.timeout.connect(self._remember_height)
        document.findingsChanged.connect(self.refresh)
        document.reset.connect(self.rebuild)
        self.refresh()

    # ------------------------------------------------------------ size

    def minimum_height(self) -> int:
        """The title bar, the column header and MIN_ROWS one-line findings."""
        line = self.fontMetrics().lineSpacing()
        return self.acknowledge_button.sizeHint().height() + (MIN_ROWS + 1) * (line + 8) + 12

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._height_restored:
            self._height_restored = True
            self._restore_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._height_restored and self.isVisible():
            self._store_height.start()

    def _splitter(self) -> tuple[QSplitter, QWidget] | None:
        """The vertical splitter the panel sits in (directly or as a tab), and its item there."""
        item: QWidget = self
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QSplitter) and parent.orientation() == Qt.Orientation.Vertical:
                return parent, item
            item, parent = parent, parent.parentWidget()
        return None

    def _restore_height(self) -> None:
        value = app_settings().value(HEIGHT_KEY)
        try:
            height = int(str(value))
        except ValueError:
            return
        found = self._splitter()
        if found is None:
            return
        splitter, item = found
        sizes = splitter.sizes()
        mine = splitter.indexOf(item)
        total = sum(sizes)
        height = max(self.minimum_height(), min(height, total - 120)) + max(0, item.height() - self.height())
        if mine < 0 or total <= 0 or len(sizes) < 2:
            return
        others = [i for i in range(len(sizes)) if i != mine]
        rest = total - height
        share = sum(sizes[i] for i in others) or 1
        new_sizes = [height if i == mine else max(1, sizes[i] * rest // share) for i in range(len(sizes))]
        splitter.setSizes(new_sizes)

    def _remember_height(self) -> None:
        if self.isVisible():
            app_settings().setValue(HEIGHT_KEY, self.height())

    # ------------------------------------------------------------ rows

    def set_current_section(self, section: str) -> None:
        """The page being shown: its findings move to the top of their severity."""
        if section != self.current_section:
            self.current_section = section
            self.refresh()

    def rebuild(self) -> None:
        """New content: drop every row (keys of another report must not match)."""
        self.tree.clear()
        self._rows.clear()
        self._looks.clear()
        self._shown.clear()
        self._keys.clear()
        self._current_key = None
        self.refresh()

    def refresh(self) -> None:
        """Bring the rows in line with the document's findings, touching only what changed."""
        wanted = self._wanted()
        current_key = self._current_key
        self._drop_rows({key for key, _ in wanted})
        self._place_rows(wanted)
        if current_key in self._rows and self._current_key != current_key:  # a moved row lost the focus
            self.tree.setCurrentItem(self._rows[current_key])
        errors, warnings = self.document.counts()
        self.summary.setText(f"错误 {errors}　警告 {warnings}" if errors or warnings else "未发现问题")
        if self._current_key is not None and self._current_key not in self._rows:
            self._current_key = None
        self._update_buttons()

    def _wanted(self) -> list[tuple[str, Finding]]:
        """(row key, finding) in the order shown; a finding repeated at one place gets a numbered key."""
        section_order = [BASIC_SECTION, *(s.key for s in self.document.report.spec.sections)]
        wanted: list[tuple[str, Finding]] = []
        seen: dict[str, int] = {}
        for finding in ordered(self.document.findings, section_order, self.current_section):
            count = seen[finding.key] = seen.get(finding.key, 0) + 1
            wanted.append((finding.key if count == 1 else f"{finding.key}#{count}", finding))
        return wanted

    def _drop_rows(self, keep: set[str]) -> None:
        for key in [k for k in self._rows if k not in keep]:
            item = self._rows.pop(key)
            self._looks.pop(key, None)
            self._shown.pop(key, None)
            self._keys.pop(id(item), None)
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))

    def _place_rows(self, wanted: list[tuple[str, Finding]]) -> None:
        tree = self.tree
        for position, (key, finding) in enumerate(wanted):
            row = self._rows.get(key)
            if row is None:
                row = self._rows[key] = QTreeWidgetItem()
                self._keys[id(row)] = key
                tree.insertTopLevelItem(position, row)
            elif tree.indexOfTopLevelItem(row) != position:
                tree.takeTopLevelItem(tree.indexOfTopLevelItem(row))
                tree.insertTopLevelItem(position, row)
            self._show(key, row, finding)

    def _show(self, key: str, item: QTreeWidgetItem, finding: Finding) -> None:
        text = self._text(finding)
        severity = severity_text(self.document, finding)
        colour = ERROR_COLOUR if finding.is_error else EXPLAINED_COLOUR if severity == "已说明" else WARNING_COLOUR
        look = RowLook(text, severity, colour, f"{text}\n规则：{finding.rule}")
        if self._shown.get(key) != finding:
            self._shown[key] = finding
            item.setData(0, FINDING_ROLE, finding)
        old = self._looks.get(key)
        if old == look:
            return
        self._looks[key] = look
        if old is None or old.text != look.text:
            item.setText(0, look.text)
            item.setToolTip(0, look.tooltip)
            item.setToolTip(1, look.tooltip)
        if old is None or old.severity != look.severity:
            item.setText(1, look.severity)
            item.setForeground(1, QBrush(QColor(look.colour)))

    def _text(self, finding: Finding) -> str:
        explanation = self.document.report.acknowledgements.get(finding.key)
        if explanation and not finding.is_error:
            return f"{finding.message}（已说明：{explanation}）"
        return finding.message

    def items(self) -> list[QTreeWidgetItem]:
        """The rows in the order shown."""
        return [self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount())]  # type: ignore[misc]

    def findings(self) -> list[Finding]:
        """The findings in the order shown."""
        return [self._shown[self._keys[id(item)]] for item in self.items()]

    # ------------------------------------------------------------ current row

    def _key_of(self, item: QTreeWidgetItem | None) -> str | None:
        return None if item is None else self._keys.get(id(item))

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._current_key = self._key_of(current)
        self._update_buttons()

    def current_finding(self) -> Finding | None:
        return self._shown.get(self._current_key) if self._current_key is not None else None

    def select_next(self) -> None:
        """Make the next finding (after the current one, wrapping round) current and jump to it."""
        items = self.items()
        if not items:
            return
        current = self._rows.get(self._current_key) if self._current_key is not None else None
        position = items.index(current) + 1 if current in items else 0
        item = items[position % len(items)]
        self.tree.setCurrentItem(item)
        self.activate_item(item)

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        is_warning = finding is not None and not finding.is_error
        self.acknowledge_button.setEnabled(is_warning)
        self.detail.setText(self._text(finding) if finding is not None else "")
        self.detail.setVisible(finding is not None)
        self.withdraw_button.setEnabled(is_warning and finding is not None and self.document.is_acknowledged(finding))
        self.fix_button.setVisible(finding is not None and finding.rule == FIGURE_MISMATCH_RULE)

    def activate_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Jump to the place of the finding shown by `item`."""
        key = self._key_of(item)
        if key is not None and key in self._shown:
            self.activated.emit(self._shown[key])

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if finding is None or finding.is_error:
            return
        old = self.document.report.acknowledgements.get(finding.key, "")
        text = self.prompts.ask_text("说明警告", f"{finding.message}\n\n请写明情况属实的原因（随报告保存）：", old)
        if text is not None and text.strip():
            self.document.undo_stack.push(AcknowledgeCommand(self.document, finding.key, text.strip()))

    def fix_current(self) -> None:
        """Quick fix of a figure that differs from the tables: the paragraph takes the table's figures."""
        from gkdesk.draft.fix import fix_figures  # drafting code loads on first use

        finding = self.current_finding()
        place = ParagraphRef.parse(finding.anchor) if finding is not None else None
        if place is None:
            return
        report = self.document.report
        fixed = fix_figures(report, place.section, place.index)
        if fixed is not None:
            paragraphs = list(report.paragraphs(place.section))
            paragraphs[place.index] = fixed
            command = SetParagraphsCommand(self.document, place.section, paragraphs, "用表格数字改写", typing=False)
            self.document.undo_stack.push(command)

    def withdraw_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and self.document.is_acknowledged(finding):
            self.document.undo_stack.push(AcknowledgeCommand(self.document, finding.key, None))
