"""The findings panel: every finding grouped by section; click jumps to the place, warnings can be explained."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.checks import Finding
from gkdesk.ui.commands import AcknowledgeCommand
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.prompts import Prompts

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10


def severity_text(document: ReportDocument, finding: Finding) -> str:
    if finding.is_error:
        return "错误"
    return "已说明" if document.is_acknowledged(finding) else "警告"


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their message wrapped to the width of the 问题 column (QTreeView asks without a width)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1) - 12
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding

    def __init__(self, document: ReportDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels(["问题", "类别", "规则"])
        # the whole message is visible: rows wrap to the column's width and follow it when resized
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.tree.setColumnWidth(1, 64)
        self.tree.setColumnWidth(2, 190)
        header.sectionResized.connect(lambda column, _old, _new: self._relayout.start() if column == 0 else None)
        self.tree.setRootIsDecorated(True)
        self.tree.itemClicked.connect(self.activate_item)
        self.tree.itemActivated.connect(self.activate_item)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self)
        self.acknowledge_button = QPushButton("说明此警告…", self)
        self.acknowledge_button.setToolTip("警告所指情况属实时，写明原因；说明随报告保存，该警告显示为已说明")
        self.acknowledge_button.clicked.connect(self.acknowledge_current)
        self.withdraw_button = QPushButton("撤销说明", self)
        self.withdraw_button.clicked.connect(self.withdraw_current)
        bar = QHBoxLayout()
        title = QLabel("审核结果", self)
        title.setStyleSheet("font-weight: bold;")
        bar.addWidget(title)
        bar.addWidget(self.summary)
        bar.addStretch(1)
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
        document.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_finding()
        self.tree.clear()
        spec = self.document.report.spec
        headings = {s.key: s.heading for s in spec.sections}
        by_section: dict[str, list[Finding]] = {}
        for finding in self.document.findings:
            by_section.setdefault(finding.section, []).append(finding)
        order = [s.key for s in spec.sections] + sorted(k for k in by_section if k not in headings)
        for key in order:
            findings = by_section.get(key)
            if not findings:
                continue
            errors, warnings = self.document.counts(key)
            group = QTreeWidgetItem(self.tree, [f"{headings.get(key, '基本信息')}（错误 {errors}，警告 {warnings}）"])
            for finding in sorted(findings, key=lambda f: (not f.is_error, f.rule)):
                item = QTreeWidgetItem(group, [self._text(finding), severity_text(self.document, finding), finding.rule])
                item.setData(0, FINDING_ROLE, finding)
                item.setToolTip(0, self._text(finding))
                colour = "#b00020" if finding.is_error else "#6b7380" if self.document.is_acknowledged(finding) else "#9a5b00"
                item.setForeground(1, QBrush(QColor(colour)))
                if current is not None and finding.key == current.key:
                    self.tree.setCurrentItem(item)
            group.setExpanded(True)
        errors, warnings = self.document.counts()
        self.summary.setText(f"错误 {errors}　警告 {warnings}" if errors or warnings else "未发现问题")
        self._update_buttons()

    def _text(self, finding: Finding) -> str:
        explanation = self.document.report.acknowledgements.get(finding.key)
        if explanation and not finding.is_error:
            return f"{finding.message}（已说明：{explanation}）"
        return finding.message

    def items(self) -> list[QTreeWidgetItem]:
        result = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None:
                result += [item for j in range(group.childCount()) if (item := group.child(j)) is not None]
        return result

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        return finding if isinstance(finding, Finding) else None

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        is_warning = finding is not None and not finding.is_error
        self.acknowledge_button.setEnabled(is_warning)
        self.detail.setText(self._text(finding) if finding is not None else "")
        self.detail.setVisible(finding is not None)
        self.withdraw_button.setEnabled(is_warning and finding is not None and self.document.is_acknowledged(finding))

    def activate_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Jump to the place of the finding shown by `item`."""
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.activated.emit(finding)

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if finding is None or finding.is_error:
            return
        old = self.document.report.acknowledgements.get(finding.key, "")
        text = self.prompts.ask_text("说明警告", f"{finding.message}\n\n请写明情况属实的原因（随报告保存）：", old)
        if text is not None and text.strip():
            self.document.undo_stack.push(AcknowledgeCommand(self.document, finding.key, text.strip()))

    def withdraw_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and self.document.is_acknowledged(finding):
            self.document.undo_stack.push(AcknowledgeCommand(self.document, finding.key, None))
