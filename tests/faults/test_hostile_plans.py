"""Hostile task lists: each refused whole in one line, fast and in little memory, with the
ledger unchanged. (Each of these once ended in a traceback, a silent truncation, or gigabytes
of memory before failing.)"""
from __future__ import annotations

import json
import resource
import time
import zipfile

import pytest

from cli.main import run
from models.errors import PlanFormatError
from models.ledger import Ledger
from models.plan.definition import load_builtin_plan
from models.plan.reader import read_plan_file


def rewrite_member(src, dest, member, change) -> None:
    with zipfile.ZipFile(src) as z:
        data = {n: z.read(n) for n in z.namelist()}
    data[member] = change(data[member])
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in data.items():
            z.writestr(name, body)


def plan_json(tmp_path, name, change) -> object:
    plan = load_builtin_plan()
    change(plan)
    path = tmp_path / name
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def refused_quickly(path, match: str) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(PlanFormatError, match=match):
        read_plan_file(path)
    assert time.perf_counter() - start < 1.0
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


def test_a_merge_over_the_whole_sheet_is_refused_before_loading(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["任务内容", "落实举措", "责任地市"])
    wb.active.merge_cells("D5:E6")
    wb.save(tmp_path / "small.xlsx")
    rewrite_member(tmp_path / "small.xlsx", tmp_path / "炸弹.xlsx", "xl/worksheets/sheet1.xml",
                   lambda xml: xml.replace(b"D5:E6", b"D1:XFD1048576"))
    refused_quickly(tmp_path / "炸弹.xlsx", "合并单元格 D1:XFD1048576")


def test_rows_past_the_limit_are_refused_not_dropped(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["任务内容", "落实举措", "责任地市"])
    for n in range(1, 6001):
        wb.active.append([f"{n}. 任务{n}", f"举措{n}", "郑州市"])
    wb.save(tmp_path / "六千行.xlsx")
    refused_quickly(tmp_path / "六千行.xlsx", "6001 行内容，超过上限 5000 行")


def test_a_cell_spanning_a_hundred_million_columns_is_refused(tmp_path):
    import docx
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(("任务内容", "落实举措", "责任地市")):
        table.cell(0, col).text = text
    document.save(tmp_path / "small.docx")
    rewrite_member(tmp_path / "small.docx", tmp_path / "跨列.docx", "word/document.xml",
                   lambda xml: xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="100000000"/>', 1))
    refused_quickly(tmp_path / "跨列.docx", "横跨 100000000 列")


def test_damaged_compressed_data_is_refused(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["任务内容", "落实举措", "责任地市"])
    for n in range(1, 300):
        wb.active.append([f"{n}. 任务{n}", f"举措{n}" * 5, "郑州市"])
    wb.save(tmp_path / "好的.xlsx")
    raw = bytearray((tmp_path / "好的.xlsx").read_bytes())
    at = raw.find(b"xl/worksheets/sheet1.xml")
    raw[at + 300:at + 400] = b"\x00" * 100
    (tmp_path / "坏的.xlsx").write_bytes(bytes(raw))
    refused_quickly(tmp_path / "坏的.xlsx", "损坏")


@pytest.mark.parametrize("name, change, match", [
    ("明年.json", lambda p: p["sections"][0]["tasks"][0]["measures"][0].update(deadline="明年"),
     "完成时限“明年”"),
    ("类型.json", lambda p: p.update(sections="不是列表"), "“sections” 应为部分的列表"),
    ("举措类型.json", lambda p: p["sections"][0]["tasks"][0].update(measures=[1, 2]), "举措的列表"),
    ("年度.json", lambda p: p.update(year=10 ** 30), "方案年度"),
    ("布尔.json", lambda p: p.update(year=True), "方案年度"),
    ("名单.json", lambda p: (p.pop("units"), p.update(units_list="../../../etc/passwd")),
     "不是程序自带的名单"),
])
def test_malformed_json_plans_are_refused(tmp_path, name, change, match):
    refused_quickly(plan_json(tmp_path, name, change), match)


def test_nan_and_deep_nesting_are_refused(tmp_path):
    (tmp_path / "nan.json").write_text('{"year": NaN, "title": "t", "sections": []}')
    refused_quickly(tmp_path / "nan.json", "NaN")
    (tmp_path / "深.json").write_text('{"year": 2021, "title": "t", "sections": '
                                     + "[" * 200_000 + "]" * 200_000 + "}")
    refused_quickly(tmp_path / "深.json", "嵌套过深")


def test_a_refused_plan_leaves_the_ledger_as_it_was(ledger_path, tmp_path, capsys):
    Ledger.create(ledger_path, unit="洛阳市", user="张三").close()
    bad = plan_json(tmp_path, "明年.json",
                    lambda p: p["sections"][0]["tasks"][0]["measures"][0].update(deadline="明年"))
    assert run(["--db", str(ledger_path), "import-plan", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
    with Ledger.open(ledger_path) as ledger:
        assert len(ledger.plans()) == 1
        assert run(["--db", str(ledger_path), "tasks"]) == 0    # every command still works
