"""文件 → 导出 Word / Excel / PDF / 网页, 打印 and 打印预览: choose a file, list the report's errors and ask
before exporting; a PDF or web page exported with errors is marked 未通过校验.

`add_export_actions(menu, window)` adds the actions to a QMenu. The questions go through overridable
methods of ExportActions so tests can script them without blocking on a dialog. The writers are imported on
the first export (python-docx, openpyxl and Qt's printing are not needed at start).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from gkdesk.checks import Finding, run_checks
from gkdesk.io.errors import ReportFileError
from gkdesk.model import Report
from gkdesk.ui.print_actions import PrintActions

if TYPE_CHECKING:
    from gkdesk.ui.main_window import MainWindow

FORMATS: dict[str, tuple[str, str]] = {
    ".docx": ("导出 Word(&W)…", "Word 文档 (*.docx)"),
    ".xlsx": ("导出 Excel(&E)…", "Excel 工作簿 (*.xlsx)"),
    ".pdf": ("导出 PDF(&D)…", "PDF 文件 (*.pdf)"),
    ".html": ("导出网页(&H)…", "网页 (*.html *.htm)"),
}
MAX_LISTED = 12


def exporter(suffix: str, errors: int = 0) -> Callable[[Report, Path], None]:
    """The writer of `suffix`, imported on the first export; PDF and web page marked when `errors` > 0."""
    if suffix == ".docx":
        from gkdesk.io.docx.export import export_docx

        return export_docx
    if suffix == ".xlsx":
        from gkdesk.io.xlsx.export import export_xlsx

        return export_xlsx
    if suffix == ".pdf":
        from gkdesk.ui.printing.pdf import export_pdf

        return lambda report, path: export_pdf(report, path, errors)
    from gkdesk.io.html.export import export_html

    return lambda report, path: export_html(report, path, errors)


def errors_text(findings: list[Finding], question: str = "仍要导出吗？") -> str:
    """The question shown when the report has errors."""
    errors = [finding for finding in findings if finding.is_error]
    lines = [f"· {finding.message}" for finding in errors[:MAX_LISTED]]
    if len(errors) > MAX_LISTED:
        lines.append(f"……另有 {len(errors) - MAX_LISTED} 个错误")
    return f"报告有 {len(errors)} 个错误：\n\n" + "\n".join(lines) + f"\n\n{question}"


class ExportActions:
    """The export actions of one window; `printing` holds 打印 and 打印预览."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        for suffix, (title, _) in FORMATS.items():
            action = QAction(title, window)
            action.setObjectName(f"export{suffix}")
            action.triggered.connect(lambda _checked=False, s=suffix: self.export(s))
            self.actions[suffix] = action
        self.printing = PrintActions(window, self.confirm_errors)

    # ------------------------------------------------------------ questions (overridden in tests)

    def choose_path(self, suffix: str, suggested: Path) -> Path | None:
        _, file_filter = FORMATS[suffix]
        name, _ = QFileDialog.getSaveFileName(self._parent(), "导出", str(suggested), file_filter)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() == suffix or (suffix == ".html" and path.suffix.lower() == ".htm"):
            return path
        return path.with_name(path.name + suffix)

    def confirm_errors(self, text: str) -> bool:
        answer = QMessageBox.question(self._parent(), "报告有错误", text)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, text: str) -> None:
        QMessageBox.critical(self._parent(), "导出失败", text)

    def show_done(self, path: Path) -> None:
        self.window.statusBar().showMessage(f"已导出：{path}", 8000)

    # ------------------------------------------------------------ the action

    def suggested_path(self, suffix: str) -> Path:
        document = self.window.document
        report = document.report
        if document.path is not None:
            return document.path.with_suffix(suffix)
        return Path.home() / f"{report.title or '政府信息公开工作年度报告'}{suffix}"

    def export(self, suffix: str) -> Path | None:
        """Ask where, ask about errors, write; returns the written path or None."""
        self.window.autosaver.save_now()  # a long operation: unsaved work goes to the recovery file first
        report = self.window.document.report
        findings = run_checks(report)
        errors = sum(1 for finding in findings if finding.is_error)
        if errors and not self.confirm_errors(errors_text(findings)):
            return None
        path = self.choose_path(suffix, self.suggested_path(suffix))
        if path is None:
            return None
        try:
            exporter(suffix, errors)(report, path)
        except ReportFileError as error:
            self.show_error(str(error))
            return None
        self.show_done(path)
        return path

    def _parent(self) -> QWidget:
        return self.window


def add_export_actions(menu: QMenu, window: MainWindow) -> ExportActions:
    """Add 导出 Word / Excel / PDF / 网页, 打印预览 and 打印 to `menu` (normally the window's 文件 menu), before
    its last separator."""
    exports = ExportActions(window)
    separators = [action for action in menu.actions() if action.isSeparator()]
    anchor = separators[-1] if separators else None
    for action in [*exports.actions.values(), exports.printing.preview_action, exports.printing.print_action]:
        if anchor is not None:
            menu.insertAction(anchor, action)
        else:
            menu.addAction(action)
    if anchor is not None:
        menu.insertSeparator(exports.actions[".docx"])
        menu.insertSeparator(exports.printing.preview_action)
    return exports
