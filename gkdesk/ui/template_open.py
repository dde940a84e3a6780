"""Opening a template: its instructions and deadline shown, an alteration flagged, the unit picked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gkdesk.model import Report
from gkdesk.spec import load_spec
from gkdesk.template import OpenedTemplate, Unit, report_from_template, suggested_return_name


class UnitPickerDialog(QDialog):
    """Shows what the county wrote and asks which unit is filling in; `report()` starts its report."""

    def __init__(self, opened: OpenedTemplate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        template = opened.template
        self.opened = opened
        self.setWindowTitle(f"用模板新建报告 — {opened.path.name}")
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        if opened.altered:
            warning = QLabel(opened.warning, self)
            warning.setObjectName("templateAltered")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b00020; font-weight: bold;")
            layout.addWidget(warning)
        form = QFormLayout()
        form.addRow(load_spec(template.edition).field("year").label, QLabel(f"{template.year} 年度（{load_spec(template.edition).name} 格式）", self))
        if template.issuer:
            form.addRow("下发单位", QLabel(template.issuer, self))
        if template.deadline:
            form.addRow("报送截止日期", QLabel(template.deadline, self))
        contact = "　".join(part for part in (template.contact.office, template.contact.phone, template.contact.email) if part)
        if contact:
            form.addRow("联系方式", QLabel(contact, self))
        layout.addLayout(form)
        if template.instructions:
            layout.addWidget(QLabel("填报说明：", self))
            instructions = QPlainTextEdit(template.instructions, self)
            instructions.setReadOnly(True)
            instructions.setObjectName("templateInstructions")
            layout.addWidget(instructions, 1)
        self.units = QComboBox(self)
        self.organ = QLineEdit(self)
        if template.units:
            self.units.addItem("请选择本单位…", None)
            for unit in template.units:
                self.units.addItem(f"{unit.name}（{unit.code}）" if unit.code else unit.name, unit)
            layout.addWidget(QLabel("本单位：", self))
            layout.addWidget(self.units)
            self.organ.hide()
        else:
            self.organ.setPlaceholderText("填写本机关全称，如：某某镇人民政府")
            layout.addWidget(QLabel("本机关名称：", self))
            layout.addWidget(self.organ)
            self.units.hide()
        self.suggested = QLabel(self)
        self.suggested.setObjectName("suggestedName")
        layout.addWidget(self.suggested)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("新建报告")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.units.currentIndexChanged.connect(self._update)
        self.organ.textChanged.connect(self._update)
        self._update()

    def chosen_unit(self) -> Unit | None:
        data = self.units.currentData()
        return data if isinstance(data, Unit) else None

    def ready(self) -> bool:
        return self.chosen_unit() is not None if self.opened.template.units else bool(self.organ.text().strip())

    def report(self) -> Report:
        return report_from_template(self.opened.template, self.chosen_unit(), self.organ.text())

    def suggested_name(self) -> str:
        return suggested_return_name(self.opened.template, self.report())

    def _update(self) -> None:
        ready = self.ready()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        self.suggested.setText(f"填好后请保存为：{self.suggested_name()}" if ready else "")
