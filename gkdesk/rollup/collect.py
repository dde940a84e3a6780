"""Which files a roll-up reads: folders are walked, explicit files taken as given. No Qt.

Every path is untrusted: symbolic links are not followed, hidden and Office lock files are skipped,
and the walk is bounded so a huge or looping folder cannot hang the roll-up.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gkdesk.io.errors import os_error_reason
from gkdesk.rollup.result import Refusal
from gkdesk.template.gkt import SUFFIX as TEMPLATE_SUFFIX

MAX_FILES = 20000
MAX_DEPTH = 8


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)  # report files to read
    refused: list[Refusal] = field(default_factory=list)  # named explicitly but unusable
    templates: list[Path] = field(default_factory=list)  # .gkt files met on the way (never read as reports)


def _skipped_name(name: str) -> bool:
    return name.startswith((".", "~$"))


def _walk(folder: Path, suffixes: set[str], found: Collected, depth: int = 0) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        found.refused.append(Refusal(str(folder), f"无法读取文件夹：{os_error_reason(error)}"))
        return
    for entry in entries:
        if _skipped_name(entry.name) or entry.is_symlink():
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            if depth < MAX_DEPTH:
                _walk(path, suffixes, found, depth + 1)
        elif entry.is_file(follow_symlinks=False):
            suffix = path.suffix.lower()
            if suffix == TEMPLATE_SUFFIX:
                found.templates.append(path)
            elif suffix in suffixes:
                found.files.append(path)
        if len(found.files) > MAX_FILES:
            raise ValueError(f"文件过多（超过 {MAX_FILES} 个），请选择具体的文件夹")


def collect(sources: Iterable[Path | str], suffixes: Iterable[str], exclude: Iterable[Path | str] = ()) -> Collected:
    """Report files under `sources` (folders and files) whose suffix is in `suffixes`, each once."""
    wanted = {suffix.lower() for suffix in suffixes}
    found = Collected()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            _walk(path, wanted, found)
        elif not path.exists():
            found.refused.append(Refusal(str(path), "找不到文件"))
        elif path.suffix.lower() == TEMPLATE_SUFFIX:
            found.templates.append(path)
        elif path.suffix.lower() not in wanted:
            found.refused.append(Refusal(str(path), f"不支持的文件类型（支持 {'、'.join(sorted(wanted))}）"))
        else:
            found.files.append(path)
    skip = {_identity(Path(p)) for p in exclude}
    unique: dict[str, Path] = {}
    for path in found.files:
        unique.setdefault(_identity(path), path)
    found.files = [path for identity, path in unique.items() if identity not in skip]
    return found


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(os.path.abspath(path))
