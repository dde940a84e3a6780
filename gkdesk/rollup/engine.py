"""The roll-up: read every returned report one at a time, check it, add it to the county totals. No Qt.

Memory stays flat: a report is dropped as soon as its summary row, its spooled values and its share of
the running totals are taken. Files are untrusted: whatever goes wrong reading one refuses that file only.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from gkdesk.io.open import READERS
from gkdesk.rollup.collect import collect
from gkdesk.rollup.order import natural_key
from gkdesk.rollup.result import DUPLICATE, MISSING, RETURNED, UNLISTED, Refusal, RollupResult, UnitRow
from gkdesk.rollup.spool import Spool
from gkdesk.rollup.totals import Totals, check_totals
from gkdesk.rollup.unit import LoadedUnit, load_unit
from gkdesk.spec import edition_for_year, load_spec
from gkdesk.template.model import Template, unit_key

# progress(done, total, current file) → False to cancel.
Progress = Callable[[int, int, Path | None], bool]


class RollupCancelled(Exception):
    """The person pressed 取消."""


@dataclass
class _Group:
    """Returns of one (year, edition): only one group is rolled up, the others are refused at the end."""

    totals: Totals
    rows: list[UnitRow] = field(default_factory=list)
    counted: dict[str, UnitRow] = field(default_factory=dict)  # unit key → the row counted


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class _Rollup:
    def __init__(self, template: Template | None, year: int | None, edition: str | None) -> None:
        self.template = template
        self.year = template.year if template else year
        self.edition = template.edition if template else edition
        self.groups: dict[tuple[int, str], _Group] = {}
        self.refused: list[Refusal] = []
        self.spool = Spool()

    def add(self, path: Path, loaded: LoadedUnit | str) -> None:
        if isinstance(loaded, str):
            self.refused.append(Refusal(str(path), loaded))
            return
        reason = self._refusal(loaded)
        if reason:
            self.refused.append(Refusal(str(path), reason))
            return
        assert loaded.year is not None
        group = self.groups.get((loaded.year, loaded.edition))
        if group is None:
            group = self.groups[(loaded.year, loaded.edition)] = _Group(Totals(loaded.edition))
        listed = self.template.unit(loaded.organ) if self.template and self.template.units else None
        row = UnitRow(
            organ=listed.name if listed else loaded.organ,
            status=RETURNED if listed or not (self.template and self.template.units) else UNLISTED,
            file=str(path),
            unit=listed,
            errors=loaded.errors,
            warnings=loaded.warnings,
            acknowledged=loaded.acknowledged,
            open_comments=loaded.open_comments,
            spool_index=self.spool.add(loaded.record),
        )
        key = unit_key(row.organ)
        first = group.counted.get(key)
        if first is None:
            group.counted[key] = row
            group.totals.add_values(loaded.inputs)
            if row.status == UNLISTED:
                row.note = "不在模板的单位名单中，已计入合计"
        else:
            row.status = DUPLICATE
            row.note = f"重复报送：以 {Path(first.file or '').name} 为准，本文件未计入合计"
            extra = f"另有重复报送：{path.name}"
            first.note = f"{first.note}；{extra}" if first.note else extra
        group.rows.append(row)

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
        chosen = self._chosen_group()
        rows: list[UnitRow] = []
        totals = None
        year, edition = self.year, self.edition
        for (group_year, group_edition), group in self.groups.items():
            if (group_year, group_edition) == chosen:
                rows, totals, year, edition = group.rows, group.totals, group_year, group_edition
                continue
            for row in group.rows:
                self.refused.append(Refusal(row.file or "", self._minority_reason(group_year, group_edition, chosen)))
        rows = self._with_missing(rows)
        total_findings = check_totals(totals.report(year)) if totals is not None else []
        result = RollupResult(year, edition, rows, self.refused, totals, total_findings, self.spool, template_files)
        result.files_found = files_found
        result.choice_note = self._choice_note(chosen)
        return result

    def _year_sizes(self) -> Counter[int]:
        """Units counted per year (all editions of the year together)."""
        sizes: Counter[int] = Counter()
        for (year, _), group in self.groups.items():
            sizes[year] += len(group.counted)
        return sizes

    def _edition_sizes(self, year: int) -> Counter[str]:
        return Counter({edition: len(group.counted) for (y, edition), group in self.groups.items() if y == year})

    def _chosen_group(self) -> tuple[int, str] | None:
        """The (year, edition) rolled up: fixed by a template or option, otherwise the year most units returned
        for (on a tie the newer year), and in it the edition most returned (on a tie the year's own format)."""
        if not self.groups:
            return None
        years = self._year_sizes()
        year = max(years, key=lambda y: (years[y], y))
        editions = self._edition_sizes(year)
        edition = max(editions, key=lambda e: (editions[e], e == edition_for_year(year)))
        return year, edition

    def _year_tied(self, chosen: tuple[int, str]) -> bool:
        years = self._year_sizes()
        return sum(1 for n in years.values() if n == years[chosen[0]]) > 1

    def _edition_tied(self, chosen: tuple[int, str]) -> bool:
        editions = self._edition_sizes(chosen[0])
        return sum(1 for n in editions.values() if n == editions[chosen[1]]) > 1

    def _minority_reason(self, year: int, edition: str, chosen: tuple[int, str] | None) -> str:
        if chosen is None:  # pragma: no cover - a group exists whenever a row does
            return "未计入合计"
        if year != chosen[0]:
            if self._year_tied(chosen):
                return (
                    f"年度不符：本文件为 {year} 年度；各年度的报告数相同，汇总的是较新的 {chosen[0]} 年度"
                )
            return f"年度不符：本文件为 {year} 年度，多数报告为 {chosen[0]} 年度"
        if self._edition_tied(chosen):
            return (
                f"报告格式版本不符：本文件为 {_edition_name(edition)} 格式；两种格式的报告数相同，"
                f"汇总使用 {chosen[0]} 年度规定的 {_edition_name(chosen[1])} 格式"
            )
        return f"报告格式版本不符：本文件为 {_edition_name(edition)} 格式，多数报告为 {_edition_name(chosen[1])} 格式"

    def _choice_note(self, chosen: tuple[int, str] | None) -> str:
        """Why this year was rolled up when the returns are of several years (no template, no --year)."""
        years = self._year_sizes()
        if chosen is None or len(years) < 2:
            return ""
        listing = "、".join(f"{year} 年度 {count} 个" for year, count in sorted(years.items()))
        why = "各年度的报告数相同，取较新的年度" if self._year_tied(chosen) else "该年度的报告最多"
        return f"报告年度不一致（{listing}），汇总的是 {chosen[0]} 年度（{why}）；其他年度的报告未受理"

    def _with_missing(self, rows: list[UnitRow]) -> list[UnitRow]:
        """Units in the template's order (missing ones included), then units not on the list; without a list, in
        natural order (第2镇 before 第10镇)."""
        if not (self.template and self.template.units):
            return sorted(rows, key=lambda row: (natural_key(row.organ), row.status == DUPLICATE, row.file or ""))
        by_unit: dict[str, list[UnitRow]] = {}
        for row in rows:
            by_unit.setdefault(unit_key(row.organ), []).append(row)
        ordered: list[UnitRow] = []
        for unit in self.template.units:
            found = by_unit.pop(unit_key(unit.name), None)
            ordered += sorted(found, key=lambda row: row.status == DUPLICATE) if found else [UnitRow(unit.name, MISSING, unit=unit)]
        for key in sorted(by_unit, key=natural_key):
            ordered += sorted(by_unit[key], key=lambda row: row.status == DUPLICATE)
        return ordered


def _edition_name(edition: str) -> str:
    return load_spec(edition).name


def _load_all(files: list[Path], workers: int) -> Generator[LoadedUnit | str, None, None]:
    """Each file's LoadedUnit (or refusal reason), in order; closing the generator stops the workers."""
    if workers <= 1 or len(files) < 2 * workers:
        for path in files:
            yield load_unit(str(path))
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(load_unit, [str(path) for path in files], chunksize=4)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def roll_up(
    sources: Iterable[Path | str],
    template: Template | None = None,
    year: int | None = None,
    exclude: Iterable[Path | str] = (),
    progress: Progress | None = None,
    workers: int = 1,
) -> RollupResult:
    """Roll up every readable report under `sources` (folders and files; .gkr, .docx, .xlsx mixed).

    The year and edition come from `template`, else from `year`, else from the returns themselves (the year
    most units returned for). Among double returns of one unit the most recently modified file counts.
    With `workers` > 1, files are read in that many worker processes (results are taken in order, so the
    outcome is the same). Raises RollupCancelled when `progress` returns False.
    """
    found = collect(sources, READERS, exclude)
    files = sorted(found.files, key=lambda path: (-_modified(path), str(path)))
    edition = None
    if template is None and year is not None:
        edition = edition_for_year(year)
    rollup = _Rollup(template, year, edition)
    rollup.refused += found.refused
    loaded = _load_all(files, workers)
    try:
        for done, path in enumerate(files):
            if progress is not None and progress(done, len(files), path) is False:
                raise RollupCancelled
            rollup.add(path, next(loaded))
        if progress is not None and progress(len(files), len(files), None) is False:
            raise RollupCancelled
    except BaseException:
        rollup.spool.close()
        raise
    finally:
        loaded.close()
    return rollup.finish([os.fspath(p) for p in found.templates], len(files))
