"""A stand-in for LibreOffice's `soffice` on PATH, so converting old files is tested fast and without it.

The script takes soffice's command line (--convert-to, --outdir, the source), records its process id and its
output folder, starts a child like soffice.bin (another member of its process group), optionally waits until
the test lets it go (30 s at most, so a test that cannot let it go fails instead of hanging), then either writes the converted file (a copy of a fixture, named as LibreOffice names
it) or fails without writing anything.
"""

from __future__ import annotations

import os
import shlex
import stat
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from gkdesk.io.docx.export import export_docx
from tests.helpers import sample_report

SCRIPT = """#!/bin/sh
state={state}
target=""; outdir=""; source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --convert-to) target="$2"; shift ;;
    --outdir) outdir="$2"; shift ;;
    -*) ;;
    *) source="$1" ;;
  esac
  shift
done
echo "$outdir" > "$state/outdir"
sleep 600 &
echo $! > "$state/child.tmp" && mv "$state/child.tmp" "$state/child"
echo $$ > "$state/pid.tmp" && mv "$state/pid.tmp" "$state/pid"
if [ -n {hold} ]; then
  waited=0
  while [ ! -e "$state/go" ] && [ $waited -lt 1500 ]; do sleep 0.02; waited=$((waited + 1)); done
fi
kill $! 2>/dev/null
if [ -z {converted} ]; then
  exit 1
fi
mkdir -p "$outdir"
base=$(basename "$source")
cp {converted} "$outdir/${{base%.*}}.$target"
"""


@dataclass
class FakeSoffice:
    state: Path

    def started(self) -> bool:
        return (self.state / "pid").exists() and (self.state / "child").exists()

    def pids(self) -> list[int]:
        """The fake soffice and its child (the soffice.bin stand-in)."""
        return [int((self.state / name).read_text()) for name in ("pid", "child")]

    def outdir(self) -> Path:
        return Path((self.state / "outdir").read_text().strip())

    def let_go(self) -> None:
        (self.state / "go").touch()


def install_fake_soffice(
    folder: Path, monkeypatch: pytest.MonkeyPatch, converted: Path | None, hold: bool = False
) -> FakeSoffice:
    """Put a fake `soffice` first on PATH: it copies `converted` (None: fails) and, with `hold`, waits for
    `let_go()` first."""
    bin_dir = folder / "fake-bin"
    state = folder / "fake-state"
    bin_dir.mkdir(parents=True)
    state.mkdir(parents=True)
    script = bin_dir / "soffice"
    script.write_text(
        SCRIPT.format(
            state=shlex.quote(str(state)),
            hold=shlex.quote("yes" if hold else ""),
            converted=shlex.quote(str(converted) if converted else ""),
        )
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return FakeSoffice(state)


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie left for a parent that does not reap is not running)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def ended(pids: list[int]) -> bool:
    """True once none of `pids` runs. A killed process needs the kernel a moment to end, so this waits up to
    a few seconds for that (a process still running then was not killed)."""
    for _ in range(250):
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.02)
    return False


posix_only = pytest.mark.skipif(os.name != "posix" or not Path("/proc/self/stat").exists(), reason="a POSIX shell script and /proc")


@pytest.fixture
def made_docx(tmp_path: Path) -> Path:
    """What LibreOffice would make of an old file: a .docx exported by gkdesk from the sample report."""
    path = tmp_path / "made.docx"
    export_docx(sample_report(), path)
    return path


@pytest.fixture
def old_doc(tmp_path: Path) -> Path:
    """An old .doc as a township sends it (an OLE header: the fake converter never reads it)."""
    path = tmp_path / "乡镇报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    return path
