"""Where gkdesk keeps settings and recovery files: the user's profile, or beside the program in portable mode.

gkdesk runs from a USB stick without installation and writes nothing beside itself unless a marker file
(`gkdesk-portable.ini` or `portable`) sits in the program folder (beside main.py or the bundled executable);
then data goes to `gkdesk-data/` there, so the stick carries the settings from machine to machine. When that
folder cannot be written (a write-protected stick, a read-only copy), data goes to the user's profile and
`data_location().notice` says so. No Qt.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from gkdesk import paths

APP_NAME = "gkdesk"
MARKERS = ("gkdesk-portable.ini", "portable")
PORTABLE_FOLDER = "gkdesk-data"


@dataclass(frozen=True)
class DataLocation:
    folder: Path
    notice: str | None = None  # why the data is not where the user asked for it, in Chinese


def is_portable(program_dir: Path | None = None) -> bool:
    """True when a portable marker file sits beside the program."""
    program_dir = program_dir or paths.program_dir()
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


def can_write(folder: Path) -> bool:
    """True when files can be created in `folder` (created if missing); tried for real, since a write-protected
    stick or a read-only copy may still report write permission."""
    import tempfile  # only here: every start imports this module, few need the test

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if it was just created and is empty
        return False


def data_location(
    program_dir: Path | None = None, env: dict[str, str] | None = None, platform: str = sys.platform
) -> DataLocation:
    """The folder for settings and recovery files (the portable folder is created here when it can be)."""
    program_dir = program_dir or paths.program_dir()
    if not is_portable(program_dir):
        return DataLocation(profile_data_dir(env, platform))
    portable_folder = program_dir / PORTABLE_FOLDER
    if can_write(portable_folder):
        return DataLocation(portable_folder)
    fallback = profile_data_dir(env, platform)
    return DataLocation(
        fallback,
        f"程序所在的文件夹“{program_dir}”不能写入（U盘可能处于写保护状态，或是只读副本），"
        f"设置和自动恢复文件改为保存在本机：{fallback}",
    )


def data_dir(program_dir: Path | None = None, env: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """The folder for settings and recovery files."""
    return data_location(program_dir, env, platform).folder


def cache_dir(program_dir: Path | None = None, env: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """Where gkdesk keeps what it can always rebuild (compiled modules): the user's cache folder, or
    `gkdesk-data/cache` beside the program in portable mode. Not created here."""
    program_dir = program_dir or paths.program_dir()
    if is_portable(program_dir):
        return program_dir / PORTABLE_FOLDER / "cache"
    env = dict(os.environ) if env is None else env
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        return Path(env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")) / APP_NAME / "cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / APP_NAME
    return Path(env.get("XDG_CACHE_HOME") or str(home / ".cache")) / APP_NAME


def writable_folder(folder: Path) -> Path | None:
    """`folder`, created if need be, when this process can write in it; None otherwise (a read-only stick). A
    cheap test, run at every start for the caches: where writing would fail anyway, they are not used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def use_bytecode_cache(program_dir: Path | None = None, env: dict[str, str] | None = None) -> Path | None:
    """Reuse compiled modules across starts without writing anything beside the program.

    Points `sys.pycache_prefix` at `cache_dir()/pycache` and allows writing there. Nothing is cached when
    the user asked for no bytecode (PYTHONDONTWRITEBYTECODE, -B), in a bundled program (it carries its
    compiled modules) or when the folder cannot be written (a read-only stick): then Python compiles in
    memory as before. Returns the folder in use, or None.
    """
    if sys.flags.dont_write_bytecode or getattr(sys, "frozen", False):
        return None
    folder = writable_folder(cache_dir(program_dir, env) / "pycache")
    if folder is None:
        return None
    sys.pycache_prefix = str(folder)
    sys.dont_write_bytecode = False
    return folder


def settings_file(program_dir: Path | None = None) -> Path:
    """An INI file for QSettings(path, QSettings.IniFormat) — preferences only, never report data."""
    return data_dir(program_dir) / "settings.ini"


def recovery_dir(program_dir: Path | None = None) -> Path:
    """Where autosaved recovery copies go."""
    return data_dir(program_dir) / "recovery"
