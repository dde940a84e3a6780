"""Portable mode: data beside the program only when a marker file says so."""

from __future__ import annotations

from pathlib import Path

from gkdesk.portable import data_dir, is_portable, profile_data_dir


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
