"""Damaged .xlsx packages never leave a file handle open (pytest runs with filterwarnings=error, so a
file closed only by the garbage collector fails the test as an unraisable ResourceWarning)."""

from __future__ import annotations

import gc
import io
import zipfile
from pathlib import Path

import pytest

from gkdesk.io.errors import ReportFileError
from gkdesk.io.open import read_report
from gkdesk.io.xlsx.export import export_xlsx
from tests.helpers import sample_report
from tests.io.hostile import mutate_member
from tests.io.xlsx_variants import build_xlsx


@pytest.mark.parametrize("own", [False, True], ids=["foreign", "own"])
def test_every_damaged_part_is_read_without_leaking_a_handle(tmp_path: Path, own: bool) -> None:
    seed_path = tmp_path / "seed.xlsx"
    if own:
        export_xlsx(sample_report(), seed_path)
    else:
        build_xlsx(seed_path)
    seed = seed_path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(seed)) as package:
        count = len(package.infolist())
    path = tmp_path / "mutated.xlsx"
    for member in range(count):
        for junk, cut in ((b"<", None), (b"\xff\xfe", None), (b"", 0.5)):
            path.write_bytes(mutate_member(seed, member, 0.5, junk, cut))
            try:
                read_report(path)
            except ReportFileError as error:
                assert str(error)
            gc.collect()  # a handle left to the collector would warn here
