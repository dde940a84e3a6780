"""Where gkdesk keeps settings and recovery files: the user's profile, or beside the program in portable mode.

gkdesk runs from a USB stick without installation and writes nothing beside itself unless a marker file
(`gkdesk-portable.ini` or `portable`) sits beside main.py; then data goes to `gkdesk-data/` there, so the
stick carries the settings from machine to machine. No Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "gkdesk"
MARKERS = ("gkdesk-portable.ini", "portable")
PORTABLE_FOLDER = "gkdesk-data"
PROGRAM_DIR = Path(__file__).resolve().parent.parent  # the folder holding main.py


def is_portable(program_dir: Path | None = None) -> bool:
    """True when a portable marker file sits beside the program."""
    program_dir = program_dir or PROGRAM_DIR
    return any((program_dir / marker).is_file() for marker in MARKERS)


def profile_data_dir(env: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """The per-user data folder of the platform (not created here)."""
    env = dict(os.environ) if env is None else env
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = env.get("APPDATA") or str(home / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    base = env.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(base) / APP_NAME


def data_dir(program_dir: Path | None = None, env: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """The folder for settings and recovery files (not created here; callers create it when they write)."""
    program_dir = program_dir or PROGRAM_DIR
    if is_portable(program_dir):
        return program_dir / PORTABLE_FOLDER
    return profile_data_dir(env, platform)


def settings_file(program_dir: Path | None = None) -> Path:
    """An INI file for QSettings(path, QSettings.IniFormat) — preferences only, never report data."""
    return data_dir(program_dir) / "settings.ini"


def recovery_dir(program_dir: Path | None = None) -> Path:
    """Where autosaved recovery copies go."""
    return data_dir(program_dir) / "recovery"
