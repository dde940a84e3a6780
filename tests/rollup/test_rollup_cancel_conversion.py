"""The roll-up's 取消 while LibreOffice converts a unit's old .doc (a fake `soffice` here) stops the conversion at
once — the converter's whole process group ends — and the roll-up ends cancelled, not with that file refused."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from gkdesk.rollup import RollupCancelled, roll_up
from tests.conftest import SAMPLE_GKR
from tests.io.fake_soffice import alive, ended, install_fake_soffice, made_docx, old_doc, posix_only

pytestmark = posix_only
__all__ = ["made_docx", "old_doc"]  # fixtures


def test_cancel_stops_the_conversion_and_the_roll_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_docx: Path, old_doc: Path
) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    shutil.copyfile(SAMPLE_GKR, returns / "县.gkr")
    shutil.copyfile(old_doc, returns / "乡镇报告.doc")
    fake = install_fake_soffice(tmp_path, monkeypatch, made_docx, hold=True)
    cancel = threading.Event()
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(roll_up([returns], cancel=cancel))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        for _ in range(500):
            if fake.started():
                break
            worker.join(0.02)
        assert fake.started() and all(alive(pid) for pid in fake.pids())
        cancel.set()
        worker.join(30)
    finally:
        fake.let_go()
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], RollupCancelled), outcome
    assert ended(fake.pids())
