"""Where gkdesk's own files are, however it runs: from the source tree, installed as a package, or bundled.

Every lookup of `forms/`, `resources/` (sample, fontconfig), Qt files beside a bundle and the portable marker's
folder goes through this module. No Qt.

- source tree: the folder holding main.py, gkdesk/, forms/ and resources/;
- installed package (wheel): forms/ and resources/ are package data in gkdesk/data/ (see setup.py);
- bundle (PyInstaller, `sys.frozen`): the data sits in `sys._MEIPASS`, the executable in the program folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED_DATA = "data"  # gkdesk/data/{forms,resources} in an installed package


def bundle_dir() -> Path | None:
    """The unpacked bundle's data folder when running as a frozen executable, else None."""
    if not getattr(sys, "frozen", False):
        return None
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else Path(sys.executable).resolve().parent


def source_root() -> Path | None:
    """The source tree holding this package, main.py and forms/, else None."""
    root = PACKAGE_DIR.parent
    return root if (root / "main.py").is_file() and (root / "forms").is_dir() else None


def resource_root() -> Path:
    """The folder that holds forms/ and resources/ in this layout."""
    return bundle_dir() or source_root() or PACKAGE_DIR / INSTALLED_DATA


def resource(*parts: str) -> Path:
    """A file or folder of gkdesk's own data, e.g. resource("forms", "annual-report-2021.toml")."""
    return resource_root().joinpath(*parts)


def program_dir() -> Path:
    """The folder the user starts gkdesk from: beside the executable, or beside main.py.

    A portable marker is looked for here. For an installed package (no program folder of its own) this is the
    package's parent folder, where no marker is ever found.
    """
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return PACKAGE_DIR.parent
