"""The message line under a grid: why input was refused, the current cell's findings and the page's errors."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gkdesk.checks import Finding
from gkdesk.ui.table_model import CELL_KEY_ROLE, ReportTableModel

MAX_SHOWN = 2  # findings of the current cell spelled out; the rest are counted


class CellStatusLine(QWidget):
    """`message` holds a refusal (red) until valid input ends it; `status` follows the current cell."""

    def __init__(self, model: ReportTableModel, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.section = section
        self.current_key: str | None = None
        self.message = QLabel("", self)
        self.message.setObjectName("rejectMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.status = QLabel("", self)
        self.status.setObjectName("cellStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        model.document.findingsChanged.connect(self.refresh)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def follow(self, index: QModelIndex) -> None:
        key = index.data(CELL_KEY_ROLE) if index.isValid() else None
        self.current_key = key if isinstance(key, str) else None
        self.refresh()

    def page_findings(self) -> list[Finding]:
        return [f for f in self.model.document.findings if f.section == self.section]

    def refresh(self) -> None:
        errors = [f for f in self.page_findings() if f.is_error]
        here = [] if self.current_key is None else self.model.findings_at(self.current_key)
        here = [f for f in here if f.rule not in self.model.blank_rules]
        count = f"本页 {len(errors)} 个错误" if errors else "本页没有错误"
        if here:
            shown = [f"【{'错误' if f.is_error else '警告'}】{f.message}" for f in here[:MAX_SHOWN]]
            more = f"（另有 {len(here) - MAX_SHOWN} 条）" if len(here) > MAX_SHOWN else ""
            text = "当前单元格：" + "；".join(shown) + more + f"　|　{count}"
        elif errors:
            more = f"（另有 {len(errors) - 1} 个，F8 逐个查看）" if len(errors) > 1 else ""
            text = f"{count}：{errors[0].message}{more}"
        else:
            blanks = [f for f in self.page_findings() if f.rule in self.model.blank_rules]
            text = count + (f"；{blanks[0].message}" if blanks else "")
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if errors else "color: #5b6472;")
