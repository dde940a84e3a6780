"""Property suite: mutated gkdesk files (.gkr, .gkt, exported .docx/.xlsx with embedded data) are read or
refused with a ReportFileError, quickly; never another exception. (Foreign layouts: test_import_fuzz.py.)"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.io.docx.export import export_docx
from gkdesk.io.errors import ReportFileError
from gkdesk.io.gkr import report_to_dict
from gkdesk.io.open import read_with_result
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.template import Template, open_template, save_template
from tests.helpers import sample_report
from tests.io.hostile import mutate_member

SECONDS = 10  # far above any real file; a reader without bounds exceeds it on the hostile inputs
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_SEEDS: dict[str, bytes] = {}


def _seed(suffix: str, folder: Path) -> bytes:
    if suffix not in _SEEDS:
        path = folder / f"seed{suffix}"
        if suffix == ".docx":
            export_docx(sample_report(), path)
        elif suffix == ".xlsx":
            export_xlsx(sample_report(), path)
        elif suffix == ".gkt":
            save_template(Template(year=2025, edition="2021", issuer="某县人民政府办公室", instructions="按时报送"), path)
        else:
            path.write_text(json.dumps(report_to_dict(sample_report()), ensure_ascii=False), encoding="utf-8")
        _SEEDS[suffix] = path.read_bytes()
    return _SEEDS[suffix]


def _read_or_refuse(path: Path) -> None:
    started = time.perf_counter()
    try:
        if path.suffix == ".gkt":
            open_template(path)
        else:
            read_with_result(path)
    except ReportFileError as error:
        assert str(error).strip()
    assert time.perf_counter() - started < SECONDS


# JSON values a damaged or hostile file may hold where anything else is expected
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:5]):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    value[path[0]] = _replace(value[path[0]], path[1:], new)
    return value


@pytest.mark.parametrize("suffix", [".gkr", ".gkt"])
@FUZZ
@given(data=st.data())
def test_json_files_with_a_value_replaced(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    document = json.loads(_seed(suffix, tmp_path))
    path = data.draw(st.sampled_from(_paths(document)))
    mutated = _replace(document, path, data.draw(ODD_VALUES))
    target = tmp_path / f"mutant{suffix}"
    target.write_text(json.dumps(mutated, ensure_ascii=False), encoding="utf-8")
    _read_or_refuse(target)


@pytest.mark.parametrize("suffix", [".gkr", ".gkt", ".docx", ".xlsx"])
@FUZZ
@given(position=st.floats(0, 1), junk=st.binary(max_size=40), cut=st.none() | st.floats(0, 1), flips=st.integers(0, 8))
def test_files_with_bytes_damaged(
    tmp_path: Path, suffix: str, position: float, junk: bytes, cut: float | None, flips: int
) -> None:
    data = bytearray(_seed(suffix, tmp_path))
    at = int(len(data) * position)
    data[at:at] = junk
    for index in range(flips):
        spot = (at + index * 7919) % len(data)
        data[spot] ^= 0x5A
    if cut is not None:
        data = data[: int(len(data) * cut)]
    target = tmp_path / f"mutant{suffix}"
    target.write_bytes(bytes(data))
    _read_or_refuse(target)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@FUZZ
@given(member=st.integers(0, 40), position=st.floats(0, 1), junk=st.binary(max_size=60), cut=st.none() | st.floats(0, 1))
def test_own_packages_with_a_part_damaged(
    tmp_path: Path, suffix: str, member: int, position: float, junk: bytes, cut: float | None
) -> None:
    path = tmp_path / f"mutant{suffix}"
    path.write_bytes(mutate_member(_seed(suffix, tmp_path), member, position, junk, cut))
    _read_or_refuse(path)
