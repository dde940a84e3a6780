"""Smoke test of the built portable folder as a user without Python would run it (scripts/test-portable.sh).

The zip of the folder is unpacked to a path with Chinese characters and spaces, made read-only (run as `nobody` when this
runs as root, since root may write anywhere), and the executable is started with an empty environment
(HOME and QT_QPA_PLATFORM only, no Python on PATH). Its results are compared with `python main.py`.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "gkdesk"
EXECUTABLE = "gkdesk.exe" if sys.platform.startswith("win") else "gkdesk"
SAMPLE_NAME = Path("示例") / "同心县2021年度报告.gkr"
TIMING_RUNS = 5
MAX_CHANGED_ROWS = 0.05  # share of pixel rows that may differ from the source run's screenshot (status bar notice)

failures: list[str] = []


def expect(condition: bool, message: str) -> None:
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def archive_of(folder: Path) -> Path:
    """The zip that scripts/build-portable.sh made of `folder` (what users copy to the stick)."""
    archives = sorted(folder.parent.glob(f"{folder.name}-*.zip"), key=lambda path: path.stat().st_mtime)
    if not archives:
        raise SystemExit(f"没有找到 {folder.parent}/{folder.name}-*.zip：请先运行 bash scripts/build-portable.sh")
    return archives[-1]


def unzip(archive: Path, target: Path) -> None:
    """Unpack as an unzip tool would: executable bits and symbolic links as stored."""
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            path = target / info.filename
            mode = info.external_attr >> 16
            path.parent.mkdir(parents=True, exist_ok=True)
            if stat.S_ISLNK(mode):
                path.symlink_to(zipped.read(info).decode("utf-8"))
            elif not info.is_dir():
                path.write_bytes(zipped.read(info))
                path.chmod(stat.S_IMODE(mode) or 0o644)


class Bundle:
    """The read-only copy and how to run it."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.folder = work / "U盘 副本" / "gkdesk"
        self.home = work / "home"
        self.out = work / "输出"
        empty_path = work / "no-python-here"
        for folder in (self.home, self.out, empty_path):
            folder.mkdir(parents=True)
        unzip(archive_of(DIST), self.folder.parent)
        self.as_user: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
            self.as_user = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
            for folder in (self.home, self.out):
                shutil.chown(folder, "nobody", "nogroup")
            for folder in (work, self.folder.parent):
                folder.chmod(0o755)
        for path in [self.folder, *self.folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & ~0o222)
        self.env = {"HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", "PATH": str(empty_path)}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self.as_user, str(self.folder / EXECUTABLE), *args]
        return subprocess.run(command, env=self.env, capture_output=True, text=True, encoding="utf-8", check=False)

    def snapshot(self) -> dict[str, tuple[int, int]]:
        return {str(p.relative_to(self.folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in self.folder.rglob("*")}


def source_env() -> dict[str, str]:
    """The source run's environment with a fresh home, so no saved window layout of earlier runs applies."""
    home = Path(tempfile.mkdtemp(prefix="gkdesk-source-home-"))
    env = {name: value for name, value in os.environ.items() if not name.startswith("XDG_")}
    return {**env, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


SOURCE_ENV = source_env()


def run_source(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=SOURCE_ENV, capture_output=True,
                          text=True, encoding="utf-8", check=False, cwd=ROOT)


def values_of(bundle: Bundle, path: Path) -> object:
    result = bundle.run("check", str(path), "--json")
    return json.loads(result.stdout).get("values") if result.stdout.strip() else None


def changed_rows(first: Path, second: Path) -> float:
    from PySide6.QtGui import QImage

    one, two = QImage(str(first)), QImage(str(second))
    if one.size() != two.size() or one.isNull():
        return 1.0
    one = one.convertToFormat(QImage.Format.Format_RGB32)
    two = two.convertToFormat(QImage.Format.Format_RGB32)
    width = one.bytesPerLine()
    rows_one, rows_two = bytes(one.constBits()), bytes(two.constBits())
    differing = sum(rows_one[y * width:(y + 1) * width] != rows_two[y * width:(y + 1) * width] for y in range(one.height()))
    return differing / one.height()


def check_translations(bundle: Bundle) -> None:
    from PySide6.QtCore import QTranslator

    folder = bundle.folder / "_internal" / "PySide6" / "Qt" / "translations"
    if sys.platform.startswith("win"):
        folder = bundle.folder / "_internal" / "PySide6" / "translations"
    catalogues = sorted(p.name for p in bundle.folder.rglob("*.qm"))
    expect(catalogues == ["qt_zh_CN.qm", "qtbase_zh_CN.qm"], f"only Qt's Chinese catalogues are bundled: {catalogues}")
    translator = QTranslator()
    loaded = translator.load("qtbase_zh_CN", str(folder))
    cancel = translator.translate("QPlatformTheme", "Cancel")
    expect(loaded and cancel == "取消", f"QMessageBox buttons from the bundled catalogue: Cancel → {cancel!r}")


def check_catalogue_loaded(bundle: Bundle, sample: Path) -> None:
    """At run time the bundled window opens qtbase_zh_CN.qm from the bundle at the first place Qt looks
    (QLibraryInfo's translations path), so QMessageBox buttons read 确定/取消."""
    strace = shutil.which("strace")
    if strace is None:
        expect(False, "strace is needed to watch the window load Qt's Chinese catalogue (scripts/setup.sh --test installs it)")
        return
    trace = bundle.out / "strace.txt"
    command = [strace, "-f", "-e", "trace=openat", "-o", str(trace), *bundle.as_user,
               str(bundle.folder / EXECUTABLE), str(sample), "--screenshot", str(bundle.out / "strace-shots")]
    subprocess.run(command, env=bundle.env, capture_output=True, check=False)
    # strace writes non-ASCII bytes of paths as octal escapes
    lines = (codecs.escape_decode(line.encode("ascii", "replace"))[0].decode("utf-8", "replace")
             for line in trace.read_text(encoding="ascii", errors="replace").splitlines())
    attempts = [line for line in lines if "qtbase_zh_CN" in line]
    expected = str(bundle.folder / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm")
    first = attempts[0] if attempts else ""
    expect(expected in first and "ENOENT" not in first, f"the window loads Qt's Chinese catalogue from the bundle: {first[-200:]!r}")


def check_parallel_rollup(bundle: Bundle, returns: list[Path]) -> None:
    """`rollup --jobs 2` starts the bundled program again as its workers: the same result as one process."""
    folder = bundle.out / "汇总来件"
    folder.mkdir()
    for number, path in enumerate(returns):
        shutil.copyfile(path, folder / f"{number:02d}{path.suffix}")
    outcomes = []
    for jobs in ("2", "1"):
        result = bundle.run("rollup", str(folder), "-o", str(bundle.out / f"汇总-{jobs}.xlsx"), "--jobs", jobs, "--json")
        expect(result.returncode == 0 and result.stdout.strip() != "", f"rollup --jobs {jobs} {result.stderr[-300:]}")
        outcomes.append(json.loads(result.stdout)["totals"] if result.returncode == 0 and result.stdout.strip() else None)
    expect(outcomes[0] is not None and outcomes[0] == outcomes[1], "rollup --jobs 2 equals --jobs 1 in the bundle")


def median_seconds(command: list[str], env: dict[str, str], cwd: Path) -> float:
    times = []
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    if not (DIST / EXECUTABLE).is_file():
        print(f"没有找到 {DIST / EXECUTABLE}：请先运行 bash scripts/build-portable.sh", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="gkdesk-portable-"))
    try:
        bundle = Bundle(work)
        before = bundle.snapshot()
        sample = bundle.folder / SAMPLE_NAME

        bundled, source = bundle.run("check", str(sample), "--json"), run_source("check", str(sample), "--json")
        expect(bundled.returncode == source.returncode and bundled.stdout == source.stdout and bundled.stdout.strip() != "",
               f"check --json equals the source run's (exit {bundled.returncode}/{source.returncode}) {bundled.stderr[-300:]}")
        original = json.loads(source.stdout)["values"]

        docx, xlsx, pdf = (bundle.out / f"报告 导出.{suffix}" for suffix in ("docx", "xlsx", "pdf"))
        exported = bundle.run("export", str(sample), "--docx", str(docx), "--xlsx", str(xlsx), "--pdf", str(pdf))
        expect(exported.returncode == 0 and docx.is_file() and xlsx.is_file(), f"export --docx --xlsx {exported.stderr[-300:]}")
        expect(pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), "export --pdf (Qt printing in the bundle)")
        for name, exported_file in (("docx", docx), ("xlsx", xlsx)):
            imported_file = bundle.out / f"导入自{name}.gkr"
            imported = bundle.run("import", str(exported_file), "-o", str(imported_file))
            expect(imported.returncode == 0 and imported_file.is_file(), f"import of the .{name} {imported.stderr[-300:]}")
            expect(values_of(bundle, imported_file) == original, f"values of the re-imported .{name} equal the sample's")

        check_parallel_rollup(bundle, [sample, docx, xlsx, *bundle.out.glob("导入自*.gkr")])

        shots, source_shots = bundle.out / "截图", work / "source-shots"
        window = bundle.run(str(sample), "--screenshot", str(shots))
        source_window = run_source(str(sample), "--screenshot", str(source_shots))
        pages = sorted(p.name for p in shots.glob("*.png"))
        expect(window.returncode == 0 and bool(pages) and pages == sorted(p.name for p in source_shots.glob("*.png")),
               f"--screenshot writes every page: {pages} {window.stderr[-300:]}")
        for page in pages:
            share = changed_rows(shots / page, source_shots / page)
            expect(share <= MAX_CHANGED_ROWS, f"{page} looks like the source run's (Chinese text found by fontconfig): "
                   f"{share:.1%} of pixel rows differ")
        expect(source_window.returncode == 0, "the source run's screenshots for comparison")
        expect(str(bundle.folder) in window.stderr and "写保护" in window.stderr,
               f"read-only folder: the window says where settings went: {window.stderr.strip()[-300:]!r}")

        check_translations(bundle)
        if not sys.platform.startswith("win"):
            check_catalogue_loaded(bundle, sample)
        expect(bundle.snapshot() == before, "nothing was written inside the read-only program folder")

        bundle_start = median_seconds([*bundle.as_user, str(bundle.folder / EXECUTABLE), str(sample), "--screenshot",
                                       str(bundle.out / "timing")], bundle.env, work)
        source_start = median_seconds([sys.executable, str(ROOT / "main.py"), str(sample), "--screenshot",
                                       str(work / "timing")], SOURCE_ENV, ROOT)
        bundle_check = median_seconds([*bundle.as_user, str(bundle.folder / EXECUTABLE), "check", str(sample)], bundle.env, work)
        source_check = median_seconds([sys.executable, str(ROOT / "main.py"), "check", str(sample)], SOURCE_ENV, ROOT)
        print(f"median of {TIMING_RUNS} (whole process): window with --screenshot: bundle {bundle_start:.2f} s, "
              f"python main.py {source_start:.2f} s; check: bundle {bundle_check:.2f} s, python main.py {source_check:.2f} s")
        if os.environ.get("GKDESK_KEEP_SMOKE"):
            print(f"kept: {work}")
    finally:
        if not os.environ.get("GKDESK_KEEP_SMOKE"):
            for path in [work, *work.rglob("*")]:
                if not path.is_symlink():
                    path.chmod(0o755)
            shutil.rmtree(work)
        shutil.rmtree(SOURCE_ENV["HOME"], ignore_errors=True)
    print(f"{len(failures)} failed" if failures else "portable folder: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
