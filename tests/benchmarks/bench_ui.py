"""Window figures for tests/benchmarks/bench.py: keystroke → repaint in table 三, measured as a clerk types.

Each keystroke is a real key event (QTest.keyClick) into the grid or its cell editor; the clock stops when the
event loop has painted the changed cell and, if the findings changed, the findings panel — the moment the
clerk sees the result. Typing “1”, “2”, Enter into a cell: the digits open and fill the editor, Enter commits
(undo command → re-check → grid, navigator and findings panel updated).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"
TYPED_IN_NEW_REPORT = {"requests.new.natural": 3, "requests.new.commercial": 1, "requests.granted.natural": 2}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class PaintWatch:
    """Notes when a widget is painted (an event filter on it)."""

    def __init__(self, widgets: list[Any]) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.painted.add(id(watched))
                return False

        self.painted: set[int] = set()
        self.filter = Filter()
        self.widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self.filter)

    def detach(self) -> None:
        for widget in self.widgets:
            widget.removeEventFilter(self.filter)


def type_keys(window: Any, cell_key: str, digits: str, runs: int) -> tuple[list[float], list[float], list[float]]:
    """(ms per digit key, ms per Enter key, CPU ms per Enter key) typing `digits` + Enter into `cell_key`, `runs`
    times. The CPU time is the work done per keystroke, which a busy machine does not inflate."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    page = window.page_stack.table_page("requests")
    grid, model = page.grid, page.model
    index = model.index_of(cell_key)
    grid_port = grid.viewport()
    findings_port = window.findings_panel.tree.viewport()
    watch = PaintWatch([grid_port, findings_port])
    changed = {"findings": False}
    window.document.findingsChanged.connect(lambda: changed.__setitem__("findings", True))

    cpu: list[float] = []

    def press(target: Any, key: Qt.Key) -> float:
        watch.painted.clear()
        changed["findings"] = False
        cpu_begin = time.process_time()
        begin = time.perf_counter()
        QTest.keyClick(target, key)
        deadline = begin + 2.0
        while time.perf_counter() < deadline:
            QApplication.processEvents()
            grid_done = id(grid_port) in watch.painted
            panel_done = not changed["findings"] or id(findings_port) in watch.painted
            if grid_done and panel_done:
                break
        elapsed = (time.perf_counter() - begin) * 1000
        cpu.append((time.process_time() - cpu_begin) * 1000)
        return elapsed

    digit_times, enter_times, enter_cpu = [], [], []
    keys = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}
    for run in range(runs):
        grid.setCurrentIndex(index)
        grid.setFocus()
        QApplication.processEvents()
        text = digits if run % 2 == 0 else digits[::-1]  # a different value each time: every Enter commits
        digit_times.append(press(grid, keys[text[0]]))
        editor = grid.indexWidget(index) or QApplication.focusWidget()
        for digit in text[1:]:
            digit_times.append(press(editor, keys[digit]))
        enter_times.append(press(editor, Qt.Key.Key_Return))
        enter_cpu.append(cpu[-1])
    watch.detach()
    return digit_times, enter_times, enter_cpu


def _with_window(report_factory: Callable[[], Any], action: Callable[[Any], dict[str, str]]) -> dict[str, str]:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from gkdesk.ui.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GKDESK_RECOVERY_DIR"] = str(Path(folder) / "recovery")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        make_application()
        from gkdesk.ui.main_window import MainWindow

        window = MainWindow(report_factory())
        window.resize(1366, 768)
        window.show()
        window.show_page("requests")
        QApplication.processEvents()
        try:
            return action(window)
        finally:
            window.document.forget_changes()
            window.close()
            window.deleteLater()
            QApplication.processEvents()


def _summary(label: str, digit_times: list[float], enter_times: list[float], enter_cpu: list[float]) -> dict[str, str]:
    every = digit_times + enter_times
    return {
        f"keystroke → repaint, {label}: median / p95 of every key (target < 16 / < 33 ms)":
            f"{statistics.median(every):.1f} / {percentile(every, 0.95):.1f} ms",
        f"keystroke → repaint, {label}: Enter (commit + re-check) median / p95 / max":
            f"{statistics.median(enter_times):.1f} / {percentile(enter_times, 0.95):.1f} / {max(enter_times):.1f} ms",
        f"keystroke → repaint, {label}: digit into the editor median":
            f"{statistics.median(digit_times):.1f} ms",
        f"keystroke → repaint, {label}: CPU of the Enter key median / p95":
            f"{statistics.median(enter_cpu):.1f} / {percentile(enter_cpu, 0.95):.1f} ms",
    }


def sample_report() -> Any:
    from gkdesk.io.gkr import load_gkr

    return load_gkr(SAMPLE)


def new_report_three_numbers() -> Any:
    """A new report with three numbers typed into table 三: the blank-cell warnings of the clerk's first minutes."""
    from gkdesk.model import Report

    report = Report.new(2021)
    report.set_values(list(TYPED_IN_NEW_REPORT.items()))
    return report


def report_with_many_findings() -> Any:
    """About 150 findings whatever the blank-cell rule does: a dash typed in every cell of table 三 but the first two
    rows (value.invalid each), three numbers typed."""
    from gkdesk.model import Invalid

    report = new_report_three_numbers()
    for cell in report.spec.input_cells:
        if cell.key.startswith("requests.") and not cell.key.startswith(("requests.new.", "requests.carried_over.")):
            report.values[cell.key] = Invalid("—")
    return report


def figures(runs: int = 40) -> dict[str, str]:
    result: dict[str, str] = {}

    def sample(window: Any) -> dict[str, str]:
        return _summary("table 三 of the sample", *type_keys(window, "requests.new.natural", "12", runs))

    def fresh(window: Any) -> dict[str, str]:
        count = len(window.document.findings)
        typed = type_keys(window, "requests.carried_over.natural", "12", runs)
        return _summary(f"table 三 of a new report with 3 numbers, {count} findings", *typed)

    start = time.perf_counter()
    result |= _with_window(sample_report, sample)
    result |= _with_window(new_report_three_numbers, fresh)
    result |= _with_window(report_with_many_findings, fresh)
    result["keystroke benchmark wall time"] = f"{time.perf_counter() - start:.1f} s"
    return result


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
