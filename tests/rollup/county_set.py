"""A county's stick of twelve returns, as a 政务公开办 meets it: ten townships numbered 第1镇 to 第10镇 and a
department on the template's list, one unit not on it, a double return, an unbalanced table, last year's
file of a department that has not returned this year's, and a damaged file."""

from __future__ import annotations

import os
from pathlib import Path

from gkdesk.io.gkr import save_gkr
from gkdesk.io.xlsx.export import export_xlsx
from gkdesk.template import Template, Unit, save_template
from tests.rollup.returns import filled_report, varied_values

TOWNSHIPS = tuple(f"第{number}镇人民政府" for number in range(1, 11))
DEPARTMENTS = ("县教育局", "县卫生健康局")


def county_template() -> Template:
    units = [Unit(name, "township", f"{index:03d}") for index, name in enumerate(TOWNSHIPS, start=1)]
    units += [Unit(name, "county_dept", f"1{index:02d}") for index, name in enumerate(DEPARTMENTS, start=1)]
    return Template(2025, "2021", issuer="某某县人民政府办公室", units=tuple(units))


def make_county_stick(root: Path) -> Path:
    """Twelve returns of 2025 (one township twice), 教育局's last-year file, a damaged file, the template."""
    root.mkdir(parents=True, exist_ok=True)
    save_template(county_template(), root / "模板.gkt")
    for index, name in enumerate((*TOWNSHIPS, DEPARTMENTS[1]), start=1):
        values = varied_values(index * 4 + 1)
        if index == 3:
            values = values | {"requests.new.natural": int(str(values["requests.new.natural"])) + 5}  # unbalanced
        report = filled_report(name, values=values, level="township" if "镇" in name else "county_dept")
        target = root / f"2025-{name}.{'xlsx' if index % 2 else 'gkr'}"
        (export_xlsx if index % 2 else save_gkr)(report, target)
        os.utime(target, (2000 + index, 2000 + index))
    older = filled_report(TOWNSHIPS[4], values=varied_values(2))
    save_gkr(older, root / "第5镇-第一次报送.gkr")
    os.utime(root / "第5镇-第一次报送.gkr", (1000, 1000))
    save_gkr(filled_report(DEPARTMENTS[0], year=2024, level="county_dept"), root / "县教育局-2024.gkr")
    (root / "第11镇年报（损坏）.docx").write_bytes(b"PK\x03\x04 not really a document")
    extra = filled_report("县自然资源局", values=varied_values(40), level="county_dept")
    save_gkr(extra, root / "县自然资源局.gkr")
    return root
