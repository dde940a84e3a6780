"""Lines of JSON kept in a temporary file, so a roll-up of any size holds none of them in memory. No Qt.

The roll-up keeps its per-unit lines here (each unit's values and findings — gkdesk/rollup/record.py —, the
arrivals, the completeness table's rows, the files to read) and only where each line starts.
"""

from __future__ import annotations

import json
import tempfile
from array import array
from collections.abc import Iterator
from typing import IO, Any


class Spool:
    """Lines of JSON appended to a temporary file and read back one at a time (by index or in order).

    Only the lines' offsets stay in memory (8 bytes each); the file is removed when closed.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the result)
        self._offsets = array("q")
        self._end = 0

    @property
    def count(self) -> int:
        return len(self._offsets)

    def add(self, line: str) -> int:
        """Store one line of JSON (a unit's record, or any json.dumps text); returns its index."""
        data = line.encode("utf-8", "surrogatepass") + b"\n"
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        return len(self._offsets) - 1

    def add_value(self, value: Any) -> int:
        return self.add(json.dumps(value, ensure_ascii=False))

    def records(self) -> Iterator[tuple[int, Any]]:
        """(index, the stored value) in the order stored."""
        for index in range(len(self._offsets)):
            yield index, self.record(index)

    def record(self, index: int) -> Any:
        """The value stored at `index` (read back from the file)."""
        self._file.seek(self._offsets[index])
        return json.loads(self._file.readline().decode("utf-8", "surrogatepass"))

    def close(self) -> None:
        self._file.close()
