"""The .gkr file: round trip, validation, refusal of newer files, atomic save."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkdesk.io.errors import ReportFileError
from gkdesk.io.files import atomic
from gkdesk.io.gkr import FILE_VERSION, dumps, load_gkr, loads, save_gkr
from gkdesk.model import Invalid, Paragraph, Report, Run
from gkdesk.spec import load_spec
from tests.helpers import sample_report


def test_sample_round_trip(tmp_path: Path) -> None:
    report = sample_report()
    report.acknowledgements["text.table_mismatch@overview#5"] = "27个为县本级，30个含乡镇"
    report.add_comment("requests.new.natural", "审核员", "请核对")
    report.declared["requests.new.total"] = 15
    report.values["requests.new.legal"] = Invalid("/")
    report.previous = sample_report()
    save_gkr(report, tmp_path / "a.gkr")
    again = load_gkr(tmp_path / "a.gkr")
    assert again == report
    assert again.previous == report.previous
    assert again.values["proactive.fee.amount_wan"] == Decimal("1340.5117")


def test_file_is_readable_json_with_version(tmp_path: Path) -> None:
    save_gkr(sample_report(), tmp_path / "a.gkr")
    data = json.loads((tmp_path / "a.gkr").read_text(encoding="utf-8"))
    assert data["file_version"] == FILE_VERSION and data["edition"] == "2021"
    assert data["values"]["requests"]["new"]["natural"] == 14
    assert data["values"]["proactive"]["fee"]["amount_wan"] == "1340.5117"
    assert "同心县" in (tmp_path / "a.gkr").read_text(encoding="utf-8")


def test_newer_file_refused_whole() -> None:
    data = json.loads(dumps(sample_report()))
    data["file_version"] = FILE_VERSION + 1
    with pytest.raises(ReportFileError, match="更新版本"):
        loads(json.dumps(data), "new.gkr")


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["values"]["requests"]["new"].__setitem__("natural", [1]), "values.requests.new.natural"),
        (lambda d: d["values"]["requests"].__setitem__("bogus", {"natural": 1}), "values.requests.bogus.natural"),
        (lambda d: d["values"]["requests"]["new"].__setitem__("total", 14), "values.requests.new.total"),
        (lambda d: d.__setitem__("edition", "2030"), "edition"),
        (lambda d: d.__setitem__("year", "2021"), "year"),
        (lambda d: d["narratives"].__setitem__("seven", []), "narratives.seven"),
        (lambda d: d["narratives"]["overview"][0].__setitem__("runs", "x"), "narratives.overview[0].runs"),
        (lambda d: d.__setitem__("format", "other"), "不是 gkdesk 报告文件"),
        (lambda d: d["contact"].__setitem__("fax", "1"), "contact"),
    ],
)
def test_invalid_content_named(mutate: object, fragment: str) -> None:
    data = json.loads(dumps(sample_report()))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(ReportFileError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        loads(json.dumps(data), "bad.gkr")


@pytest.mark.parametrize(("raw", "kept"), [(-1, "-1"), (1.5, "1.5"), ("十四", "十四"), ("1e3", "1e3")])
def test_invalid_number_is_kept_and_reported_not_refused(raw: object, kept: str) -> None:
    data = json.loads(dumps(sample_report()))
    data["values"]["requests"]["new"]["natural"] = raw
    report = loads(json.dumps(data), "edited.gkr")
    assert report.values["requests.new.natural"] == Invalid(kept)
    from gkdesk.checks import run_checks

    assert "value.invalid" in {f.rule for f in run_checks(report)}


def test_damaged_and_foreign_files(tmp_path: Path) -> None:
    truncated = tmp_path / "t.gkr"
    truncated.write_text(dumps(sample_report())[:500], encoding="utf-8")
    with pytest.raises(ReportFileError, match="已损坏"):
        load_gkr(truncated)
    binary = tmp_path / "b.gkr"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00")
    with pytest.raises(ReportFileError, match="UTF-8"):
        load_gkr(binary)
    deep = tmp_path / "d.gkr"
    deep.write_text("[" * 100000, encoding="utf-8")
    with pytest.raises(ReportFileError):
        load_gkr(deep)
    huge = tmp_path / "h.gkr"
    huge.write_text('{"format": "gkdesk-report", "year": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(ReportFileError, match="过长的数字"):
        load_gkr(huge)
    with pytest.raises(ReportFileError, match="无法读取"):
        load_gkr(tmp_path / "missing.gkr")


def test_save_keeps_backup(tmp_path: Path) -> None:
    path = tmp_path / "r.gkr"
    first = sample_report()
    save_gkr(first, path)
    second = sample_report()
    second.organ = "另一个县"
    save_gkr(second, path)
    assert load_gkr(path).organ == "另一个县"
    assert load_gkr(tmp_path / "r.gkr.bak").organ == "同心县"


def test_interrupted_save_leaves_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.gkr"
    save_gkr(sample_report(), path)
    before = path.read_bytes()

    def pulled_stick(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", pulled_stick)
    changed = sample_report()
    changed.organ = "半途"
    with pytest.raises(ReportFileError, match="U盘"):
        save_gkr(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_disk_full_and_read_only_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(ReportFileError, match="磁盘已满"):
        save_gkr(sample_report(), tmp_path / "r.gkr")
    monkeypatch.undo()
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(ReportFileError, match="没有写入权限"):
            save_gkr(sample_report(), locked / "r.gkr")
    with pytest.raises(ReportFileError, match="无法保存"):
        save_gkr(sample_report(), tmp_path / "no-such-folder" / "r.gkr")


COUNT_CELLS = sorted(k for k, c in load_spec("2021").cells.items() if not c.derived and c.value_type.max_decimals == 0)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    values=st.dictionaries(st.sampled_from(COUNT_CELLS), st.integers(0, 10**9) | texts.map(Invalid), max_size=30),
    organ=texts,
    paragraphs=st.lists(st.lists(st.tuples(texts, st.booleans()), min_size=1, max_size=3), max_size=4),
    fee=st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
)
def test_round_trip_property(
    values: dict[str, object], organ: str, paragraphs: list[list[tuple[str, bool]]], fee: Decimal
) -> None:
    report = Report.new(2021, organ)
    report.values.update(values)  # type: ignore[arg-type]
    report.values["proactive.fee.amount_wan"] = fee
    report.narratives["overview"] = [Paragraph(tuple(Run(t, b) for t, b in p)) for p in paragraphs]
    assert loads(dumps(report)) == report


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "new.gkr"
    save_gkr(sample_report(), fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    shared = tmp_path / "shared.gkr"
    save_gkr(sample_report(), shared)
    shared.chmod(0o664)
    save_gkr(sample_report(), shared)
    assert shared.stat().st_mode & 0o777 == 0o664


def test_saving_onto_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "folder.gkr").mkdir()
    with pytest.raises(ReportFileError, match="文件夹"):
        save_gkr(sample_report(), tmp_path / "folder.gkr")
