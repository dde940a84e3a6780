"""Whole-process figures, measured as the user waits: CPU of `main.py` from exec to exit.

    python tests/benchmarks/bench_process.py [--runs N]

- start-up: the window opened on the sample, shown, painted and quit, against a bare PySide6 window doing the
  same show-and-quit in the same run (the ratio is the figure that matters on a shared machine);
- `check` of a .gkr, of gkdesk's own .xlsx, of a hand-typed .docx and of a saved portal page (.htm, .mht), against LibreOffice's headless
  recalculation of the same .xlsx (skipped when `soffice` is missing);
- each with compiled modules cached in the user's cache folder (the normal case) and with PYTHONDONTWRITEBYTECODE=1
  (the program writes no compiled module and reads those scripts/setup.sh compiled beside the sources).

CPU is user + system time of the child and its reaped descendants (os.wait4), median of several runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "tongxin-2021.gkr"
HAND_TYPED_DOCX = ROOT / "tests" / "fixtures" / "tongxin-2021-report.docx"
MAIN = ROOT / "main.py"

# Show-and-quit: the event loop quits once the window has been painted. The same driver runs both windows,
# so both pay for Python, PySide6 and the platform plugin alike.
_SHOW_AND_QUIT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])

def quit_now():
    app.removeEventFilter(quitter)
    app.quit()

class QuitAfterPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, quit_now)
        return False

quitter = QuitAfterPaint()
app.installEventFilter(quitter)
QTimer.singleShot(5000, quit_now)  # never hang a benchmark
"""

_BARE_WINDOW = _SHOW_AND_QUIT + """
from PySide6.QtWidgets import QLabel, QMainWindow
window = QMainWindow()
window.setCentralWidget(QLabel("政府信息公开工作年度报告"))
window.resize(1280, 800)
window.show()
app.exec()
"""

_GKDESK_WINDOW = _SHOW_AND_QUIT + """
import runpy
sys.argv = [{main!r}, {sample!r}]
runpy.run_path({main!r}, run_name="__main__")
"""


@dataclass(frozen=True)
class Cost:
    cpu_s: float
    wall_s: float


ABORTED_AT_EXIT: set[str] = set()  # commands that aborted during interpreter shutdown (reported, still timed)


def run_cost(command: Sequence[str], env: dict[str, str]) -> Cost:
    """CPU (user + system, with reaped descendants) and wall seconds of one process."""
    import time

    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if process.returncode == -6 and "finalizing" in error:
        ABORTED_AT_EXIT.add(command[-1][-60:])
    elif process.returncode not in (0, 1):  # `check` exits 1 when the report has errors
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {error[-2000:]}")
    return Cost(usage.ru_utime + usage.ru_stime, wall)


def median_cost(command: Sequence[str], env: dict[str, str], runs: int) -> Cost:
    return median_costs([command], env, runs)[0]


def median_costs(commands: Sequence[Sequence[str]], env: dict[str, str], runs: int) -> list[Cost]:
    """The median cost of each command, run in turn (a, b, a, b, …) so that a machine growing busier or quieter
    during the measurement weighs on each alike."""
    for command in commands:
        run_cost(command, env)  # warm-up: page cache, and the compiled-module and definition caches
    costs: list[list[Cost]] = [[] for _ in commands]
    for _ in range(runs):
        for command, measured in zip(commands, costs, strict=True):
            measured.append(run_cost(command, env))
    return [Cost(statistics.median(c.cpu_s for c in measured), statistics.median(c.wall_s for c in measured))
            for measured in costs]


def environment(home: Path, no_bytecode: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), QT_QPA_PLATFORM="offscreen",
               GKDESK_RECOVERY_DIR=str(home / "recovery"))
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _own_xlsx(folder: Path) -> Path:
    from gkdesk.io.gkr import load_gkr
    from gkdesk.io.xlsx.export import export_xlsx

    target = folder / "own.xlsx"
    export_xlsx(load_gkr(SAMPLE), target)
    return target


def _web_pages(folder: Path) -> tuple[Path, Path]:
    """A saved GBK portal page with site navigation, and the same report as a .mht archive."""
    from tests.io.web_corpus import DISTRICT_2024, Page, write_mht, write_page

    page = write_page(folder / "page.htm", DISTRICT_2024, Page(encoding="gbk", breadcrumb_before_title=True))
    return page, write_mht(folder / "page.mht", DISTRICT_2024, Page(encoding="gbk"))


def libreoffice_recalc(xlsx: Path, folder: Path, runs: int) -> Cost | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = folder / "lo-profile"
    command = [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "xlsx",
               "--outdir", str(folder / "lo-out"), str(xlsx)]
    env = dict(os.environ)
    return median_cost(command, env, runs)


def figures(runs: int = 5) -> dict[str, str]:
    python = sys.executable
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        own_xlsx = _own_xlsx(folder)
        page, archive = _web_pages(folder)
        for no_bytecode in (False, True):
            home = folder / ("home-nobytecode" if no_bytecode else "home")
            env = environment(home, no_bytecode)
            tag = "PYTHONDONTWRITEBYTECODE=1" if no_bytecode else "bytecode cached"
            bare, window = median_costs(
                [[python, "-c", _BARE_WINDOW], [python, "-c", _GKDESK_WINDOW.format(main=str(MAIN), sample=str(SAMPLE))]],
                env, runs,
            )
            result[f"start-up: bare PySide6 window show-and-quit, CPU ({tag})"] = f"{bare.cpu_s:.2f} s"
            result[f"start-up: window on the sample show-and-quit, CPU ({tag})"] = f"{window.cpu_s:.2f} s"
            result[f"start-up: window / bare window CPU (target ≤ 2.0; {tag})"] = f"{window.cpu_s / bare.cpu_s:.2f}×"
            result[f"start-up: window on the sample, wall ({tag})"] = f"{window.wall_s:.2f} s"
            for name, path in (
                ("the sample .gkr", SAMPLE),
                ("own .xlsx", own_xlsx),
                ("hand-typed .docx", HAND_TYPED_DOCX),
                ("saved GBK web page .htm", page),
                ("web archive .mht", archive),
            ):
                cost = median_cost([python, str(MAIN), "check", str(path)], env, runs)
                result[f"check {name}, whole process CPU (target < 0.25 s; {tag})"] = f"{cost.cpu_s:.3f} s"
        office = libreoffice_recalc(own_xlsx, folder, max(2, runs // 2))
        if office is not None:
            result["LibreOffice headless recalculation of the same own .xlsx, CPU"] = f"{office.cpu_s:.2f} s"
    if ABORTED_AT_EXIT:
        result["aborted during interpreter shutdown (timed anyway)"] = "; ".join(sorted(ABORTED_AT_EXIT))
    result["load average at the end (1/5/15 min)"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return result


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    for key, value in figures(count).items():
        print(f"{key}: {value}")
