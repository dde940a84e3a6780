"""gkdesk finds its own files from the source tree, from an installed package and from a frozen bundle."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gkdesk import paths, portable
from gkdesk.spec import loader

ROOT = Path(__file__).resolve().parent.parent
EDITION_FILE = "annual-report-2021.toml"

# Run inside a layout: where the data is found, and that the format and the sample load from there.
PROBE = """
import json, gkdesk, gkdesk.paths as paths
from gkdesk.spec import load_spec
print(json.dumps({"package": gkdesk.__file__, "root": str(paths.resource_root()),
                  "name": load_spec("2021").name, "sample": paths.resource("resources", "samples", "tongxin-2021.gkr").is_file(),
                  "fontconfig": paths.resource("resources", "fontconfig", "gb-fonts.conf").is_file()}))
"""


def probe(site: Path, cwd: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=cwd, env=env, check=True)
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_source_tree_layout() -> None:
    assert paths.bundle_dir() is None
    assert paths.source_root() == ROOT
    assert paths.resource_root() == ROOT
    assert paths.resource("forms", EDITION_FILE).is_file()
    assert paths.program_dir() == ROOT  # the folder of main.py, where a portable marker may sit


def test_installed_layout_copied_by_hand(tmp_path: Path) -> None:
    """An installed package without the source tree around it reads gkdesk/data/."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "gkdesk", site / "gkdesk", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("forms", "resources"):
        shutil.copytree(ROOT / folder, site / "gkdesk" / "data" / folder)
    found = probe(site, tmp_path)
    assert Path(str(found["package"])).is_relative_to(site)
    assert found["root"] == str(site / "gkdesk" / "data")
    assert found["name"] == "国办公开办函〔2021〕30号"
    assert found["sample"] is True and found["fontconfig"] is True


def _can_build_wheels() -> bool:
    version = tuple(int(part) for part in importlib.metadata.version("setuptools").split(".")[:2])
    return version >= (70, 1)  # bdist_wheel built in; the locked test environment has it


@pytest.mark.skipif(not _can_build_wheels(), reason="setuptools older than 70.1 cannot build a wheel here")
def test_wheel_carries_forms_and_resources(tmp_path: Path) -> None:
    """The real wheel (setup.py's build step) puts the data where paths looks for it."""
    tree = tmp_path / "tree"
    for name in ("gkdesk", "forms", "resources"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(tmp_path / "wheel"), str(tree)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "wheel").glob("gkdesk-*.whl")
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        assert f"gkdesk/data/forms/{EDITION_FILE}" in archive.namelist()
        archive.extractall(site)
    found = probe(site, tmp_path)
    assert found["root"] == str(site / "gkdesk" / "data")
    assert found["name"] == "国办公开办函〔2021〕30号"
    assert found["sample"] is True and found["fontconfig"] is True


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A simulated PyInstaller bundle: the executable in `stick/`, its data in `stick/_internal/`."""
    stick = tmp_path / "U盘 副本" / "gkdesk"
    bundle = stick / "_internal"
    (bundle / "forms").mkdir(parents=True)
    text = (ROOT / "forms" / EDITION_FILE).read_text(encoding="utf-8")
    # A recognisably different definition proves the loader reads the bundle's copy, not the source tree's.
    (bundle / "forms" / EDITION_FILE).write_text(text.replace('name = "国办公开办函', 'name = "随程序打包的国办公开办函'), encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "gkdesk"))
    return stick, bundle


def test_frozen_layout(frozen: tuple[Path, Path]) -> None:
    stick, bundle = frozen
    assert paths.bundle_dir() == bundle
    assert paths.resource_root() == bundle
    assert paths.program_dir() == stick
    assert loader.load_spec.__wrapped__("2021").name.startswith("随程序打包的")


def test_frozen_portable_marker_beside_the_executable(frozen: tuple[Path, Path]) -> None:
    stick, bundle = frozen
    assert not portable.is_portable()
    (bundle / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    assert not portable.is_portable()  # inside the bundle's data folder it does not count
    (stick / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    assert portable.data_location() == portable.DataLocation(stick / "gkdesk-data")


def test_frozen_qt_translations_are_looked_for_in_the_bundle(frozen: tuple[Path, Path]) -> None:
    from gkdesk.ui.translations import translation_folders

    _stick, bundle = frozen
    assert bundle / "PySide6" / "Qt" / "translations" in translation_folders()
