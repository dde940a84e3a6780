"""Mutated and truncated .docx/.xlsx files: every one reads or gets a clear error, none crashes or hangs."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.io.errors import ReportFileError
from gkdesk.io.open import read_report
from tests.io.docx_variants import Variant, build_docx
from tests.io.hostile import mutate_member
from tests.io.xlsx_variants import build_xlsx

_SEEDS: dict[str, bytes] = {}


def _seed(suffix: str, tmp: Path) -> bytes:
    if suffix not in _SEEDS:
        path = tmp / f"seed{suffix}"
        if suffix == ".docx":
            build_docx(path, Variant(merge="repeat"))
        else:
            build_xlsx(path)
        _SEEDS[suffix] = path.read_bytes()
    return _SEEDS[suffix]


def _read(path: Path) -> None:
    started = time.perf_counter()
    try:
        read_report(path)
    except ReportFileError as error:
        assert str(error)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    member=st.integers(0, 50),
    position=st.floats(0, 1),
    junk=st.sampled_from(
        [b"", b"<", b"</w:tbl>", b"<w:tc><w:p/>", b"&bogus;", b"\xff\xfe", b"<!DOCTYPE x [<!ENTITY a 'b'>]>"]
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_mutated_package_parts(
    tmp_path: Path, suffix: str, member: int, position: float, junk: bytes, cut: float | None
) -> None:
    path = tmp_path / f"mutated{suffix}"
    path.write_bytes(mutate_member(_seed(suffix, tmp_path), member, position, junk, cut))
    _read(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0, 1), flip=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=5))
def test_truncated_and_bit_flipped_files(
    tmp_path: Path, suffix: str, cut: float, flip: list[tuple[float, int]]
) -> None:
    data = bytearray(_seed(suffix, tmp_path))
    for where, byte in flip:
        data[int(where * (len(data) - 1))] = byte
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(bytes(data[: max(1, int(len(data) * cut))]))
    _read(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>")
    with pytest.raises(ReportFileError, match="过大"):
        read_report(path)
