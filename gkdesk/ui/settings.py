"""Preferences kept in QSettings: recent files, window geometry, splitter positions. Never report data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from gkdesk import portable

MAX_RECENT = 8
_scratch_file: Path | None = None


def use_scratch_settings(file: Path | None) -> None:
    """Keep preferences in `file` instead of the user's (None: the user's again). A run nobody watches (screenshots)
    starts from the defaults and leaves the user's panel sizes and recent files as they were."""
    global _scratch_file
    _scratch_file = file


def app_settings() -> QSettings:
    """The user's preferences: in the profile, or in an INI file beside the program in portable mode."""
    if _scratch_file is not None:
        return QSettings(str(_scratch_file), QSettings.Format.IniFormat)
    if portable.is_portable():
        return QSettings(str(portable.settings_file()), QSettings.Format.IniFormat)
    return QSettings()


class Preferences:
    def __init__(self) -> None:
        self.settings = app_settings()

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def add_recent(self, path: str) -> None:
        files = [path, *[p for p in self.recent_files() if p != path]][:MAX_RECENT]
        self.settings.setValue("recent_files", files)

    def remove_recent(self, path: str) -> None:
        self.settings.setValue("recent_files", [p for p in self.recent_files() if p != path])

    def last_folder(self) -> str:
        return str(self.settings.value("last_folder", ""))

    def set_last_folder(self, folder: str) -> None:
        self.settings.setValue("last_folder", folder)

    def restore_bytes(self, name: str) -> QByteArray | None:
        value = self.settings.value(name)
        return value if isinstance(value, QByteArray) else None

    def store_bytes(self, name: str, value: QByteArray) -> None:
        self.settings.setValue(name, value)
