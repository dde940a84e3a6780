"""Portable mode: data beside the program only when a marker file says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gkdesk.portable import data_dir, data_location, is_portable, profile_data_dir


def test_profile_by_default(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home")}
    assert not is_portable(tmp_path)
    assert data_dir(tmp_path, env, "linux") == tmp_path / "home" / ".local" / "share" / "gkdesk"
    assert profile_data_dir({"APPDATA": "C:/Users/x/AppData/Roaming"}, "win32") == Path("C:/Users/x/AppData/Roaming/gkdesk")
    assert profile_data_dir({"HOME": "/Users/x"}, "darwin") == Path("/Users/x/Library/Application Support/gkdesk")
    assert profile_data_dir({"HOME": "/h", "XDG_DATA_HOME": "/xdg"}, "linux") == Path("/xdg/gkdesk")


def test_marker_keeps_data_beside_the_program(tmp_path: Path) -> None:
    (tmp_path / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    assert is_portable(tmp_path)
    assert data_dir(tmp_path, {"HOME": "/h"}, "linux") == tmp_path / "gkdesk-data"


def test_a_folder_named_like_the_marker_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "portable").mkdir()
    assert not is_portable(tmp_path)


def test_nothing_is_created(tmp_path: Path) -> None:
    data_dir(tmp_path, {"HOME": str(tmp_path)}, "linux")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_stick_falls_back_to_the_profile_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    (tmp_path / "gkdesk-data").write_text("", encoding="utf-8")  # the data folder cannot be made
    location = data_location(tmp_path, {"HOME": str(tmp_path / "home")}, "linux")
    assert location.folder == tmp_path / "home" / ".local" / "share" / "gkdesk"
    assert location.notice is not None
    assert str(tmp_path) in location.notice and str(location.folder) in location.notice and "写保护" in location.notice


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_stick_falls_back(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    stick.chmod(0o555)
    try:
        location = data_location(stick, {"HOME": str(tmp_path / "home")}, "linux")
    finally:
        stick.chmod(0o755)
    assert location.notice is not None
    assert not (stick / "gkdesk-data").exists()


def test_writable_stick_gets_its_data_folder(tmp_path: Path) -> None:
    (tmp_path / "gkdesk-portable.ini").write_text("", encoding="utf-8")
    location = data_location(tmp_path, {"HOME": "/h"}, "linux")
    assert location.folder == tmp_path / "gkdesk-data" and location.notice is None
    assert [p.name for p in location.folder.iterdir()] == []  # the write probe leaves nothing behind
