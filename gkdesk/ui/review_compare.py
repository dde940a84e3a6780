"""审核 → 与其他版本比较: every difference between another version and the open report, and 导出修改说明."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.io.errors import ReportFileError
from gkdesk.review.change_sheet import export_changes
from gkdesk.review.compare import ReportChange

PathQuestion = Callable[[str], "str | None"]


class CompareDialog(QDialog):
    """The list of changes from `old_name` to the open report; `ask_path(suggested)` picks the 修改说明 file."""

    def __init__(
        self,
        changes: list[ReportChange],
        old_name: str,
        new_name: str,
        ask_path: PathQuestion,
        suggested: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("与其他版本比较")
        self.changes = changes
        self.ask_path = ask_path
        self.suggested = suggested
        self.exported: Path | None = None
        heading = QLabel(
            f"从“{old_name}”到“{new_name}”：{len(changes)} 处不同" if changes else "两份报告没有差异。", self
        )
        heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changes")
        self.tree.setHeaderLabels(["序号", "位置", "修改前", "修改后"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 470)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for number, change in enumerate(changes, start=1):
            item = QTreeWidgetItem(
                self.tree, [str(number), change.where, change.before or "（空）", change.after or "（空）"]
            )
            for column, text in ((1, change.where), (2, change.before), (3, change.after)):
                item.setToolTip(column, text)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.export_button = QPushButton("导出修改说明…", self)
        self.export_button.setToolTip("把以上差异保存为修改说明（Excel 或 Word）")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def export(self) -> Path | None:
        """Ask where (.xlsx or .docx) and write the 修改说明; the outcome is shown under the list."""
        name = self.ask_path(str(self.suggested))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".docx"):
            path = path.with_name(path.name + ".xlsx")
        try:
            export_changes(self.changes, path)
        except ReportFileError as error:
            self.message.setText(f"导出失败：{error}")
            return None
        self.exported = path
        self.message.setText(f"已导出修改说明：{path}")
        return path
