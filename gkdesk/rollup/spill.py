"""Sorting more items than should be held in memory: sorted runs in temporary files, merged back. No Qt.

A province's roll-up orders ten thousand rows; holding them all would make memory grow with the number of
units. Items and keys are JSON values (a key compares as the list JSON gives back, never a tuple).
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

RUN = 1000  # items sorted in memory at a time
BUFFER = 4096  # bytes: each run's file keeps one read buffer while the runs are merged


def _run(items: list[tuple[Any, Any]]) -> IO[bytes]:
    items.sort(key=lambda item: item[0])
    run: IO[bytes] = tempfile.TemporaryFile(buffering=BUFFER)  # noqa: SIM115 (closed by spill_sorted)
    for item in items:
        run.write(json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
    run.seek(0)
    return run


def _read(run: IO[bytes]) -> Iterator[tuple[Any, Any]]:
    for line in run:
        key, value = json.loads(line.decode("utf-8", "surrogatepass"))
        yield key, value


def spill_sorted(items: Iterable[tuple[Any, Any]], run_size: int | None = None) -> Iterator[Any]:
    """The values of (key, value) `items` in the order of their keys (stable), at most `run_size` (RUN) of them
    in memory at once; the temporary files are removed when the iterator ends or is closed."""
    run_size = run_size or RUN
    runs: list[IO[bytes]] = []
    try:
        pending: list[tuple[Any, Any]] = []
        for key, value in items:
            pending.append(json.loads(json.dumps([key, value], ensure_ascii=False)))
            if len(pending) >= run_size:
                runs.append(_run(pending))
                pending = []
        if pending:
            runs.append(_run(pending))
        for _key, value in heapq.merge(*(_read(run) for run in runs), key=lambda item: item[0]):
            yield value
    finally:
        for run in runs:
            run.close()
