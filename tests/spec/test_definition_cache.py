"""Loaded definitions kept between runs (gkdesk.spec.cache): the same definition as a fresh load, never a stale
one, and never anything but a definition from a file in the cache folder."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from gkdesk.spec import EDITIONS, FormatSpec, cache, load_spec, loader
from tests.conftest import ROOT


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "definitions"
    cache.use_definition_cache(folder)
    try:
        yield folder
    finally:
        cache.use_definition_cache(None)


def load(edition: str) -> FormatSpec:
    path = loader._definition_file(edition)
    return cache.cached_spec(path.read_text(encoding="utf-8"), path.name,
                             lambda text: loader.load_spec_text(text, path.name))


def refuse_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_text: str, _name: str) -> FormatSpec:
        raise AssertionError("loaded from the file, not from the cache")

    monkeypatch.setattr(loader, "load_spec_text", fail)


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_kept_definition_is_the_definition(kept: Path, monkeypatch: pytest.MonkeyPatch, edition: str) -> None:
    first = load(edition)
    assert len(list(kept.glob("*.pickle"))) == 1
    refuse_loading(monkeypatch)
    again = load(edition)
    assert again == first == load_spec(edition)
    assert again is not first and again.narrative_figures == first.narrative_figures


def test_an_edited_definition_is_loaded_afresh(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = loader._definition_file("2021")
    text = path.read_text(encoding="utf-8")
    load("2021")
    edited = text.replace('title = "', 'title = "（修订）', 1)
    fresh = cache.cached_spec(edited, path.name, lambda t: loader.load_spec_text(t, path.name))
    assert fresh.title.startswith("（修订）")
    assert list(kept.glob("*.pickle")) != [] and len(list(kept.glob("*.pickle"))) == 1  # the old one is pruned


def test_another_version_of_the_loading_code_does_not_read_it(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load("2021")
    monkeypatch.setattr(cache, "_code_stamps", lambda: ("spec/loader.py:1:2",))
    calls: list[str] = []
    real = loader.load_spec_text
    monkeypatch.setattr(loader, "load_spec_text", lambda text, name: calls.append(name) or real(text, name))
    load("2021")
    assert calls == ["annual-report-2021.toml"]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"a": 1}), pickle.dumps(os.getcwd)])
def test_a_damaged_or_foreign_file_is_loaded_afresh(kept: Path, damage: bytes) -> None:
    load("2021")
    (file,) = kept.glob("*.pickle")
    file.write_bytes(damage)
    assert load("2021") == load_spec("2021")
    assert file.read_bytes() != damage  # written again


class Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted-by-the-cache",))


def test_a_planted_pickle_runs_nothing(kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load("2021")
    (file,) = kept.glob("*.pickle")
    file.write_bytes(pickle.dumps(Planted()))
    monkeypatch.chdir(tmp_path)
    assert load("2021") == load_spec("2021")
    assert not (tmp_path / "planted-by-the-cache").exists()


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    cache.use_definition_cache(blocker / "definitions")
    try:
        assert not cache.definitions_kept()  # the years of an edition are then read from the top of its file
        assert load("2021") == load_spec("2021")
    finally:
        cache.use_definition_cache(None)


def test_the_program_keeps_the_current_definition_in_the_users_cache(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    sample = ROOT / "resources" / "samples" / "tongxin-2021.gkr"
    outputs = [
        subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(sample)], env=env, capture_output=True,
                       text=True, timeout=120)
        for _ in range(2)
    ]
    assert [o.returncode for o in outputs] == [0, 0] and outputs[0].stdout == outputs[1].stdout
    kept_files = sorted(path.name for path in (tmp_path / "cache" / "gkdesk" / "definitions").iterdir())
    assert len(kept_files) == 1 and kept_files[0].startswith("annual-report-2021-")


def test_without_a_folder_nothing_is_kept() -> None:
    script = textwrap.dedent("""
        from gkdesk.spec import cache, load_spec
        assert not cache.definitions_kept()
        load_spec("2021")
        print("ok")
    """)
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert output.stdout.strip() == "ok", output.stderr


def test_only_classes_defined_in_the_definition_modules_are_built() -> None:
    unpickler = cache._DefinitionUnpickler(io.BytesIO(b""))
    assert unpickler.find_class("gkdesk.spec.types", "FormatSpec") is FormatSpec
    for module, name in (("gkdesk.spec.loader", "Path"), ("gkdesk.spec.cache", "MappingProxyType"),
                         ("gkdesk.spec.types", "os"), ("builtins", "eval"), ("posix", "system")):
        with pytest.raises(pickle.UnpicklingError):
            unpickler.find_class(module, name)


def test_a_file_larger_than_any_definition_is_not_read(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load("2021")
    (file,) = kept.glob("*.pickle")
    monkeypatch.setattr(cache, "MAX_BYTES", file.stat().st_size - 1)
    calls: list[str] = []
    real = loader.load_spec_text
    monkeypatch.setattr(loader, "load_spec_text", lambda text, name: calls.append(name) or real(text, name))
    assert load("2021") == load_spec("2021") and calls == ["annual-report-2021.toml"]
