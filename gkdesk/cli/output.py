"""Checks and guards shared by the verbs that write files or print."""

from __future__ import annotations

from pathlib import Path


def wrong_suffix(path: str | None, suffixes: tuple[str, ...], what: str) -> str | None:
    """A Chinese message when `path` does not end with one of `suffixes` (checked before any work is done)."""
    if path is None or Path(path).suffix.lower() in suffixes:
        return None
    return f"{what}的文件名应以 {' 或 '.join(suffixes)} 结尾：{path}"
