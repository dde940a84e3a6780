"""帮助 → 填报说明: the counting rules of every table and the checks, from the format definition."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gkdesk.spec import FormatSpec, Group, Table


def _table_html(spec: FormatSpec, table: Table) -> list[str]:
    number = next((s.number for s in spec.sections if s.table == table.key), "")
    parts = [f"<h3>表{escape(number)}　{escape(table.title)}</h3>", "<ul>"]
    seen: set[str] = set()

    def item(label: str, text: str) -> None:
        if text and label not in seen:
            seen.add(label)
            parts.append(f"<li><b>{escape(label)}</b>：{escape(text)}</li>")

    for band in table.bands:
        for line in band.header:
            for cell in line:
                if cell.text:
                    item(cell.text, cell.help)
        for column in band.columns:
            item(column.label, column.help)
        groups = {group.key: group for group in table.groups}
        for row in band.rows:
            chain: list[Group] = []
            key = row.group
            while key is not None and key in groups:
                chain.insert(0, groups[key])
                key = groups[key].parent
            for group in chain:
                item(group.label, group.help)
            item(row.label, row.help)
    parts.append("</ul>")
    return parts


def instructions_html(spec: FormatSpec) -> str:
    """The whole 填报说明 as HTML: each table's labels with their counting rule, then the checks."""
    parts = [
        f"<h2>填报说明（{escape(spec.name)}）</h2>",
        "<p>表格中每个行名、分组名和列名上停留鼠标，也会显示下面的说明。空白单元格按0计，"
        "公开的报告应填写0（可用 编辑 → 空白填 0）。</p>",
    ]
    for table in spec.tables.values():
        parts += _table_html(spec, table)
    parts.append("<h3>校验规则</h3><ul>")
    for check in spec.checks:
        kind = "错误" if check.severity == "error" else "警告"
        parts.append(f"<li>【{kind}】{escape(check.text)}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


class InstructionsDialog(QDialog):
    def __init__(self, spec: FormatSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructionsDialog")
        self.setWindowTitle("填报说明")
        self.browser = QTextBrowser(self)
        self.browser.setHtml(instructions_html(spec))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)
