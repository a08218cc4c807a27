"""``export tasklist``: the annex table alone, and the round trip back into a ledger."""
from __future__ import annotations

from dataclasses import asdict

import pytest
from openpyxl import load_workbook

from cli.main import run
from exports.xlsx_tasklist import write_tasklist
from models.ledger import Ledger
from models.plan.definition import load_builtin_plan
from models.plan.reader import read_plan_file


@pytest.fixture
def tasklist(ledger, tmp_path):
    return write_tasklist(ledger.plan(), tmp_path / "清单.xlsx", units=ledger.units())


def test_layout_like_the_annex(tasklist, ledger):
    ws = load_workbook(tasklist).active
    assert ws["A1"].value == "2021年河南省推动知识产权高质量发展任务清单"
    assert [ws.cell(2, c).value for c in (1, 2, 3)] == ["任务内容", "落实举措", "责任地市"]
    plan = ledger.plan()
    n_measures = sum(len(t.measures) for s in plan.sections for t in s.tasks)
    assert ws.max_row == 2 + len(plan.sections) + n_measures
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A3:C3" in merged and ws["A3"].value == "一、强化顶层设计与标杆引领，推动知识产权高质量创造"
    # task 1: five measures, task cell merged over them
    assert "A4:A8" in merged and ws["A4"].value.startswith("1.贯彻落实")
    # 1.2 all units, 1.3 empty in the original (merged with the row above)
    assert "C5:C6" in merged and ws["C5"].value == "各省辖市、济源示范区、省直管县（市）"
    assert ws["C4"].value == "--" and ws["C4"].data_type == "s"
    assert ws.page_setup.orientation == "portrait" and ws.print_title_rows == "$2:$2"
    # nothing but the plan: no progress columns
    assert ws.max_column == 3


def test_round_trip_gives_back_the_builtin_plan(tasklist, ledger, tmp_path):
    plan = read_plan_file(tasklist)
    builtin = load_builtin_plan()
    for key in ("year", "title", "subject", "issuer", "doc_no", "deadline", "recipient",
                "annex_title"):
        assert plan[key] == builtin[key], key
    assert [u["name"] for u in plan["units"]] == [u["name"] for u in builtin["units"]]
    with Ledger.create(tmp_path / "again.db", unit="洛阳市", plan=plan) as again:
        ours = [asdict(m) for m in ledger.plan().measures()]
        theirs = [asdict(m) for m in again.plan().measures()]
        strip = lambda rows: [{k: v for k, v in m.items() if k != "indicators"} |
                              {"indicators": [(i["raw"], i["min"], i["max"], i["quantity_unit"])
                                              for i in m["indicators"]]} for m in rows]
        assert strip(theirs) == strip(ours)          # ids, texts, raw/effective scope, units
        assert [s.title for s in again.plan().sections] == [s.title for s in ledger.plan().sections]
        assert [(t.no, t.content) for s in again.plan().sections for t in s.tasks] == \
               [(t.no, t.content) for s in ledger.plan().sections for t in s.tasks]


def test_cli_export_tasklist_then_init_plan(ledger_path, ledger, tmp_path, capsys):
    ledger.close()
    out = tmp_path / "清单.xlsx"
    assert run(["--db", str(ledger_path), "export", "tasklist", "--out", str(out)]) == 0
    assert "59条落实举措" in capsys.readouterr().out
    db = tmp_path / "郑州.db"
    assert run(["--db", str(db), "init", "--unit", "郑州市", "--plan", str(out)]) == 0
    with Ledger.open(db) as again, Ledger.open(ledger_path) as first:
        assert [(m.code, m.text, m.scope) for m in again.plan().measures()] == \
               [(m.code, m.text, m.scope) for m in first.plan().measures()]


def test_import_plan_adds_a_year_and_makes_it_current(ledger_path, ledger, tmp_path, capsys):
    from tests.models.test_plan_import_docx import build_annex
    ledger.close()
    annex = build_annex(tmp_path / "2023.docx")
    assert run(["--db", str(ledger_path), "import-plan", str(annex)]) == 0
    out = capsys.readouterr().out
    assert "已设为当前方案" in out and "7条落实举措" in out
    with Ledger.open(ledger_path) as again:
        assert [p.year for p in again.plans()] == [2023, 2021]
        assert again.plan().year == 2023
        assert [r.code for r in again.measures()] == ["1.2", "1.3", "2.1", "2.2", "3.2"]
    # the same plan again is refused, nothing added
    assert run(["--db", str(ledger_path), "import-plan", str(annex)]) == 2
    assert "已有方案" in capsys.readouterr().err
    with Ledger.open(ledger_path) as again:
        assert len(again.plans()) == 2


def test_import_plan_refuses_a_list_without_our_unit(ledger_path, ledger, tmp_path, capsys):
    from tests.models.test_plan_import_xlsx import department_sheet
    ledger.close()
    sheet = department_sheet(tmp_path / "分工.xlsx")
    # 洛阳市 is on the built-in unit list, so the department list is accepted for it …
    assert run(["--db", str(ledger_path), "import-plan", str(sheet)]) == 0
    assert "省知识产权局" in capsys.readouterr().out
    # a department named only in the 责任单位 column can keep its own ledger on that list …
    other = tmp_path / "其他.db"
    assert run(["--db", str(other), "init", "--unit", "省司法厅", "--plan", str(sheet)]) == 0
    with Ledger.open(other) as made:
        ids = [r.code for r in made.measures()]
        assert ids[:2] == ["1.1", "1.2"] and "2.1" not in ids
    # … and a list that does not name it at all is refused
    annex = __import__("tests.models.test_plan_import_docx", fromlist=["build_annex"]).build_annex(
        tmp_path / "2023.docx")
    assert run(["--db", str(other), "import-plan", str(annex)]) == 2
    assert "省司法厅" in capsys.readouterr().err


def test_measure_deadlines_survive_the_round_trip(tmp_path):
    from tests.models.test_plan_import_xlsx import department_sheet
    plan = read_plan_file(department_sheet(tmp_path / "分工.xlsx"))
    with Ledger.create(tmp_path / "d.db", unit="郑州市", plan=plan) as ledger:
        out = write_tasklist(ledger.plan(), tmp_path / "back.xlsx", units=ledger.units())
        ws = load_workbook(out).active
        # the 完成时限 as the list wrote it, so the round trip keeps text and date
        assert ws.cell(2, 4).value == "完成时限" and ws["D4"].value == "2022年6月底前"
        again = read_plan_file(out)
        deadlines = lambda p: [m.get("deadline") for s in p["sections"] for t in s["tasks"]
                               for m in t["measures"]]
        assert deadlines(again) == deadlines(plan) == [
            "2022-06-30", "2022-06-30", None, "2022-04-26", "2022-06-30"]
        texts = lambda p: [m.get("deadline_text") for s in p["sections"] for t in s["tasks"]
                           for m in t["measures"]]
        assert texts(again)[2] == "持续推进" and again["units_source"] == plan["units_source"]
        assert [u["name"] for u in again["units"]] == [u["name"] for u in plan["units"]]
