"""Saves never leave a cut backup or stale temporaries; special files are refused before they are opened."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files import atomic
from gkdesk.io.files.atomic import write_atomic
from gkdesk.io.open import read_with_result
from tests.conftest import ROOT, SAMPLE_GKR


def test_backup_is_replaced_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.gkr"
    write_atomic(path, b"A" * 100_000)
    write_atomic(path, b"B" * 100_000)
    backup = path.with_name("r.gkr.bak")
    assert backup.read_bytes() == b"A" * 100_000

    def killed_halfway(source: object, target: object) -> None:
        target.write(b"B" * 10)  # type: ignore[attr-defined]
        raise KeyboardInterrupt  # the process dies while the backup is being copied

    monkeypatch.setattr(shutil, "copyfileobj", killed_halfway)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"C" * 100_000)
    assert backup.read_bytes() == b"A" * 100_000  # the previous backup, whole
    assert path.read_bytes() == b"B" * 100_000
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _temp(folder: Path, name: str, age_seconds: float) -> Path:
    path = folder / name
    path.write_bytes(b"half")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_stale_temporaries_are_removed_on_the_next_save_and_open(tmp_path: Path) -> None:
    old = _temp(tmp_path, ".r.gkr.k2j4h5g6.tmp", 120)
    fresh = _temp(tmp_path, ".r.gkr.a1b2c3d4.tmp", 5)  # perhaps another window is saving right now
    foreign = _temp(tmp_path, ".notes.txt.k2j4h5g6.tmp", 120)  # not one of ours
    write_atomic(tmp_path / "r.gkr", SAMPLE_GKR.read_bytes())
    assert not old.exists() and fresh.exists() and foreign.exists()

    old_export = _temp(tmp_path, ".r.docx.zzzzzzzz.tmp", 600)
    read_with_result(tmp_path / "r.gkr")
    assert not old_export.exists() and fresh.exists()
    assert atomic.remove_stale_temps(tmp_path / "missing") == []


def _check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "proc-link"])
def test_special_files_are_refused_before_opening(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.gkr"
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would wait forever for a writer
    elif kind == "dev-zero-link":
        path.symlink_to("/dev/zero")  # endless zeros; st_size says 0
    else:
        path.symlink_to("/proc/self/environ")  # st_size 0, content anyway
    with pytest.raises(ReportFileError):
        read_with_result(path)
    result = _check(path)
    assert result.returncode == 2
    assert "x.gkr" in result.stderr and "Traceback" not in result.stderr
    assert ("不是普通文件" in result.stderr) or ("系统文件" in result.stderr)


def test_reading_many_files_of_one_folder_sweeps_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A roll-up reads thousands of returns from one folder: listing the folder for each would take time
    growing with the square of their number."""
    swept: list[Path] = []
    monkeypatch.setattr(atomic, "remove_stale_temps", lambda folder: swept.append(folder) or [])
    for number in range(3):
        (tmp_path / f"{number}.gkr").write_bytes(SAMPLE_GKR.read_bytes())
        read_with_result(tmp_path / f"{number}.gkr")
    assert swept == [tmp_path]
