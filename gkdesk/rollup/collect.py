"""Which files a roll-up reads: folders are walked, explicit files taken as given. No Qt.

Every path is untrusted: symbolic links are followed only to report files inside the folder, hidden and
Office lock files are skipped, and the walk is bounded so a huge or looping folder cannot hang the roll-up.
What is not read (links elsewhere, special files, folders named like reports) is listed as refused.
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
    refused: list[Refusal] = field(default_factory=list)  # met but not read, each with its reason
    templates: list[Path] = field(default_factory=list)  # .gkt files met on the way (never read as reports)


def _skipped_name(name: str) -> bool:
    return name.startswith((".", "~$"))


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _walk(folder: Path, suffixes: set[str], found: Collected, root: str, depth: int = 0) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        found.refused.append(Refusal(str(folder), f"无法读取文件夹：{os_error_reason(error)}"))
        return
    for entry in entries:
        if _skipped_name(entry.name):
            continue
        path = Path(entry.path)
        suffix = path.suffix.lower()
        if entry.is_symlink():
            _take_link(path, suffixes, found, root)
        elif entry.is_dir(follow_symlinks=False):
            if suffix in suffixes or suffix == TEMPLATE_SUFFIX:
                found.refused.append(Refusal(str(path), f"是文件夹（名称以 {suffix} 结尾），不是报告文件，未读取"))
            elif depth < MAX_DEPTH:
                _walk(path, suffixes, found, root, depth + 1)
            else:
                found.refused.append(Refusal(str(path), f"文件夹层次过深（超过 {MAX_DEPTH} 层），未读取"))
        elif suffix in suffixes or suffix == TEMPLATE_SUFFIX:
            if not entry.is_file(follow_symlinks=False):
                found.refused.append(Refusal(str(path), "不是普通文件（管道、设备或套接字），未读取"))
            elif suffix == TEMPLATE_SUFFIX:
                found.templates.append(path)
            else:
                found.files.append(path)
        if len(found.files) > MAX_FILES:
            raise ValueError(f"文件过多（超过 {MAX_FILES} 个），请选择具体的文件夹")


def _take_link(path: Path, suffixes: set[str], found: Collected, root: str) -> None:
    """A symbolic link met in a folder: read when it leads to a report file inside the folder, else refused."""
    try:
        target = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        found.refused.append(Refusal(str(path), "链接无法解析（目标不存在或链接循环），未读取"))
        return
    if not _inside(str(target), root):
        found.refused.append(Refusal(str(path), "链接指向汇总文件夹以外的位置，未读取"))
    elif target.is_dir():
        found.refused.append(Refusal(str(path), "链接指向文件夹，未进入（请直接选择该文件夹）"))
    elif not target.is_file():
        found.refused.append(Refusal(str(path), "链接指向的不是普通文件，未读取"))
    elif target.suffix.lower() in suffixes:
        found.files.append(path)  # read once: the same file reached directly counts once (see _identity)
    elif path.suffix.lower() in suffixes:
        found.refused.append(Refusal(str(path), f"链接指向的文件不是报告文件（{target.suffix or '无扩展名'}）"))


def collect(sources: Iterable[Path | str], suffixes: Iterable[str], exclude: Iterable[Path | str] = ()) -> Collected:
    """Report files under `sources` (folders and files) whose suffix is in `suffixes`, each once.

    Every path met that is not read is listed in `refused` with its reason.
    """
    wanted = {suffix.lower() for suffix in suffixes}
    found = Collected()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            _walk(path, wanted, found, os.path.realpath(path))
        elif not os.path.lexists(path):
            found.refused.append(Refusal(str(path), "找不到文件或文件夹"))
        elif not path.exists():
            found.refused.append(Refusal(str(path), "链接无法解析（目标不存在或链接循环）"))
        elif not path.is_file():
            found.refused.append(Refusal(str(path), "不是普通文件（管道、设备或套接字）"))
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


def output_conflict(
    sources: Iterable[Path | str], suffixes: Iterable[str], workbook: str | None, county: str | None
) -> str:
    """Why a roll-up must not write its outputs, empty when it may: an output that is also an input. A named
    source is never overwritten; in a folder, an earlier roll-up workbook may be (it is not read as a return),
    a unit's returned report may not."""
    sources = list(sources)
    named = {_identity(Path(source)) for source in sources}
    read = {_identity(path) for path in collect(sources, suffixes).files} | named
    if workbook:
        identity = _identity(Path(workbook))
        if identity in named or (identity in read and not _earlier_rollup(Path(workbook))):
            return f"汇总表 {workbook} 同时是要汇总的文件，会被覆盖；请另选保存位置"
    if county and _identity(Path(county)) in read:
        return f"本级报告 {county} 同时是要汇总的报告文件，会覆盖该单位的报告；请另选保存位置"
    return ""


def _earlier_rollup(path: Path) -> bool:
    from gkdesk.rollup.export import is_rollup_workbook  # openpyxl-free check of the workbook's properties

    return is_rollup_workbook(path)


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except OSError:
        return os.path.normcase(os.path.abspath(path))
