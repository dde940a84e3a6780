"""check --json lists blank cells as one finding per table, with the cells."""

from __future__ import annotations

import json
from pathlib import Path

from gkdesk.cli import main
from gkdesk.io.gkr import save_gkr
from gkdesk.model import Report


def test_three_numbers_give_one_blank_finding_for_the_table(tmp_path: Path, capsys: object) -> None:
    report = Report.new(2025, "某某镇人民政府")
    report.values.update({"requests.new.natural": 3, "requests.granted.natural": 2, "requests.new.commercial": 1})
    path = tmp_path / "新报告.gkr"
    save_gkr(report, path)
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    blanks = [f for f in data["findings"] if f["rule"] == "value.blank"]
    assert len(blanks) == 1
    inputs = [c.key for c in report.spec.input_cells if c.table == "requests"]
    assert blanks[0]["cells"] == [k for k in inputs if k not in report.values]
    assert blanks[0]["message"].startswith(f"表三有 {len(inputs) - 3} 个空白单元格")
