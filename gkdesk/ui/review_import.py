"""Hand edits found in an opened gkdesk export: the reviewer keeps the visible or the exported value, per place."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.io.import_result import ImportResult
from gkdesk.io.own.read import choose_embedded, choose_visible
from gkdesk.model import Report

VISIBLE, EMBEDDED = "visible", "embedded"
def place_name(report: Report, key: str) -> str:
    """A hand edit's place in Chinese (cell, paragraph, section or 基本信息 field)."""
    return report.spec.describe_key(key)


class HandEditsDialog(QDialog):
    """One row per difference: place, exported value, value now in the file, and which to keep."""

    def __init__(self, result: ImportResult, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("文件导出后被手工修改")
        self.import_result = result
        report = result.embedded or result.report
        intro = QLabel(
            f"“{file_name}”由 gkdesk 导出后，有 {len(result.differences)} 处被手工修改。"
            "请逐项选择采用文件中的现值，还是导出时的原值：",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(result.differences), 5, self)
        self.table.setObjectName("handEdits")
        self.table.setHorizontalHeaderLabels(["位置", "导出时的值", "文件中的现值", "采用", ""])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 300)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, difference in enumerate(result.differences):
            texts = (place_name(report, difference.key), difference.embedded, difference.visible)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text or "（空）")
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            visible, embedded = QRadioButton("现值", self.table), QRadioButton("原值", self.table)
            visible.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(visible)
            group.addButton(embedded)
            self.groups[difference.key] = group
            self.radios[difference.key] = (visible, embedded)
            self.table.setCellWidget(row, 3, visible)
            self.table.setCellWidget(row, 4, embedded)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("按所选读入")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 420)

    def choose(self, key: str, which: str) -> None:
        """Tick 现值 (VISIBLE) or 原值 (EMBEDDED) for `key`."""
        visible, embedded = self.radios[key]
        (visible if which == VISIBLE else embedded).setChecked(True)

    def choices(self) -> dict[str, str]:
        return {key: EMBEDDED if radios[1].isChecked() else VISIBLE for key, radios in self.radios.items()}


def apply_choices(result: ImportResult, choices: dict[str, str]) -> None:
    """Put the chosen value at each place (visible values are already in the report after reading)."""
    for difference in result.differences:
        if choices.get(difference.key) == EMBEDDED:
            choose_embedded(result, difference.key)
        else:
            choose_visible(result, difference.key)
