"""文件 → 新建模板: the county fixes year and format, its contact, the deadline, instructions, the opening
paragraph and the list of units expected to report."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gkdesk.io.errors import ReportFileError
from gkdesk.model import Contact
from gkdesk.spec import CURRENT_EDITION, earliest_year, edition_for_year, load_spec
from gkdesk.template import Template, Unit
from gkdesk.template.units import level_key, read_units

UNIT_COLUMNS = ("单位名称", "层级", "单位代码")


class TemplateDialog(QDialog):
    """Edits the fields of a template; `template()` gives the Template (validation happens when saving)."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建模板")
        self.resize(780, 820)
        self.year = QSpinBox(self)
        self.year.setRange(earliest_year(), 2100)
        self.year.setValue(year)
        self.issuer = QLineEdit(self)
        self.issuer.setPlaceholderText("如：某某县人民政府办公室")
        self.office, self.address, self.phone, self.email = (QLineEdit(self) for _ in range(4))
        self.has_deadline = QCheckBox("报送截止日期", self)
        self.deadline = QDateEdit(QDate(year + 1, 1, 20), self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setPlaceholderText("打开模板时显示给填报单位的说明")
        self.opening = QPlainTextEdit(self)
        self.opening.setPlaceholderText("不填：各单位按格式自动生成开头段落（含本单位的联系方式）")
        standard = QPushButton("插入标准开头", self)
        standard.clicked.connect(lambda: self.opening.setPlainText(load_spec(self.edition).opening))
        self.units = QTableWidget(0, len(UNIT_COLUMNS), self)
        self.units.setHorizontalHeaderLabels(list(UNIT_COLUMNS))
        self.units.horizontalHeader().setStretchLastSection(True)
        self.units.setColumnWidth(0, 260)
        self.units.setColumnWidth(1, 220)
        self.units.setMinimumHeight(180)
        add, remove = QPushButton("添加单位", self), QPushButton("删除所选", self)
        self.import_units = QPushButton("从文件导入名单…", self)
        self.import_units.setToolTip("CSV 或文本文件，每行：名称,层级,代码")
        self.import_units.clicked.connect(self._import_units)
        add.clicked.connect(lambda: self.add_unit(Unit("")))
        remove.clicked.connect(self._remove_selected)

        label = {field.key: field.label for field in load_spec(CURRENT_EDITION).fields}
        form = QFormLayout()
        form.addRow(label["year"], self.year)
        form.addRow("下发单位", self.issuer)
        form.addRow(label["contact.office"], self.office)
        form.addRow(label["contact.address"], self.address)
        form.addRow(label["contact.phone"], self.phone)
        form.addRow(label["contact.email"], self.email)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        form.addRow(deadline_row)
        form.addRow("填报说明", self.instructions)
        form.addRow("预填开头段落", self.opening)
        form.addRow("", standard)
        form.addRow(
            QLabel(
                f"开头段落可用 {{organ}}（{label['organ']}）、{{year}}、{{office}}、{{address}}、{{phone}}、{{email}}，"
                "打开模板时自动填入。",
                self,
            )
        )
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addWidget(self.import_units)
        buttons_row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存模板…")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("应报送单位名单（可不填）：", self))
        layout.addWidget(self.units, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.buttons)

    @property
    def edition(self) -> str:
        return edition_for_year(self.year.value())

    def add_unit(self, unit: Unit) -> None:
        row = self.units.rowCount()
        self.units.insertRow(row)
        self.units.setItem(row, 0, QTableWidgetItem(unit.name))
        levels = QComboBox(self.units)
        levels.addItem("（未指定）", "")
        for level in load_spec(self.edition).organ_levels:
            levels.addItem(level.label, level.key)
        levels.setCurrentIndex(max(0, levels.findData(unit.level)))
        self.units.setCellWidget(row, 1, levels)
        self.units.setItem(row, 2, QTableWidgetItem(unit.code))

    def ask_units_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, "导入单位名单", "", "名单 (*.csv *.txt);;所有文件 (*)")
        return path or None

    def _import_units(self) -> None:
        path = self.ask_units_file()
        if not path:
            return
        try:
            units = read_units(path, self.edition)
        except ReportFileError as error:
            QMessageBox.critical(self, "无法导入名单", str(error))
            return
        for unit in units:
            self.add_unit(unit)

    def _remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.units.selectedIndexes()}, reverse=True):
            self.units.removeRow(row)

    def _unit_at(self, row: int) -> Unit | None:
        name = self.units.item(row, 0)
        code = self.units.item(row, 2)
        widget = self.units.cellWidget(row, 1)
        level = widget.currentData() if isinstance(widget, QComboBox) else ""
        text = name.text().strip() if name else ""
        if not text:
            return None
        return Unit(text, level_key(str(level or ""), self.edition), code.text().strip() if code else "")

    def template(self) -> Template:
        units = tuple(unit for row in range(self.units.rowCount()) if (unit := self._unit_at(row)) is not None)
        return Template(
            year=self.year.value(),
            edition=self.edition,
            issuer=self.issuer.text().strip(),
            contact=Contact(self.office.text().strip(), self.address.text().strip(), self.phone.text().strip(), self.email.text().strip()),
            deadline=self.deadline.date().toString("yyyy-MM-dd") if self.has_deadline.isChecked() else "",
            instructions=self.instructions.toPlainText().strip(),
            opening=self.opening.toPlainText().strip(),
            units=units,
        )
