"""The province's own divisions (处室): the "--" measures assigned to them, recorded by the
coordinator or handed in from a division's own ledger, and in the consolidated outputs."""
from __future__ import annotations

import json

import pytest

from cli.main import run
from models.errors import InvalidInput, UnknownMeasure, UnknownUnit
from models.ledger import Ledger
from models.province.divisions import (add_division, assign_division, divisions,
                                       issuer_measures, remove_division)
from models.province.recording import import_package
from models.province.submissions import submission_status
from models.queries import issuer_codes
from tests.province.handin_fixtures import make_package
from tests.support import dump_tables, fresh_province_ledger

ISSUER_CODES = ["1.1", "1.4", "1.5", "5.1", "6.2", "12.6", "13.1", "14.1"]


@pytest.fixture
def province(tmp_path):
    with fresh_province_ledger(tmp_path / "province.db", user="王五") as ledger:
        yield ledger


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_coordinator_records_for_a_division(province, capsys):
    db = str(province.path)
    province.close()
    code, _, err = _cli(capsys, "--db", db, "record", "1.1", "--status", "推进中")
    assert code == 2 and "省级台账（河南省知识产权局）本身不填报：请用 --unit 指定单位或处室" in err
    assert _cli(capsys, "--db", db, "division", "add", "保护处")[0] == 0
    assert _cli(capsys, "--db", db, "division", "add", "运用处")[0] == 0
    code, _, err = _cli(capsys, "--db", db, "record", "1.1", "--unit", "保护处", "--status", "推进中")
    assert code == 2 and "尚未分配给保护处：先用 assign 1.1 --division 处室" in err
    for measure, division in (("1.1", "保护处"), ("1.4", "保护处"), ("1.4", "运用处")):
        assert _cli(capsys, "--db", db, "assign", measure, "--division", division)[0] == 0
    code, out, _ = _cli(capsys, "--db", db, "record", "1.1", "--unit", "保护处", "--status",
                        "已完成", "--note", "规划已印发", "--date", "2021-09-30")
    assert code == 0 and "已保存：举措 1.1　状态 已完成" in out
    code, _, err = _cli(capsys, "--db", db, "record", "1.2", "--unit", "保护处", "--status", "推进中")
    assert code == 2 and "保护处不在地市名单中" in err
    code, out, _ = _cli(capsys, "--db", db, "units", "--json")
    units = {u["name"]: u for u in json.loads(out)}
    assert units["保护处"] == {"name": "保护处", "kind": "division", "measures": ["1.1", "1.4"]}
    assert units["运用处"]["measures"] == ["1.4"] and units["郑州市"] == {"name": "郑州市", "kind": "city"}
    code, out, _ = _cli(capsys, "--db", db, "tasks", "--unit", "保护处", "--json")
    assert [(t["code"], t["status"]) for t in json.loads(out)] == [("1.1", "已完成"), ("1.4", "未启动")]
    with Ledger.open(db) as ledger:
        status = submission_status(ledger)
        assert list(status.recorded_directly) == ["保护处"]
        assert "运用处" in status.missing and "保护处" not in status.missing
        # Cities still see the issuer's measures as nobody's but the province's.
        assert [m.code for m in ledger.measures(unit="郑州市")][:1] == ["1.2"]


