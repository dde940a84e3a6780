"""The 批注 panel: every review comment with its place, reviewer, time and status; add, mark, jump."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.model import COMMENT_STATUSES, Change, ReviewComment
from gkdesk.review.comments import anchor_name
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.review_commands import SetCommentStatusCommand

COMMENT_ROLE = Qt.ItemDataRole.UserRole + 20
STATUS_COLORS = {"待修改": "#b00020", "已修改": "#9a5b00", "已确认": "#2e7d32"}
HEADERS = ("位置", "批注", "批注人", "时间", "状态")
MAX_NAME_WIDTH = 320
COMPACT_HEIGHT = 130  # first height in the window: its buttons and three comments; drag the edge for more


class CommentsPanel(QWidget):
    """`activated` carries the anchor of the clicked comment; `addRequested` asks the owner to add one."""

    activated = Signal(str)
    addRequested = Signal()

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("comments")
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 220), (2, 170), (3, 130), (4, 64)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.summary = QLabel(self)
        self.open_only = QCheckBox("只看未确认", self)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.add_button = QPushButton("添加批注…", self)
        self.add_button.setToolTip("在当前选中的单元格、行或段落上添加批注")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the selected cell keeps the focus
        self.add_button.clicked.connect(self.addRequested.emit)
        self.status_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.summary)
        bar.addStretch(1)
        bar.addWidget(self.open_only)
        bar.addWidget(self.add_button)
        for status in COMMENT_STATUSES:
            button = QPushButton(f"标为{status}", self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, s=status: self.set_current_status(s))
            self.status_buttons[status] = button
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        document.changed.connect(self._on_changed)
        document.reset.connect(self.refresh)
        self.refresh()

    def sizeHint(self) -> QSize:
        """Compact, so a returned report's table keeps its rows on a 1366×768 screen."""
        return QSize(super().sizeHint().width(), COMPACT_HEIGHT)

    def _on_changed(self, change: Change) -> None:
        if change.kind in ("comment", "all"):
            self.refresh()

    def refresh(self) -> None:
        current = self.current_comment()
        self.tree.clear()
        report = self.document.report
        shown = [c for c in report.comments if not (self.open_only.isChecked() and c.status == "已确认")]
        for comment in shown:
            item = QTreeWidgetItem(
                self.tree,
                [anchor_name(report, comment.anchor), comment.text, comment.author, _time(comment), comment.status],
            )
            item.setData(0, COMMENT_ROLE, comment.id)
            item.setToolTip(0, item.text(0))
            replies = "\n".join(f"回复：{r}" for r in comment.replies)
            item.setToolTip(1, comment.text + (f"\n{replies}" if replies else ""))
            item.setForeground(4, QBrush(QColor(STATUS_COLORS.get(comment.status, "#000000"))))
            if current is not None and comment.id == current.id:
                self.tree.setCurrentItem(item)
        # the reviewer's name whole (a county office's name is long), within reason
        names = [self.tree.fontMetrics().horizontalAdvance(c.author) for c in shown]
        self.tree.setColumnWidth(2, max(110, min(MAX_NAME_WIDTH, max(names, default=0) + 24)))
        counts = {status: sum(1 for c in report.comments if c.status == status) for status in COMMENT_STATUSES}
        self.summary.setText("　".join(f"{s} {n}" for s, n in counts.items()) if report.comments else "暂无批注")
        self._update_buttons()

    def comment_items(self) -> list[QTreeWidgetItem]:
        return [item for i in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(i)) is not None]

    def current_comment(self) -> ReviewComment | None:
        item = self.tree.currentItem()
        comment_id = item.data(0, COMMENT_ROLE) if item is not None else None
        return next((c for c in self.document.report.comments if c.id == comment_id), None)

    def _update_buttons(self) -> None:
        comment = self.current_comment()
        for status, button in self.status_buttons.items():
            button.setEnabled(comment is not None and comment.status != status)

    def set_current_status(self, status: str) -> None:
        comment = self.current_comment()
        if comment is not None and comment.status != status:
            self.document.undo_stack.push(SetCommentStatusCommand(self.document, comment.id, status))

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        comment = next((c for c in self.document.report.comments if c.id == item.data(0, COMMENT_ROLE)), None)
        if comment is not None:
            self.activated.emit(comment.anchor)


def _time(comment: ReviewComment) -> str:
    return comment.created.replace("T", " ")[:16] if comment.created else "（外部文件）"
