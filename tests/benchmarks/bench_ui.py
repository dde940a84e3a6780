"""Window figures for tests/benchmarks/bench.py: keystroke-to-repaint in table 三 of the sample report."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"


def figures(runs: int = 60) -> dict[str, str]:
    from PySide6.QtCore import QSettings, QStandardPaths, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gkdesk.io.gkr import load_gkr
    from gkdesk.ui.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GKDESK_RECOVERY_DIR"] = str(Path(folder) / "recovery")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        make_application()
        from gkdesk.ui.main_window import MainWindow

        start = time.perf_counter()
        window = MainWindow(load_gkr(SAMPLE))
        window.resize(1366, 768)
        window.show()
        window.show_page("requests")
        QApplication.processEvents()
        open_ms = (time.perf_counter() - start) * 1000
        page = window.page_stack.table_page("requests")
        assert page is not None
        grid, model = page.grid, page.model
        index = model.index_of("requests.new.natural")
        commit_times, full_times, key_times = [], [], []
        for i in range(runs):
            # commit of a typed value → undo command → re-check → the changed parts of the window painted
            begin = time.perf_counter()
            model.setData(index, str(14 + i % 2 + 1))
            QApplication.processEvents()
            commit_times.append(time.perf_counter() - begin)
            # the same, forcing a paint of the whole window (an upper bound)
            begin = time.perf_counter()
            model.setData(index, str(14 + i % 2))
            window.repaint()
            full_times.append(time.perf_counter() - begin)
            # the whole keyboard path: digit opens the editor, Enter commits and moves on, then paint
            grid.setCurrentIndex(index)
            begin = time.perf_counter()
            QTest.keyClick(grid, Qt.Key.Key_7 if i % 2 else Qt.Key.Key_8)
            editor = grid.indexWidget(index)
            assert editor is not None
            QTest.keyClick(editor, Qt.Key.Key_Return)
            QApplication.processEvents()
            key_times.append(time.perf_counter() - begin)
        window.document.forget_changes()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        return {
            "open the sample in the window (first page painted)": f"{open_ms:.0f} ms",
            f"commit a cell → re-check → repaint, table 三 (median of {runs})": f"{statistics.median(commit_times) * 1000:.1f} ms",
            f"same with the whole 1366×768 window repainted (median of {runs})": f"{statistics.median(full_times) * 1000:.1f} ms",
            f"keystrokes digit+Enter → repaint, table 三 (median of {runs})": f"{statistics.median(key_times) * 1000:.1f} ms",
            "keystrokes digit+Enter → repaint, worst": f"{max(key_times) * 1000:.1f} ms",
        }


if __name__ == "__main__":
    for name, value in figures().items():
        print(f"{name}: {value}")
