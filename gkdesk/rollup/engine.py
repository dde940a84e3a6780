"""The roll-up: read every returned report one at a time, check it, add it to the county totals. No Qt.

Memory stays flat: a report is dropped as soon as its line (its group, unit, file and counts) and its values
and findings are written to temporary files; the completeness table is ordered, the double returns found and
the totals added up from those files (sorted through temporary files too), so no unit's row is held.
Files are untrusted: whatever goes wrong reading one refuses that file only.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from gkdesk.io.errors import ReadingCancelled
from gkdesk.io.open import READERS
from gkdesk.rollup.collect import collect
from gkdesk.rollup.order import natural_key
from gkdesk.rollup.record import decode_value
from gkdesk.rollup.result import DUPLICATE, MISSING, RETURNED, UNLISTED, Refusal, RollupResult, UnitRow
from gkdesk.rollup.rows import RowStore
from gkdesk.rollup.spill import spill_sorted
from gkdesk.rollup.spool import Spool
from gkdesk.rollup.totals import Totals, check_totals
from gkdesk.rollup.unit import LoadedUnit, load_unit
from gkdesk.spec import edition_for_year, load_spec
from gkdesk.template.model import Template, Unit, unit_key

# progress(done, total, current file) → False to cancel.
Progress = Callable[[int, int, Path | None], bool]


class RollupCancelled(Exception):
    """The person pressed 取消."""


class Arrival(NamedTuple):
    """What the roll-up notes of each accepted return while reading: a line of the arrivals spool (kept, and
    sorted through temporary files, as the JSON list of these fields)."""

    year: int
    edition: str
    organ: str  # the unit's name: the list's, where listed
    listed: int | None  # its position in the template's list
    file: str
    errors: int
    warnings: int
    acknowledged: int
    open_comments: int
    spool_index: int  # its record (values and findings) in the spool


def _natural(name: str) -> list[Any]:
    """natural_key as JSON gives it back (lists), for keys sorted through temporary files."""
    return [list(part) for part in natural_key(name)]


class _Rollup:
    """Reads returns one at a time into temporary files (spool: values and findings; arrivals: one line per
    return); finish() orders them, finds double returns and adds up the totals, holding no row in memory."""

    def __init__(self, template: Template | None, year: int | None, edition: str | None) -> None:
        self.year = template.year if template else year
        self.edition = template.edition if template else edition
        self.units: tuple[Unit, ...] = tuple(template.units) if template else ()
        self.listed: dict[str, int] = {}  # unit key → position of the first listed unit of that name
        for position, unit in enumerate(self.units):
            self.listed.setdefault(unit_key(unit.name), position)
        self.groups: dict[tuple[int, str], int] = {}  # (year, edition) → returns accepted, in order met
        self.refused: list[Refusal] = []
        self.spool = Spool()
        self.arrivals = Spool()

    def add(self, path: str, loaded: LoadedUnit | str) -> None:
        if isinstance(loaded, str):
            self.refused.append(Refusal(path, loaded))
            return
        reason = self._refusal(loaded)
        if reason:
            self.refused.append(Refusal(path, reason))
            return
        assert loaded.year is not None
        group = (loaded.year, loaded.edition)
        self.groups[group] = self.groups.get(group, 0) + 1
        listed = self.listed.get(unit_key(loaded.organ)) if self.units else None
        organ = self.units[listed].name if listed is not None else loaded.organ
        index = self.spool.add(loaded.record)
        counts = (loaded.errors, loaded.warnings, loaded.acknowledged, loaded.open_comments)
        self.arrivals.add_value(Arrival(loaded.year, loaded.edition, organ, listed, path, *counts, index))

    def close(self) -> None:
        self.spool.close()
        self.arrivals.close()

    def _refusal(self, loaded: LoadedUnit) -> str:
        if loaded.year is None:
            return "报告未填写年度"
        if self.year is not None and loaded.year != self.year:
            return f"年度不符：本文件为 {loaded.year} 年度，汇总的是 {self.year} 年度"
        if self.edition is not None and loaded.edition != self.edition:
            return f"报告格式版本不符：本文件为 {loaded.edition_name} 格式，汇总使用 {_edition_name(self.edition)} 格式"
        if not loaded.organ:
            return "报告未填写机关名称，无法确定报送单位"
        return ""

    def finish(self, template_files: list[str], files_found: int) -> RollupResult:
        sizes = self._unit_counts()
        chosen = self._chosen_group(sizes)
        year, edition = chosen if chosen is not None else (self.year, self.edition)
        for group in self.groups:
            if group != chosen:
                reason = self._minority_reason(*group, chosen, sizes)
                self.refused += [Refusal(line.file, reason) for line in self._arrived() if (line.year, line.edition) == group]
        totals = Totals(chosen[1]) if chosen is not None else None
        rows = RowStore(self.units)
        try:
            self._fill(rows, chosen, totals)
        except BaseException:
            rows.close()
            raise
        self.arrivals.close()
        total_findings = check_totals(totals.report(year)) if totals is not None else []
        result = RollupResult(year, edition, rows, self.refused, totals, total_findings, self.spool, template_files)
        result.files_found = files_found
        result.choice_note = self._choice_note(chosen, sizes)
        return result

    def _arrived(self) -> Iterator[Arrival]:
        return (Arrival(*line) for _, line in self.arrivals.records())

    def _by_unit(self) -> Iterator[Arrival]:
        """The arrivals ordered by group, then unit, then as read (the most recently modified file first)."""
        keyed = (([line.year, line.edition, unit_key(line.organ), line.spool_index], line) for line in self._arrived())
        return (Arrival(*line) for line in spill_sorted(keyed))

    def _unit_counts(self) -> Counter[tuple[int, str]]:
        """Units returned per (year, edition), each unit once however often it returned."""
        sizes: Counter[tuple[int, str]] = Counter()
        last = None
        for line in self._by_unit():
            current = (line.year, line.edition, unit_key(line.organ))
            if current != last:
                sizes[current[:2]] += 1
                last = current
        return sizes

    def _fill(self, rows: RowStore, chosen: tuple[int, str] | None, totals: Totals | None) -> None:
        """The completeness table in order: each unit's returns (the one counted first), the listed units still
        missing in their place; the counted returns added to `totals`."""
        missing = iter(enumerate(self.units))
        upcoming = next(missing, None)
        for fields, status, note, position in spill_sorted(self._counted_and_duplicates(chosen, totals)):
            line = Arrival(*fields)
            while upcoming is not None and upcoming[0] < position:
                rows.append(UnitRow(upcoming[1].name, MISSING, unit=upcoming[1]))
                upcoming = next(missing, None)
            if upcoming is not None and upcoming[0] == position:
                upcoming = next(missing, None)
            listed = self.units[line.listed] if line.listed is not None else None
            counts = line.errors, line.warnings, line.acknowledged, line.open_comments
            rows.append(UnitRow(line.organ, status, line.file, listed, *counts, note=note, spool_index=line.spool_index))
        while upcoming is not None:
            rows.append(UnitRow(upcoming[1].name, MISSING, unit=upcoming[1]))
            upcoming = next(missing, None)

    def _counted_and_duplicates(
        self, chosen: tuple[int, str] | None, totals: Totals | None
    ) -> Iterator[tuple[list[Any], list[Any]]]:
        """(order key, [arrival, status, note, template position]) of the chosen group's returns, one unit at a
        time: the first read (the most recently modified) is counted, the others are double returns."""
        if chosen is None or totals is None:
            return
        returns: list[Arrival] = []
        for line in self._by_unit():
            if (line.year, line.edition) != chosen:
                continue
            if returns and unit_key(returns[0].organ) != unit_key(line.organ):
                yield from self._one_unit(returns, totals)
                returns = []
            returns.append(line)
        if returns:
            yield from self._one_unit(returns, totals)

    def _one_unit(self, returns: list[Arrival], totals: Totals) -> Iterator[tuple[list[Any], list[Any]]]:
        first, *others = returns
        listed = first.listed is not None or not self.units
        record = self.spool.record(first.spool_index)
        totals.add_values({key: decode_value(raw) for key, raw in record["values"].items()})
        notes = [] if listed else ["不在模板的单位名单中，已计入合计"]
        notes += [f"另有重复报送：{os.path.basename(other.file)}" for other in others]
        key = self._order(first, False, first.spool_index)
        yield key, [first, RETURNED if listed else UNLISTED, "；".join(notes), key[0]]
        note = f"重复报送：以 {os.path.basename(first.file)} 为准，本文件未计入合计"
        for other in others:
            key = self._order(other, True, first.spool_index)
            yield key, [other, DUPLICATE, note, key[0]]

    def _order(self, line: Arrival, duplicate: bool, first_read: int) -> list[Any]:
        """Where a row goes: listed units in the template's order, then the others in natural order (第2镇 before
        第10镇), a unit's counted return before its double returns. The key starts with the template position."""
        if line.listed is not None:
            return [line.listed, [], 0, duplicate, line.spool_index]
        if self.units:
            return [len(self.units), _natural(line.organ), first_read, duplicate, line.spool_index]
        return [len(self.units), _natural(line.organ), duplicate, line.file, line.spool_index]

    def _year_sizes(self, sizes: Counter[tuple[int, str]]) -> Counter[int]:
        """Units counted per year (all editions of the year together)."""
        years: Counter[int] = Counter()
        for (year, _), count in sizes.items():
            years[year] += count
        return years

    def _edition_sizes(self, year: int, sizes: Counter[tuple[int, str]]) -> Counter[str]:
        return Counter({edition: count for (y, edition), count in sizes.items() if y == year})

    def _chosen_group(self, sizes: Counter[tuple[int, str]]) -> tuple[int, str] | None:
        """The (year, edition) rolled up: fixed by a template or option, otherwise the year most units returned
        for (on a tie the newer year), and in it the edition most returned (on a tie the year's own format)."""
        if not sizes:
            return None
        years = self._year_sizes(sizes)
        year = max(years, key=lambda y: (years[y], y))
        editions = self._edition_sizes(year, sizes)
        edition = max(editions, key=lambda e: (editions[e], e == edition_for_year(year)))
        return year, edition

    def _year_tied(self, chosen: tuple[int, str], sizes: Counter[tuple[int, str]]) -> bool:
        years = self._year_sizes(sizes)
        return sum(1 for n in years.values() if n == years[chosen[0]]) > 1

    def _edition_tied(self, chosen: tuple[int, str], sizes: Counter[tuple[int, str]]) -> bool:
        editions = self._edition_sizes(chosen[0], sizes)
        return sum(1 for n in editions.values() if n == editions[chosen[1]]) > 1

    def _minority_reason(self, year: int, edition: str, chosen: tuple[int, str] | None, sizes: Counter[tuple[int, str]]) -> str:
        if chosen is None:  # pragma: no cover - a group exists whenever a row does
            return "未计入合计"
        if year != chosen[0]:
            if self._year_tied(chosen, sizes):
                return (
                    f"年度不符：本文件为 {year} 年度；各年度的报告数相同，汇总的是较新的 {chosen[0]} 年度"
                )
            return f"年度不符：本文件为 {year} 年度，多数报告为 {chosen[0]} 年度"
        if self._edition_tied(chosen, sizes):
            return (
                f"报告格式版本不符：本文件为 {_edition_name(edition)} 格式；两种格式的报告数相同，"
                f"汇总使用 {chosen[0]} 年度规定的 {_edition_name(chosen[1])} 格式"
            )
        return f"报告格式版本不符：本文件为 {_edition_name(edition)} 格式，多数报告为 {_edition_name(chosen[1])} 格式"

    def _choice_note(self, chosen: tuple[int, str] | None, sizes: Counter[tuple[int, str]]) -> str:
        """Why this year was rolled up when the returns are of several years (no template, no --year)."""
        years = self._year_sizes(sizes)
        if chosen is None or len(years) < 2:
            return ""
        listing = "、".join(f"{year} 年度 {count} 个" for year, count in sorted(years.items()))
        why = "各年度的报告数相同，取较新的年度" if self._year_tied(chosen, sizes) else "该年度的报告最多"
        return f"报告年度不一致（{listing}），汇总的是 {chosen[0]} 年度（{why}）；其他年度的报告未受理"


