"""The format's knowledge lives in forms/*.toml: no Python module outside the spec loader spells a 基本信息 label,
an organ level's label, or a year an edition starts or ends."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import gkdesk
from gkdesk.spec import EDITIONS, load_spec

PACKAGE = Path(gkdesk.__file__).parent
ALLOWED = {PACKAGE / "spec" / "loader.py"}
_WRAPPING = "（）()：:「」“” "


def _labels() -> set[str]:
    labels: set[str] = set()
    for edition in EDITIONS:
        spec = load_spec(edition)
        labels |= {field.label for field in spec.fields}
        labels |= {level.label for level in spec.organ_levels}
    return labels


def _years() -> set[int]:
    years: set[int] = set()
    for edition in EDITIONS:
        spec = load_spec(edition)
        years |= {spec.first_year} | ({spec.last_year} if spec.last_year is not None else set())
    return years


def _literals(path: Path) -> list[tuple[int, object]]:
    """(line, value) of every plain string and number literal of a module."""
    found: list[tuple[int, object]] = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type not in (tokenize.STRING, tokenize.NUMBER):
            continue
        try:
            value = ast.literal_eval(token.string)
        except (ValueError, SyntaxError):  # f-strings
            continue
        found.append((token.start[0], value))
    return found


def spelled_knowledge(path: Path, labels: set[str], years: set[int]) -> list[str]:
    """“file:line: label '联系电话'” for each literal that is a label or an edition's year."""
    problems = []
    for line, value in _literals(path):
        if isinstance(value, str) and value.strip(_WRAPPING) in labels:
            problems.append(f"{path.name}:{line}: label {value!r}")
        elif (isinstance(value, int) and value in years) or (isinstance(value, str) and value in map(str, years)):
            problems.append(f"{path.name}:{line}: year {value!r}")
    return problems


def test_no_label_or_edition_year_is_spelled_in_python() -> None:
    labels, years = _labels(), _years()
    assert "联系电话" in labels and "乡镇人民政府（街道办事处）" in labels and {2019, 2020, 2021} <= years
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path not in ALLOWED:
            problems += spelled_knowledge(path, labels, years)
    assert problems == []


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('FIELDS = (("phone", "联系电话"),)\nOPENING = "（机关名称）"\nif year < 2021:\n    pass\n', "utf-8")
    found = spelled_knowledge(sample, _labels(), _years())
    assert found == ["sample.py:1: label '联系电话'", "sample.py:2: label '（机关名称）'", "sample.py:3: year 2021"]
