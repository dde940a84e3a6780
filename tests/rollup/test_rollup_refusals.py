"""Roll-up of untrusted folders: every path not read is listed, names compared as people read them, outputs
never overwrite inputs, nothing written when nothing was rolled up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gkdesk.cli import main
from gkdesk.io.gkr import save_gkr
from gkdesk.rollup import roll_up
from gkdesk.rollup.result import DUPLICATE
from gkdesk.template.model import unit_key
from tests.rollup.returns import balanced_values, filled_report


def _returns(folder: Path, *organs: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, organ in enumerate(organs, start=1):
        path = folder / f"u{number}.gkr"
        save_gkr(filled_report(organ, values=balanced_values(number)), path)
        paths.append(path)
    return paths


@pytest.mark.parametrize("variant", ["某县第1镇人民政府\u200b", "某县第\u200d1镇人民政府", "某县第１镇人民政府", "某县第1镇\x0b人民政府"])
def test_names_differing_only_in_invisible_characters_are_one_unit(variant: str) -> None:
    assert unit_key(variant) == unit_key("某县第1镇人民政府")


def test_zero_width_space_in_a_name_is_flagged_as_a_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "收回"
    _returns(folder, "某县第1镇人民政府", "某县第2镇人民政府")
    twin = filled_report("某县第1镇人民政府", values=balanced_values(1))
    twin.organ = "某县第1镇人民政府\u200b"
    save_gkr(twin, folder / "u3.gkr")
    result = roll_up([folder])
    try:
        statuses = sorted(row.status == DUPLICATE for row in result.rows)
        assert statuses == [False, False, True]
        assert len(result.counted_rows) == 2
    finally:
        result.close()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs")
def test_every_path_not_read_is_refused_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "收回"
    inside, elsewhere = _returns(folder, "甲镇人民政府")[0], _returns(tmp_path / "别处", "乙镇人民政府")[0]
    (folder / "甲镇链接.gkr").symlink_to(inside)  # inside the folder: read (and counted once)
    (folder / "外部.gkr").symlink_to(elsewhere)
    (folder / "循环.gkr").symlink_to(folder / "循环.gkr")
    (folder / "目录链接").symlink_to(tmp_path / "别处")
    os.mkfifo(folder / "管道.gkr")
    (folder / "x.docx").mkdir()
    _returns(folder / "x.docx", "丙镇人民政府")
    result = roll_up([folder])
    try:
        reasons = {Path(r.file).name: r.reason for r in result.refused}
        assert "汇总文件夹以外" in reasons["外部.gkr"]
        assert "无法解析" in reasons["循环.gkr"]
        assert "文件夹" in reasons["目录链接"]
        assert "不是普通文件" in reasons["管道.gkr"]
        assert "是文件夹" in reasons["x.docx"]
        assert [row.organ for row in result.counted_rows] == ["甲镇人民政府"]
        assert not any(row.status == DUPLICATE for row in result.rows)  # the link and its target: one file
    finally:
        result.close()


def test_county_report_onto_an_input_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收回"
    second = _returns(folder, "甲镇人民政府", "乙镇人民政府")[1]
    before = second.read_bytes()
    assert main(["rollup", str(folder), "--county", str(second), "-o", str(tmp_path / "汇总.xlsx")]) == 2
    assert second.read_bytes() == before and not second.with_name("u2.gkr.bak").exists()
    assert not (tmp_path / "汇总.xlsx").exists()
    assert "本级报告" in capsys.readouterr().err


def test_workbook_named_as_a_source_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "收回"
    _returns(folder, "甲镇人民政府")
    workbook = tmp_path / "汇总.xlsx"
    assert main(["rollup", str(folder), "-o", str(workbook)]) == 0
    stamp = workbook.stat().st_mtime_ns
    assert main(["rollup", str(folder), str(workbook), "-o", str(workbook)]) == 2
    assert workbook.stat().st_mtime_ns == stamp
    assert "汇总表" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["empty", "missing"])
def test_nothing_rolled_up_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    folder = tmp_path / "收回"
    if kind == "empty":
        folder.mkdir()
    workbook, county = tmp_path / "汇总.xlsx", tmp_path / "本级.gkr"
    assert main(["rollup", str(folder), "-o", str(workbook), "--county", str(county)]) == 2
    assert not workbook.exists() and not county.exists()
    err = capsys.readouterr()
    assert "已保存" not in err.out + err.err and "未保存任何文件" in err.err
    if kind == "missing":
        assert "找不到文件或文件夹" in err.out + err.err and "文件夹中没有" not in err.err


def test_unit_names_starting_like_formulas_are_text_in_the_workbook(tmp_path: Path) -> None:
    import openpyxl

    folder = tmp_path / "收回"
    _returns(folder, "=HYPERLINK(\"http://example.cn\")镇", "+甲镇人民政府")
    workbook = tmp_path / "汇总.xlsx"
    assert main(["rollup", str(folder), "-o", str(workbook)]) == 0
    cells = [
        cell
        for sheet in openpyxl.load_workbook(workbook).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(("=HYPERLINK", "+甲镇"))
    ]
    assert cells and all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_workbook_onto_a_units_returned_workbook_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gkdesk.io.xlsx.export import export_xlsx

    folder = tmp_path / "收回"
    _returns(folder, "甲镇人民政府")
    returned = folder / "乙镇.xlsx"
    export_xlsx(filled_report("乙镇人民政府", values=balanced_values(2)), returned)
    before = returned.read_bytes()
    assert main(["rollup", str(folder), "-o", str(returned)]) == 2
    assert returned.read_bytes() == before
    assert "汇总表" in capsys.readouterr().err
    earlier = folder / "汇总.xlsx"
    assert main(["rollup", str(folder), "-o", str(earlier)]) == 0
    assert main(["rollup", str(folder), "-o", str(earlier)]) == 0  # an earlier roll-up workbook is replaced
