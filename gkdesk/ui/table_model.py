"""A QAbstractTableModel over one table of the report document, laid out exactly as the official grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from gkdesk.checks import Finding
from gkdesk.model import CellValue, ValueRejected, format_value, parse_strict
from gkdesk.spec import CellSpec, Column, GridCell, Group, HeaderCell, Row, Table, build_layout
from gkdesk.ui import style
from gkdesk.ui.commands import SetCellsCommand
from gkdesk.ui.document import ReportDocument

GRID_CELL_ROLE = Qt.ItemDataRole.UserRole + 1
CELL_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def blank_rules(document: ReportDocument) -> frozenset[str]:
    """Rule ids of the format's blank-cell checks (the cells get a light mark, not the warning colour)."""
    return frozenset(check.id for check in document.report.spec.checks if check.kind == "blank_values")


class ReportTableModel(QAbstractTableModel):
    """Rows and columns are the printed grid's; merged cells answer at their top-left position only."""

    rejected = Signal(str, str)  # cell key, reason
    accepted = Signal()  # valid values were entered (even if equal to the cells' values: no undo step then)

    def __init__(self, document: ReportDocument, table: Table) -> None:
        super().__init__()
        self.document = document
        self.table = table
        self.layout = build_layout(table)
        self._top: dict[tuple[int, int], GridCell] = {}
        self._position: dict[str, tuple[int, int]] = {}
        for cell in self.layout.cells:
            self._top[(cell.row, cell.col)] = cell
            if cell.cell_key:
                self._position[cell.cell_key] = (cell.row, cell.col)
        # header cells show the counting rule of the column or row they name (e.g. 其他结果)
        self._header_help: dict[str, str] = {}
        for band in table.bands:
            named: list[Column | Row | Group | HeaderCell] = [*band.columns, *band.rows]
            named += [cell for line in band.header for cell in line if cell.text]
            for item in named:
                label = item.text if isinstance(item, HeaderCell) else item.label
                if item.help:
                    self._header_help[label] = f"{label}\n{item.help}"
        for group in table.groups:
            if group.help:
                self._header_help[group.label] = f"{group.label}\n{group.help}"
        self._flags = {position: self._compute_flags(cell) for position, cell in self._top.items()}
        self.input_positions = [
            (cell.row, cell.col) for cell in self.layout.value_cells() if not self.cell_spec(cell).derived
        ]
        self._cache: dict[tuple[int, int], dict[int, Any]] = {}
        self.live = True
        self._stale = False
        self._findings: dict[str, list[Finding]] = {}
        self.blank_rules = blank_rules(document)
        self._refresh_findings()
        self._looks = {(cell.row, cell.col): self._look(cell) for cell in self.layout.value_cells()}
        document.findingsChanged.connect(self._on_findings)

    # ------------------------------------------------------------ lookups

    def cell_spec(self, cell: GridCell) -> CellSpec:
        assert cell.cell_key is not None
        return self.document.report.spec.cells[cell.cell_key]

    def grid_cell(self, index: Index) -> GridCell | None:
        return self._top.get((index.row(), index.column()))

    def index_of(self, cell_key: str) -> QModelIndex:
        row, col = self._position[cell_key]
        return self.index(row, col)

    def has_cell(self, cell_key: str) -> bool:
        return cell_key in self._position

    def is_input(self, index: Index) -> bool:
        cell = self.grid_cell(index)
        return cell is not None and cell.kind == "value" and not self.cell_spec(cell).derived

    def findings_at(self, cell_key: str) -> list[Finding]:
        return self._findings.get(cell_key, [])

    # ------------------------------------------------------------ model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.n_rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.layout.n_cols

    def _compute_flags(self, cell: GridCell) -> Qt.ItemFlag:
        if cell.kind != "value":
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.cell_spec(cell).derived:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def flags(self, index: Index) -> Qt.ItemFlag:
        # called for every painted cell on every repaint: precomputed
        return self._flags.get((index.row(), index.column()), Qt.ItemFlag.NoItemFlags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked ~10 roles per cell per paint: answers are cached until the cell's look changes
        position = (index.row(), index.column())
        cached = self._cache.get(position)
        if cached is None:
            cached = self._cache[position] = {}
        role = int(role)
        if role not in cached:
            cell = self._top.get(position)
            cached[role] = None if cell is None or not index.isValid() else self._compute(cell, role)
        return cached[role]

    def _compute(self, cell: GridCell, role: int) -> Any:
        if role == GRID_CELL_ROLE:
            return cell
        if role == CELL_KEY_ROLE:
            return cell.cell_key
        if cell.kind == "value":
            return self._value_data(cell, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole and cell.kind == "label" and cell.row_key:
            row = self.table.row(cell.row_key)
            return f"{row.label}\n{row.help}" if row.help else row.label
        if role == Qt.ItemDataRole.ToolTipRole and cell.kind in ("header", "label"):
            return self._header_help.get(cell.text) or None  # header texts and group labels
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(style.HEADER_COLOR if cell.kind == "header" else style.LABEL_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.kind == "header" or cell.rowspan > 1:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and cell.kind == "header":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value_data(self, cell: GridCell, role: int) -> Any:
        key = cell.cell_key
        assert key is not None
        resolved = self.document.resolved
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(resolved.stated(key))
        if role == Qt.ItemDataRole.EditRole:
            return format_value(self.document.report.value(key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._background(key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.ForegroundRole and resolved.is_derived(key):
            return QBrush(QColor("#b00020") if resolved.declared_mismatch(key) else QColor("#33415c"))
        if role == Qt.ItemDataRole.FontRole and resolved.is_derived(key):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _background(self, key: str) -> QColor:
        findings = self._findings.get(key, [])
        if any(f.is_error for f in findings):
            return style.ERROR_COLOR
        marked = [f for f in findings if f.rule not in self.blank_rules]
        if any(not self.document.is_acknowledged(f) for f in marked):
            return style.WARNING_COLOR
        if marked:
            return style.ACKNOWLEDGED_COLOR
        if findings:
            return style.BLANK_COLOR
        if self.document.resolved.declared_mismatch(key):
            return style.MISMATCH_COLOR
        if self.document.resolved.is_derived(key):
            return style.DERIVED_COLOR
        return QColor("#ffffff")

    def _tooltip(self, cell: GridCell) -> str:
        key = cell.cell_key
        assert key is not None and cell.row_key is not None
        spec = self.cell_spec(cell)
        row = self.table.row(cell.row_key)
        column = row.column(spec.column)
        lines = [f"{row.label} · {column.label}"]
        resolved = self.document.resolved
        if resolved.is_derived(key):
            lines.append(f"合计，自动计算：{format_value(resolved.derived[key])}")
            if resolved.declared_mismatch(key):
                lines.append(f"导入文件中填写的是 {format_value(self.document.report.declared[key])}，与计算结果不符")
        for finding in self._findings.get(key, []):
            if finding.rule in self.blank_rules:
                lines.append("空白，按0计；公开的报告应填写0（右键“空白填 0”）")
                continue
            mark = "错误" if finding.is_error else ("警告（已说明）" if self.document.is_acknowledged(finding) else "警告")
            lines.append(f"【{mark}】{finding.message}")
        for help_text in (row.help, column.help):
            if help_text:
                lines.append(help_text)
        return "\n".join(lines)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_input(index):
            return False
        cell = self.grid_cell(index)
        assert cell is not None and cell.cell_key is not None
        try:
            parsed = parse_strict(str(value or ""), self.cell_spec(cell).value_type)
        except ValueRejected as error:
            self.rejected.emit(cell.cell_key, str(error))
            return False
        self.set_cells([(cell.cell_key, parsed)], "输入数字")
        return True

    def set_cells(self, changes: list[tuple[str, CellValue]], text: str) -> None:
        """Change cells through the undo stack (one step), skipping cells that already hold the value."""
        report = self.document.report
        real = [(key, value) for key, value in changes if report.value(key) != value or type(report.value(key)) is not type(value)]
        if real:
            self.document.undo_stack.push(SetCellsCommand(self.document, real, text))
        self.accepted.emit()

    # ------------------------------------------------------------ findings

    def _refresh_findings(self) -> None:
        self._findings = {}
        for finding in self.document.findings:
            for key in finding.cells:
                if key in self._position:
                    self._findings.setdefault(key, []).append(finding)

    def _look(self, cell: GridCell) -> tuple[str, str, str, tuple[str, ...]]:
        """What a value cell shows: text, colour and the findings in its tooltip."""
        key = cell.cell_key
        assert key is not None
        findings = tuple(f"{f.key}:{self.document.is_acknowledged(f)}:{f.message}" for f in self._findings.get(key, []))
        derived = format_value(self.document.resolved.derived.get(key))
        return format_value(self.document.resolved.stated(key)), derived, self._background(key).name(), findings

    def set_live(self, live: bool) -> None:
        """A model whose page is hidden defers its refresh until shown (keystrokes stay fast)."""
        self.live = live
        if live and self._stale:
            self._on_findings()

    def _on_findings(self) -> None:
        """Repaint only the cells whose text, colour or findings changed (a keystroke touches a few)."""
        if not self.live:
            self._stale = True
            return
        self._stale = False
        self._refresh_findings()
        for cell in self.layout.value_cells():
            look = self._look(cell)
            if self._looks.get((cell.row, cell.col)) != look:
                self._looks[(cell.row, cell.col)] = look
                self._cache.pop((cell.row, cell.col), None)
                index = self.index(cell.row, cell.col)
                self.dataChanged.emit(index, index)
