"""文件 → 导出 PDF / 导出网页 / 打印预览 / 打印 in the window: errors asked about, the same pages everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from gkdesk.ui.main_window import MainWindow
from gkdesk.ui.printing.pages import PrintedReport
from gkdesk.ui.printing.pdf import export_pdf
from tests.conftest import ROOT
from tests.helpers import sample_report


def _window(errors: bool = False) -> MainWindow:
    report = sample_report()
    if errors:
        report.values["requests.new.natural"] = 20  # breaks T3.balance
    return MainWindow(report, autosave_ms=0)


def _close(window: MainWindow) -> None:
    window.document.forget_changes()
    window.close()


def _texts(path: Path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_file_menu_has_the_actions_and_ctrl_p(qtbot: object) -> None:
    window = _window()
    titles = [action.text() for action in window.menu("file").actions()]
    for title in ("导出 PDF(&D)…", "导出网页(&H)…", "打印预览(&V)…", "打印(&P)…"):
        assert title in titles
    assert window.exports.printing.print_action.shortcut() == QKeySequence("Ctrl+P")
    _close(window)


def test_pdf_and_web_page_exported_from_the_window(qtbot: object, tmp_path: Path) -> None:
    window = _window(errors=True)
    exports = window.exports
    asked: list[str] = []
    exports.choose_path = lambda suffix, suggested: tmp_path / f"r{suffix}"  # type: ignore[method-assign]
    exports.confirm_errors = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    assert exports.export(".pdf") is None and not (tmp_path / "r.pdf").exists()
    exports.confirm_errors = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    assert exports.export(".pdf") == tmp_path / "r.pdf"
    assert exports.export(".html") == tmp_path / "r.html"
    assert len(asked) == 3 and "仍要导出吗？" in asked[0]
    assert all("未通过校验" in text for text in _texts(tmp_path / "r.pdf"))
    assert "未通过校验" in (tmp_path / "r.html").read_text(encoding="utf-8")
    _close(window)


def _to_pdf_printer(target: Path, pages: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    def ask(printer: QPrinter, page_count: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return True

    return ask


def test_printing_to_a_pdf_printer_gives_the_exported_pages(qtbot: object, tmp_path: Path) -> None:
    window = _window()
    exported = tmp_path / "export.pdf"
    export_pdf(window.document.report, exported)
    printing = window.exports.printing
    printing.ask_printer = _to_pdf_printer(tmp_path / "printed.pdf")  # type: ignore[method-assign]
    assert printing.print_report()
    printed = PdfReader(tmp_path / "printed.pdf")
    assert _texts(tmp_path / "printed.pdf") == _texts(exported)
    first = printed.pages[0].mediabox
    assert abs(float(first.width) - 595.3) < 1.5 and abs(float(first.height) - 841.9) < 1.5
    printing.ask_printer = _to_pdf_printer(tmp_path / "range.pdf", (2, 3))  # type: ignore[method-assign]
    assert printing.print_report()
    assert _texts(tmp_path / "range.pdf") == _texts(exported)[1:3]
    _close(window)


def test_printing_a_report_with_errors_asks_first(qtbot: object, tmp_path: Path) -> None:
    window = _window(errors=True)
    printing = window.exports.printing
    asked: list[str] = []
    printing.confirm_errors = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    printing.ask_printer = _to_pdf_printer(tmp_path / "p.pdf")  # type: ignore[method-assign]
    assert not printing.print_report() and not (tmp_path / "p.pdf").exists()
    assert "仍要打印吗？" in asked[0]
    printing.confirm_errors = lambda text: True  # type: ignore[method-assign]
    assert printing.print_report()
    assert all("未通过校验" in text for text in _texts(tmp_path / "p.pdf"))
    _close(window)


def test_preview_shows_the_same_number_of_pages(qtbot: object, tmp_path: Path) -> None:
    window = _window()
    exported = tmp_path / "export.pdf"
    export_pdf(window.document.report, exported)
    shown: list[int] = []

    def show(dialog: QPrintPreviewDialog) -> None:
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        shown.append(widget.pageCount())

    window.exports.printing.show_preview = show  # type: ignore[method-assign]
    window.exports.printing.preview()
    assert shown == [len(PdfReader(exported).pages)]
    _close(window)


def test_window_start_does_not_load_printing() -> None:
    code = (
        "import os, sys\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from gkdesk.ui.app import make_application\napp = make_application()\n"
        "from gkdesk.ui.main_window import MainWindow\nwindow = MainWindow(autosave_ms=0)\n"
        "print(sorted(m for m in sys.modules if 'QtPrintSupport' in m or m.startswith('gkdesk.ui.printing')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_preview_of_a_report_with_errors_shows_the_mark_without_asking(qtbot: object) -> None:
    window = _window(errors=True)
    printing = window.exports.printing
    printing.confirm_errors = lambda text: pytest.fail(f"unexpected question: {text}")  # type: ignore[method-assign]
    marked: list[int] = []

    def show(dialog: QPrintPreviewDialog) -> None:
        dialog.findChild(QPrintPreviewWidget).updatePreview()

    original = PrintedReport.paint

    def paint(self: PrintedReport, device: object, numbers: object = None) -> bool:
        marked.append(self.errors)
        return original(self, device, numbers)  # type: ignore[arg-type]

    printing.show_preview = show  # type: ignore[method-assign]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PrintedReport, "paint", paint)
        printing.preview()
    assert marked and all(errors == 2 for errors in marked)
    _close(window)