def _edition_name(edition: str) -> str:
    return load_spec(edition).name


AHEAD = 4  # chunks of files given to each worker process ahead of the one being taken
CHUNK = 4  # files a worker reads per task


def _load_chunk(load: Callable[[str], LoadedUnit | str], paths: list[str]) -> list[LoadedUnit | str]:
    """In a worker process: `load` (load_unit, sent by name) of each path."""
    return [load(path) for path in paths]


def _load_all(
    files: Iterable[str], count: int, workers: int, cancel: threading.Event | None = None
) -> Generator[LoadedUnit | str, None, None]:
    """Each of the `count` files' LoadedUnit (or refusal reason), in order; closing the generator stops the
    workers. Only a few chunks are handed out ahead, so that what waits in the pool (tasks, results) does not
    grow with the number of files. Read here (one worker), an old file's conversion stops when `cancel` is set."""
    paths = iter(files)
    if workers <= 1 or count < 2 * workers:
        for path in paths:
            yield load_unit(path, cancel)
        return
    chunks = iter(lambda: list(itertools.islice(paths, CHUNK)), [])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        pending: deque[Future[list[LoadedUnit | str]]] = deque()
        for chunk in itertools.islice(chunks, AHEAD * workers):
            pending.append(pool.submit(_load_chunk, load_unit, chunk))
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_load_chunk, load_unit, following))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def roll_up(
    sources: Iterable[Path | str],
    template: Template | None = None,
    year: int | None = None,
    exclude: Iterable[Path | str] = (),
    progress: Progress | None = None,
    workers: int = 1,
    cancel: threading.Event | None = None,
) -> RollupResult:
    """Roll up every readable report under `sources` (folders and files; .gkr, .docx, .xlsx mixed).

    The year and edition come from `template`, else from `year`, else from the returns themselves (the year
    most units returned for). Among double returns of one unit the most recently modified file counts.
    With `workers` > 1, files are read in that many worker processes (results are taken in order, so the
    outcome is the same). Raises RollupCancelled when `progress` returns False, or at once when `cancel` is set
    while an old file is being converted in this process.
    """
    found = collect(sources, READERS, exclude)
    total = found.files.count
    edition = None
    if template is None and year is not None:
        edition = edition_for_year(year)
    rollup = _Rollup(template, year, edition)
    rollup.refused += found.refused
    loaded = _load_all(found.paths(), total, workers, cancel)
    try:
        for done, path in enumerate(found.paths()):
            if progress is not None and progress(done, total, Path(path)) is False:
                raise RollupCancelled
            try:
                rollup.add(path, next(loaded))
            except ReadingCancelled:
                raise RollupCancelled from None
        if progress is not None and progress(total, total, None) is False:
            raise RollupCancelled
    except BaseException:
        rollup.close()
        raise
    finally:
        loaded.close()
        found.close()
    try:
        return rollup.finish([os.fspath(p) for p in found.templates], total)
    except BaseException:
        rollup.close()
        raise
