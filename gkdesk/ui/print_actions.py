"""文件 → 打印预览… and 打印… (Ctrl+P): the same pages as the PDF export, through Qt's print dialogs.

A report with errors is printed only after the question the exports ask; its pages, printed or previewed,
carry the 未通过校验 mark. Qt's printing is imported on first use. The dialogs are shown by overridable methods so
tests can drive them without blocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from gkdesk.checks import run_checks

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from gkdesk.ui.main_window import MainWindow
    from gkdesk.ui.printing.pages import PrintedReport


class PrintActions:
    def __init__(self, window: MainWindow, confirm_errors: Callable[[str], bool]) -> None:
        self.window = window
        self.confirm_errors = confirm_errors
        self.preview_action = QAction("打印预览(&V)…", window)
        self.preview_action.setObjectName("printPreview")
        self.preview_action.triggered.connect(self.preview)
        self.print_action = QAction("打印(&P)…", window)
        self.print_action.setObjectName("print")
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.print_report)

    # ------------------------------------------------------------ dialogs (overridden in tests)

    def show_preview(self, dialog: QPrintPreviewDialog) -> None:
        dialog.exec()

    def show_error(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.window, "打印失败", text)

    def ask_printer(self, printer: QPrinter, page_count: int) -> bool:
        """The print dialog: printer, copies, page range. True to print."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    # ------------------------------------------------------------ the actions

    def printed(self, question: str | None) -> PrintedReport | None:
        """The report's pages, after asking `question` about its errors (None: no question, the pages are
        marked); None if the user declines."""
        from gkdesk.ui.export_actions import errors_text
        from gkdesk.ui.printing.pages import PrintedReport

        report = self.window.document.report
        findings = run_checks(report)
        errors = sum(1 for finding in findings if finding.is_error)
        if errors and question is not None and not self.confirm_errors(errors_text(findings, question)):
            return None
        return PrintedReport(report, errors)

    def printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from gkdesk.ui.printing.pages import set_up_device

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        set_up_device(printer)
        printer.setDocName(self.window.document.report.title or "政府信息公开工作年度报告")
        return printer

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printed = self.printed(None)  # a preview is not output: shown with the 未通过校验 mark, without asking
        if printed is None:
            return
        printer = self.printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(lambda device: printed.paint(device))
        self.show_preview(dialog)
        dialog.deleteLater()

    def print_report(self) -> bool:
        """Ask for the printer and pages, print; True if printed."""
        from PySide6.QtPrintSupport import QPrinter

        printed = self.printed("仍要打印吗？")
        if printed is None:
            return False
        printer = self.printer()
        if not self.ask_printer(printer, len(printed.pages)):
            return False
        pages = selected_pages(printer, len(printed.pages))
        if not printed.paint(printer, pages):
            self.show_error(f"无法打印到“{printer.printerName() or printer.outputFileName()}”，请检查打印机后重试。")
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            from gkdesk.ui.printing.pdf import fix_pdf_file

            fix_pdf_file(Path(printer.outputFileName()))
        self.window.statusBar().showMessage(f"已发送打印：{len(pages)} 页", 8000)
        return True


def selected_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The page numbers the print dialog asked for: a range, else all."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return list(range(printer.fromPage(), min(printer.toPage(), page_count) + 1))
    return list(range(1, page_count + 1))
