"""Which edition a year takes is read from the top of each definition, without loading the other editions."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gkdesk.spec import EDITIONS, SpecError, earliest_year, edition_for_year, load_spec, loader
from tests.conftest import ROOT


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_years_read_from_the_top_are_the_loaded_definitions_years(edition: str) -> None:
    spec = load_spec(edition)
    assert loader.edition_years(edition) == (spec.first_year, spec.last_year)


def test_each_year_takes_the_edition_that_covers_it() -> None:
    assert [edition_for_year(year) for year in (2018, 2019, 2020, 2021, 2025, 2099)] == [
        "2019", "2019", "2019", "2021", "2021", "2021"
    ]
    assert earliest_year() == 2019


def test_a_new_reports_edition_is_found_without_loading_the_older_definition() -> None:
    script = textwrap.dedent("""
        from gkdesk.spec import loader
        assert loader.edition_for_year(2025) == "2021"
        assert loader.earliest_year() == 2019
        print(loader.load_spec.cache_info().currsize)
    """)
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert output.returncode == 0, output.stderr
    assert output.stdout.strip().splitlines()[-1] == "0"


def test_a_definition_whose_top_cannot_be_read_is_loaded_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "annual-report-2021.toml"
    broken.write_text('edition = "2021"\nfirst_year = "二〇二一"\n[[sections]]\n', encoding="utf-8")
    monkeypatch.setattr(loader, "_definition_file", lambda _edition: broken)
    monkeypatch.setattr(loader, "load_spec", lambda _edition: loader.load_spec_file(broken))
    loader.edition_years.cache_clear()
    try:
        with pytest.raises(SpecError, match=r"annual-report-2021\.toml"):
            loader.edition_years("2021")
    finally:
        loader.edition_years.cache_clear()
