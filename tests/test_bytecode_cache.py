"""Compiled modules are cached in the user's cache folder (gkdesk-data/ when portable), never beside the program,
and not at all when bytecode is switched off or the folder cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLE_GKR


def environment(home: Path, no_bytecode: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), XDG_DATA_HOME=str(home / "data"))
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def pycache_folders() -> set[Path]:
    return set(ROOT.glob("gkdesk/**/__pycache__")) | set(ROOT.glob("__pycache__"))


def run_check(home: Path, no_bytecode: bool = False) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(SAMPLE_GKR)],
        env=environment(home, no_bytecode), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr


def cached_modules(home: Path) -> list[Path]:
    return list((home / "cache" / "gkdesk" / "pycache").rglob("*.pyc"))


def test_a_command_caches_gkdesks_compiled_modules_in_the_users_cache_folder(tmp_path: Path) -> None:
    before = pycache_folders()
    run_check(tmp_path)
    cached = cached_modules(tmp_path)
    assert any(path.name.startswith("engine.") and "checks" in path.parts for path in cached)
    assert pycache_folders() == before  # nothing written beside the program
    stamps = {path: path.stat().st_mtime_ns for path in cached}
    run_check(tmp_path)
    assert {path: path.stat().st_mtime_ns for path in cached} == stamps  # reused, not rewritten


def test_no_cache_when_the_user_switched_bytecode_off(tmp_path: Path) -> None:
    run_check(tmp_path, no_bytecode=True)
    assert cached_modules(tmp_path) == []


def probe(program_dir: Path, home: Path) -> str:
    code = (
        "import sys; from pathlib import Path; from gkdesk.portable import use_bytecode_cache; "
        f"folder = use_bytecode_cache(Path({str(program_dir)!r})); print(folder, sys.pycache_prefix)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment(home), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_portable_mode_caches_in_its_data_folder(tmp_path: Path) -> None:
    program = tmp_path / "U盘" / "gkdesk"
    program.mkdir(parents=True)
    (program / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    folder = program / "gkdesk-data" / "cache" / "pycache"
    assert probe(program, tmp_path / "home") == f"{folder} {folder}"


def test_no_cache_when_the_folder_cannot_be_written(tmp_path: Path) -> None:
    program = tmp_path / "stick"
    program.mkdir()
    (program / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    (program / "gkdesk-data").write_text("a file where the folder should be", encoding="utf-8")
    assert probe(program, tmp_path / "home") == "None None"
