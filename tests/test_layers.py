"""Layers: the core never loads PySide6, and the import contracts of pyproject.toml hold."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import gkdesk
from tests.conftest import ROOT

CORE_PACKAGES = ("spec", "model", "checks", "io", "cli", "review", "template", "rollup")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(gkdesk.__path__, "gkdesk."):
        top = info.name.split(".")[1]
        if top in CORE_PACKAGES:
            names.append(info.name)
    return names


def test_core_does_not_import_qt() -> None:
    modules = core_modules()
    assert "gkdesk.checks.engine" in modules
    code = "import sys\n" + "".join(f"import {name}\n" for name in modules) + "print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_import_contracts_hold() -> None:
    """The layer contracts of pyproject.toml (spec ← model ← checks ← io ← review/template ← rollup ← ui ← cli)."""
    code = (
        "import sys\nfrom importlinter import cli\n"
        "sys.exit(cli.lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_io_is_organised_by_file_type() -> None:
    """gkdesk/io keeps at most ten top-level modules; the rest lives in one package per file type or concern."""
    io_dir = ROOT / "gkdesk" / "io"
    modules = sorted(path.name for path in io_dir.glob("*.py"))
    assert len(modules) <= 10, modules
    assert {"docx", "xlsx", "gkr", "html", "foreign", "files", "own"} <= {p.name for p in io_dir.iterdir() if p.is_dir()}
