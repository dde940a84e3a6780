"""基本信息: organ, level, year (which picks the format edition), contact details and the opening paragraph."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gkdesk.model import Change, Report
from gkdesk.model.opening import standard_opening
from gkdesk.spec import earliest_year, edition_for_year, load_spec
from gkdesk.ui.commands import ReplaceReportCommand, SetFieldCommand
from gkdesk.ui.document import ReportDocument
from gkdesk.ui.page_layout import heading_label, scroll_page
from gkdesk.ui.prompts import Prompts
from gkdesk.ui.undo_routing import route_undo_keys

CONTACT_FIELDS = ("office", "address", "phone", "email")  # the Contact attributes, field keys "contact.<name>"


def switch_edition(report: Report, year: int) -> tuple[Report, list[str]]:
    """A copy of `report` for `year` in its edition, and the cells that the new edition does not have."""
    edition = edition_for_year(year)
    after = report.copy()
    after.year = year
    if edition == report.edition:
        return after, []
    spec = load_spec(edition)
    dropped = [key for key in [*after.values, *after.declared] if key not in spec.cells]
    after.edition = edition
    after.values = {k: v for k, v in after.values.items() if k in spec.cells}
    after.declared = {k: v for k, v in after.declared.items() if k in spec.cells}
    return after, dropped


class BasicInfoPage(QWidget):
    def __init__(self, document: ReportDocument, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prompts = prompts
        report = document.report
        spec = report.spec

        self.title_label = QLabel(self)
        self.title_label.setObjectName("reportTitle")
        self.title_label.setWordWrap(True)
        self.edition_label = QLabel(self)
        self.edition_label.setObjectName("hint")

        self.organ = QLineEdit(self)
        self.organ.setPlaceholderText("例如：同心县人民政府")
        label = {field.key: field.label for field in spec.fields}  # the same for every edition's definition
        self.organ.textEdited.connect(lambda text: self._set("organ", text, f"修改{label['organ']}"))
        self.level = QComboBox(self)
        self.level.addItem("（请选择）", "")
        for level in spec.organ_levels:
            self.level.addItem(level.label, level.key)
        self.level.activated.connect(
            lambda _i: self._set("organ_level", self.level.currentData(), f"修改{label['organ_level']}")
        )
        self.year = QSpinBox(self)
        self.year.setRange(earliest_year(), 2100)
        self.year.setSuffix(" 年")
        self.year.setKeyboardTracking(False)  # typed digits count on Enter or leaving the field; arrows at once
        self.year.valueChanged.connect(lambda _v: self._year_changed())
        self.contact: dict[str, QLineEdit] = {}
        for name in CONTACT_FIELDS:
            edit = QLineEdit(self)
            edit.textEdited.connect(lambda text, name=name: self._set_contact(name, text))
            self.contact[name] = edit
        self.opening = QPlainTextEdit(self)
        self.opening.setPlaceholderText("开篇段落：法律依据、统计时限和联系方式。可点“按格式生成”。")
        self.opening.setMinimumHeight(120)
        self.opening.textChanged.connect(self._opening_edited)
        generate = QPushButton("按格式生成", self)
        generate.setToolTip("按本年度格式的常用开篇段落生成（会替换现有文字，可撤销）")
        generate.clicked.connect(self.generate_opening)
        for widget in (self.organ, self.opening, *self.contact.values()):
            route_undo_keys(widget)

        form = QFormLayout()
        form.addRow(label["organ"], self.organ)
        form.addRow(label["organ_level"], self.level)
        form.addRow(label["year"], self.year)
        for name in CONTACT_FIELDS:
            form.addRow(label[f"contact.{name}"], self.contact[name])
        self.year_label = label["year"]
        opening_row = QHBoxLayout()
        opening_row.addWidget(QLabel("开篇段落"))
        opening_row.addStretch(1)
        opening_row.addWidget(generate)

        content = QWidget()
        row = QHBoxLayout(content)
        body = QWidget(content)
        body.setMaximumWidth(900)
        row.addWidget(body, 1)
        row.addStretch(0)
        self.scroll_area = scroll_page(self, content)
        layout = QVBoxLayout(body)
        layout.addWidget(heading_label("基本信息", body))
        layout.addWidget(self.title_label)
        layout.addWidget(self.edition_label)
        layout.addLayout(form)
        layout.addLayout(opening_row)
        layout.addWidget(self.opening, 1)
        self.refresh()
        document.changed.connect(self._on_change)

    # ------------------------------------------------------------ report → widgets

    def _on_change(self, change: Change) -> None:
        if change.kind == "field":
            self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        placeholder = f"（{report.spec.field('organ').label}）"
        self.title_label.setText(report.title if report.organ else report.spec.title_for(placeholder, report.year))
        self.edition_label.setText(f"适用格式：{report.spec.name}（{report.edition} 版）")
        if self.organ.text() != report.organ:
            self.organ.setText(report.organ)
        index = max(0, self.level.findData(report.organ_level))
        if self.level.currentIndex() != index:
            self.level.setCurrentIndex(index)
        if report.year is not None and self.year.value() != report.year:
            self.year.blockSignals(True)
            self.year.setValue(report.year)
            self.year.blockSignals(False)
        for name, edit in self.contact.items():
            value = getattr(report.contact, name)
            if edit.text() != value:
                edit.setText(value)
        if self.opening.toPlainText() != report.opening:
            self.opening.blockSignals(True)
            self.opening.setPlainText(report.opening)
            self.opening.blockSignals(False)

    # ------------------------------------------------------------ widgets → report (through the undo stack)

    def _set(self, name: str, value: object, text: str) -> None:
        if getattr(self.document.report, name) != value:
            self.document.undo_stack.push(SetFieldCommand(self.document, name, value, text))

    def _set_contact(self, name: str, text: str) -> None:
        self._set("contact", replace(self.document.report.contact, **{name: text}), "修改联系方式")

    def _opening_edited(self) -> None:
        self._set("opening", self.opening.toPlainText(), "编辑开篇段落")

    def _year_changed(self) -> None:
        year = self.year.value()
        report = self.document.report
        if report.year == year:
            return
        after, dropped = switch_edition(report, year)
        if after.edition == report.edition:
            self._set("year", year, f"修改{self.year_label}")
            return
        question = f"{year}年度的报告使用{load_spec(after.edition).name}格式，表格二将按该格式重新生成。"
        if dropped:
            question += f"\n有 {len(dropped)} 个单元格在新格式中没有对应位置，将被移除（可撤销）。"
        if not self.prompts.confirm("更换报告格式", question + "\n是否继续？"):
            self.refresh()
            return
        self.document.undo_stack.push(ReplaceReportCommand(self.document, after, f"修改{self.year_label}"))

    def generate_opening(self) -> None:
        text = standard_opening(self.document.report)
        self._set("opening", text, "生成开篇段落")