def test_divisions_refuse_what_does_not_fit(province):
    before = dump_tables(province.path)
    for name, reason in (("", "不能为空"), ("保护/处", "不能用于名称"), ("处" * 41, "过长"),
                         ("郑州市", "单位“郑州市”已在"), ("河南省知识产权局", "自身的名称")):
        with pytest.raises(InvalidInput, match=reason):
            add_division(province, name)
    assert dump_tables(province.path) == before
    add_division(province, "保护处")
    with pytest.raises(InvalidInput, match="处室“保护处”已在"):
        add_division(province, "保护处")
    with pytest.raises(InvalidInput, match="不是“--”"):
        assign_division(province, "1.2", "保护处")
    with pytest.raises(InvalidInput, match="不是处室"):
        assign_division(province, "1.1", "郑州市")
    with pytest.raises(UnknownUnit, match="division add 规划处"):
        assign_division(province, "1.1", "规划处")
    with pytest.raises(UnknownMeasure):
        assign_division(province, "99.1", "保护处")
    assert [m.code for m in issuer_measures(province)] == ISSUER_CODES
    assign_division(province, "1.1", "保护处")
    province.record("1.1", unit="保护处", status="推进中")
    with pytest.raises(InvalidInput, match="已填报举措 1.1，不能取消分配"):
        assign_division(province, "1.1", "保护处", remove=True)
    with pytest.raises(InvalidInput, match="已有填报或报送记录"):
        remove_division(province, "保护处")
    add_division(province, "规划处")
    assign_division(province, "1.5", "规划处")
    remove_division(province, "规划处")
    assert [d.name for d in divisions(province)] == ["保护处"]
    assert province.take_changes().units
    with Ledger.create(province.path.with_name("city.db"), unit="洛阳市") as city:
        with pytest.raises(InvalidInput, match="处室只在省级台账中设置"):
            add_division(city, "保护处")


def test_a_division_keeps_its_own_ledger_and_hands_in(province, tmp_path, capsys):
    """Plan file from the province → ``init --unit 运用处 --plan FILE`` → a package like a
    city's → the consolidated workbook shows the province-level measures by division."""
    from openpyxl import load_workbook
    add_division(province, "保护处")
    add_division(province, "运用处")
    assign_division(province, "1.1", "保护处")
    assign_division(province, "1.4", "运用处")
    province.record("1.1", unit="保护处", status="已完成", note="规划已印发", date="2021-09-30")
    plan_file, db = tmp_path / "全省方案.json", str(province.path)
    province.close()
    assert _cli(capsys, "--db", db, "export", "plan", "--out", str(plan_file))[0] == 0
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert {"name": "运用处", "kind": "division"} in plan["units"]
    division_db = tmp_path / "运用处.db"
    code, out, _ = _cli(capsys, "--db", str(division_db), "init", "--unit", "运用处", "--plan",
                        str(plan_file), "--user", "赵六")
    assert code == 0 and "本单位需填报或确认的举措：1 项" in out
    with Ledger.open(division_db) as division:
        assert [row.code for row in division.measures()] == ["1.4"]
        assert "1.4" not in issuer_codes(division) and "1.1" in issuer_codes(division)
        division.set_settings(unit_full_name="河南省知识产权局知识产权运用促进处",
                              contact_person="赵六", contact_phone="0371-1234567")
        division.record("1.4", status="推进中", note="联席会议筹备", date="2021-08-01")
        package = make_package(division, tmp_path / "out")
    with Ledger.open(db) as province:
        result = import_package(province, package)
        assert (result.unit, result.version) == ("运用处", 1)
        assert province.measure("1.4", unit="运用处").row.status == "推进中"
    out_xlsx = tmp_path / "汇总.xlsx"
    assert _cli(capsys, "--db", db, "export", "consolidated-xlsx", "--out", str(out_xlsx))[0] == 0
    wb = load_workbook(out_xlsx)
    sheet = wb["全省汇总"]
    header = [c.value for c in sheet[3]]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    at = {name: header.index(name) for name in ("郑州市", "保护处", "运用处")}
    assert rows["1.1"][at["保护处"]] == "已完成" and rows["1.1"][at["运用处"]] == "—"
    assert rows["1.4"][at["运用处"]] == "推进中" and rows["1.4"][at["郑州市"]] == "—"
    assert "1.5" not in rows            # a "--" measure no division carries stays out
    states = {r[0]: r[1] for r in wb["报送情况"].iter_rows(min_row=2, values_only=True)}
    assert states["保护处"] == "省局直接填报" and states["运用处"] == "已报送"
    assert {"保护处", "运用处"} <= set(wb.sheetnames)


def test_plan_file_refuses_divisions_not_on_its_list(tmp_path):
    from models.errors import PlanFormatError
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    plan["sections"][0]["tasks"][0]["measures"][0]["divisions"] = ["保护处"]
    with pytest.raises(PlanFormatError, match="“保护处”不在单位名单的处室中"):
        Ledger.create(tmp_path / "x.db", unit="洛阳市", plan=plan)
    assert not (tmp_path / "x.db").exists()
