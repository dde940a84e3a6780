"""Which files a roll-up reads: folders are walked, explicit files taken as given. No Qt.

Every path is untrusted: symbolic links are followed only to report files inside the folder, hidden and
Office lock files are skipped, and the walk is bounded so a huge or looping folder cannot hang the roll-up.
What is not read (links elsewhere, special files, folders named like reports) is listed as refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gkdesk.io.errors import os_error_reason
from gkdesk.rollup.result import Refusal
from gkdesk.rollup.spill import spill_sorted
from gkdesk.rollup.spool import Spool
from gkdesk.template.gkt import SUFFIX as TEMPLATE_SUFFIX

MAX_FILES = 20000
MAX_DEPTH = 8


@dataclass
class Collected:
    """What walking the sources met besides the reports to read."""

    refused: list[Refusal] = field(default_factory=list)  # met but not read, each with its reason
    templates: list[Path] = field(default_factory=list)  # .gkt files met on the way (never read as reports)


def _skipped_name(name: str) -> bool:
    return name.startswith((".", "~$"))


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _suffix(path: str, lower: bool = True) -> str:
    """The file's suffix as pathlib gives it (none for "a." or ".gkr"), lower case unless asked."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    return suffix.lower() if lower else suffix


def _listing(folder: str) -> Spool:
    """The folder's entries sorted by name, each [name, is link, is folder, is file] (as the listing says,
    links not followed), in a temporary file: a province's folder holds ten thousand returns."""
    listing = Spool()
    try:
        with os.scandir(folder) as scan:
            entries = ((entry.name, _kind(entry)) for entry in scan)
            for item in spill_sorted(entries):
                listing.add_value(item)
    except BaseException:
        listing.close()
        raise
    return listing


def _kind(entry: os.DirEntry[str]) -> list[Any]:
    return [entry.name, entry.is_symlink(), entry.is_dir(follow_symlinks=False), entry.is_file(follow_symlinks=False)]


def _walk(folder: str, suffixes: set[str], found: Collected, root: str, depth: int = 0) -> Iterator[str]:
    """Report files under `folder`, as paths (strings: a province's folder holds thousands of them)."""
    try:
        listing = _listing(folder)
    except OSError as error:
        found.refused.append(Refusal(folder, f"无法读取文件夹：{os_error_reason(error)}"))
        return
    try:
        for _, (name, link, is_dir, is_file) in listing.records():
            if not _skipped_name(name):
                yield from _entry(os.path.join(folder, name), (link, is_dir, is_file), suffixes, found, root, depth)
    finally:
        listing.close()


def _entry(path: str, kind: tuple[bool, bool, bool], suffixes: set[str], found: Collected, root: str, depth: int) -> Iterator[str]:
    link, is_dir, is_file = kind
    suffix = _suffix(path)
    if link:
        yield from _take_link(path, suffixes, found, root)
    elif is_dir:
        if suffix in suffixes or suffix == TEMPLATE_SUFFIX:
            found.refused.append(Refusal(path, f"是文件夹（名称以 {suffix} 结尾），不是报告文件，未读取"))
        elif depth < MAX_DEPTH:
            yield from _walk(path, suffixes, found, root, depth + 1)
        else:
            found.refused.append(Refusal(path, f"文件夹层次过深（超过 {MAX_DEPTH} 层），未读取"))
    elif suffix in suffixes or suffix == TEMPLATE_SUFFIX:
        if not is_file:
            found.refused.append(Refusal(path, "不是普通文件（管道、设备或套接字），未读取"))
        elif suffix == TEMPLATE_SUFFIX:
            found.templates.append(Path(path))
        else:
            yield path


def _take_link(path: str, suffixes: set[str], found: Collected, root: str) -> Iterator[str]:
    """A symbolic link met in a folder: read when it leads to a report file inside the folder, else refused."""
    try:
        target = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError):
        found.refused.append(Refusal(path, "链接无法解析（目标不存在或链接循环），未读取"))
        return
    if not _inside(target, root):
        found.refused.append(Refusal(path, "链接指向汇总文件夹以外的位置，未读取"))
    elif os.path.isdir(target):
        found.refused.append(Refusal(path, "链接指向文件夹，未进入（请直接选择该文件夹）"))
    elif not os.path.isfile(target):
        found.refused.append(Refusal(path, "链接指向的不是普通文件，未读取"))
    elif _suffix(target) in suffixes:
        yield path  # read once: the same file reached directly counts once (see _identity)
    elif _suffix(path) in suffixes:
        found.refused.append(Refusal(path, f"链接指向的文件不是报告文件（{_suffix(target, lower=False) or '无扩展名'}）"))


