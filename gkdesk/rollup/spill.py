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

RUN = 1000  # items sorted in memory at a time (a run's file keeps one read buffer while merging)


def _run(items: list[tuple[Any, Any]]) -> IO[str]:
    items.sort(key=lambda item: item[0])
    run: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by spill_sorted)
    for item in items:
        run.write(json.dumps(item, ensure_ascii=False) + "\n")
    run.seek(0)
    return run


def _read(run: IO[str]) -> Iterator[tuple[Any, Any]]:
    for line in run:
        key, value = json.loads(line)
        yield key, value


def spill_sorted(items: Iterable[tuple[Any, Any]], run_size: int = RUN) -> Iterator[Any]:
    """The values of (key, value) `items` in the order of their keys (stable), at most `run_size` of them in
    memory at once; the temporary files are removed when the iterator ends or is closed."""
    runs: list[IO[str]] = []
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
