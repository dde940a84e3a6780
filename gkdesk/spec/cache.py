"""Loaded definitions kept between runs, so a start does not parse and validate the same TOML again.

A definition is loaded from its file the first time (gkdesk.spec.loader), then kept as a pickle in the cache
folder the program names at start (main.py; none in tests or when the folder cannot be written). The file's
name holds a digest of the definition's text and of the code that loads it (the .py files of gkdesk/spec and
gkdesk/checks, or the bundled program itself), so an edited definition or another version of gkdesk never reads
a stale one. The folder may sit on a USB stick: the pickle is read by an unpickler that builds only the classes
defined in gkdesk.spec and refuses anything else (nothing in it can run code), a file larger than any definition
is not read, and a damaged, foreign or unreadable file is loaded afresh. A well-formed definition placed there
under the right name is taken as it is, as the folder's settings are: whoever can write the folder can write the
program beside it (portable) or is the user.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gkdesk import __version__
from gkdesk.portable import writable_folder
from gkdesk.spec.types import FormatSpec

_folder: Path | None = None
_GKDESK = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("spec", "checks", "checks/kinds")  # what decides a loaded definition: loader, types, check kinds
SPEC_MODULES = "gkdesk.spec."
MAX_BYTES = 4 * 1024 * 1024  # a definition pickles to some 60 KB


def use_definition_cache(folder: Path | None) -> None:
    """Keep loaded definitions in `folder` (created now); None, or a folder that cannot be written (a read-only
    stick): load every time."""
    global _folder
    _folder = None if folder is None else writable_folder(folder)


def definitions_kept() -> bool:
    """Whether loaded definitions are kept between runs (loading one is then cheap)."""
    return _folder is not None


def cached_spec(text: str, name: str, load: Callable[[str], FormatSpec]) -> FormatSpec:
    """The definition `text` (of the file `name`) as `load` makes it, from the cache when it holds it."""
    if _folder is None:
        return load(text)
    file = _folder / f"{Path(name).stem}-{_digest(text)}.pickle"
    known = _read(file)
    if known is not None:
        return known
    spec = load(text)
    _write(file, spec)
    return spec


def _digest(text: str) -> str:
    digest = hashlib.sha256()
    for part in (__version__, sys.version, text, *_code_stamps()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:40]


@cache
def _code_stamps() -> tuple[str, ...]:
    """Size and time of every module that loads a definition; of the program itself when it is bundled."""
    if getattr(sys, "frozen", False):
        executable = Path(sys.executable).stat()
        return (f"{sys.executable}:{executable.st_size}:{executable.st_mtime_ns}",)
    stamps = []
    for folder in CODE_FOLDERS:
        for entry in sorted(os.scandir(_GKDESK / folder), key=lambda entry: entry.name):
            if entry.name.endswith(".py"):
                stat = entry.stat()
                stamps.append(f"{folder}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return tuple(stamps)


def _proxy(items: dict[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(items)


def _reduce_proxy(proxy: Mapping[Any, Any]) -> tuple[Callable[..., Any], tuple[dict[Any, Any]]]:
    return _proxy, (dict(proxy),)


class _DefinitionUnpickler(pickle.Unpickler):
    """Builds the definition's own classes (gkdesk.spec.*) and the read-only mapping; nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_proxy":
            return _proxy
        if module.startswith(SPEC_MODULES) and module in sys.modules:
            found = getattr(sys.modules[module], name, None)
            if isinstance(found, type) and found.__module__ == module:  # defined there, not merely imported
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a format definition")


def _read(file: Path) -> FormatSpec | None:
    try:
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_BYTES:
        return None
    try:
        spec = _DefinitionUnpickler(io.BytesIO(data)).load()
    except Exception:  # a damaged or foreign file, whatever it holds, is only a missed cache
        return None
    return spec if isinstance(spec, FormatSpec) else None


def _write(file: Path, spec: FormatSpec) -> None:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}
    try:
        pickler.dump(spec)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a definition holding something that does not keep: loaded afresh each time
    temporary: Path | None = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=file.parent, prefix=f"{file.name}.", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(buffer.getvalue())
        os.replace(temporary, file)  # another gkdesk (or thread) loading at the same moment reads a whole file
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return
    for older in file.parent.glob(f"{file.name.rsplit('-', 1)[0]}-*.pickle"):  # what other versions left
        if older != file:
            with contextlib.suppress(OSError):
                older.unlink()