def _met(sources: Iterable[Path | str], wanted: set[str], found: Collected) -> Iterator[str]:
    """Every report file under `sources` as met (a file reached twice, twice); what is not read goes to
    `found.refused`, templates to `found.templates`. Bounded: more than MAX_FILES raises ValueError."""
    count = 0
    for source in sources:
        path = os.fspath(Path(source))  # written as pathlib writes it: the files' names are joined to it
        suffix = _suffix(path)
        walking = os.path.isdir(path)
        if walking:
            met: Iterable[str] = _walk(path, wanted, found, os.path.realpath(path))
        elif not os.path.lexists(path):
            found.refused.append(Refusal(path, "找不到文件或文件夹"))
            continue
        elif not os.path.exists(path):
            found.refused.append(Refusal(path, "链接无法解析（目标不存在或链接循环）"))
            continue
        elif not os.path.isfile(path):
            found.refused.append(Refusal(path, "不是普通文件（管道、设备或套接字）"))
            continue
        elif suffix == TEMPLATE_SUFFIX:
            found.templates.append(Path(path))
            continue
        elif suffix not in wanted:
            found.refused.append(Refusal(path, f"不支持的文件类型（支持 {'、'.join(sorted(wanted))}）"))
            continue
        else:
            met = [path]
        for file in met:
            count += 1
            if walking and count > MAX_FILES:
                raise ValueError(f"文件过多（超过 {MAX_FILES} 个），请选择具体的文件夹")
            yield file


def _modified(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


@dataclass
class Found:
    """What a roll-up reads, the files kept in a temporary file in reading order (see collect)."""

    files: Spool
    refused: list[Refusal]
    templates: list[Path]

    def paths(self) -> Iterator[str]:
        return (path for _, path in self.files.records())

    def close(self) -> None:
        self.files.close()


def collect(sources: Iterable[Path | str], suffixes: Iterable[str], exclude: Iterable[Path | str] = ()) -> Found:
    """Report files under `sources` (folders and files) whose suffix is in `suffixes`, each once, most recently
    modified first (then by path), held in a temporary file rather than in memory however many there are. Every
    path met that is not read is in `refused` with its reason. Close the result."""
    wanted = {suffix.lower() for suffix in suffixes}
    found = Collected()
    skip = {_identity(p) for p in exclude}
    files = Spool()
    try:
        for path in spill_sorted(_first_of_each(spill_sorted(_by_identity(_met(sources, wanted, found))), skip)):
            files.add_value(path)
    except BaseException:
        files.close()
        raise
    return Found(files, found.refused, found.templates)


def _by_identity(paths: Iterable[str]) -> Iterator[tuple[list[Any], list[str]]]:
    """Each path keyed by the file it names, then by the order met."""
    for number, path in enumerate(paths):
        identity = _identity(path)
        yield [identity, number], [identity, path]


def _first_of_each(paths: Iterator[list[str]], skip: set[str]) -> Iterator[tuple[list[Any], str]]:
    """From [identity, path] ordered by identity (then as met), the first path of each file not skipped, keyed by
    reading order: the most recently modified first, then by path."""
    last = None
    for identity, path in paths:
        if identity != last and identity not in skip:
            yield [-_modified(path), path], path
        last = identity


def output_conflict(
    sources: Iterable[Path | str], suffixes: Iterable[str], workbook: str | None, county: str | None
) -> str:
    """Why a roll-up must not write its outputs, empty when it may: an output that is also an input. A named
    source is never overwritten; in a folder, an earlier roll-up workbook may be (it is not read as a return),
    a unit's returned report may not."""
    sources = list(sources)
    named = {_identity(source) for source in sources}
    outputs = {_identity(output) for output in (workbook, county) if output}
    wanted = {suffix.lower() for suffix in suffixes}
    read = {identity for identity in map(_identity, _met(sources, wanted, Collected())) if identity in outputs} | named
    if workbook:
        identity = _identity(workbook)
        if identity in named or (identity in read and not _earlier_rollup(Path(workbook))):
            return f"汇总表 {workbook} 同时是要汇总的文件，会被覆盖；请另选保存位置"
    if county and _identity(county) in read:
        return f"本级报告 {county} 同时是要汇总的报告文件，会覆盖该单位的报告；请另选保存位置"
    return ""


def _earlier_rollup(path: Path) -> bool:
    from gkdesk.rollup.export import is_rollup_workbook  # openpyxl-free check of the workbook's properties

    return is_rollup_workbook(path)


def _identity(path: Path | str) -> str:
    try:
        return os.path.normcase(os.path.realpath(path))
    except OSError:
        return os.path.normcase(os.path.abspath(path))
