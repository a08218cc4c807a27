"""Responsibility cells resolve to scopes, and each unit sees what it should."""
from __future__ import annotations

import pytest

from models.errors import InvalidInput, UnknownMeasure
from models.ledger import Ledger
from models.plan.definition import load_units
from models.plan.scope import ALL, NAMED, ISSUER, RELEVANT, inherit_responsibility, resolve_scope

NAMES = [u["name"] for u in load_units()]


@pytest.mark.parametrize("cell, kind, units", [
    ("--", ISSUER, ()),
    ("各省辖市、济源示范区、省直管县（市）", ALL, tuple(NAMES)),
    ("相关地市", RELEVANT, ()),
    ("郑州市", NAMED, ("郑州市",)),
    ("郑州市、洛阳市", NAMED, ("郑州市", "洛阳市")),
])
def test_each_kind_of_responsibility(cell, kind, units):
    scope, unknown = resolve_scope(cell, NAMES)
    assert scope.kind == kind and scope.units == units and unknown == []


def test_unknown_names_are_reported_not_refused():
    scope, unknown = resolve_scope("省知识产权局、省高院", NAMES)
    assert scope.kind == NAMED and unknown == ["省知识产权局", "省高院"]


def test_empty_cell_means_same_as_above():
    assert inherit_responsibility(["--", "相关地市", "", " ", "郑州市", ""]) == [
        "--", "相关地市", "相关地市", "相关地市", "郑州市", "郑州市"]


def test_merged_cells_resolve_in_the_stored_plan(ledger):
    measures = {m.code: m for m in ledger.plan().measures()}
    assert measures["1.3"].scope == ALL and measures["1.3"].responsibility_raw == ""
    assert measures["1.3"].responsibility == "各省辖市、济源示范区、省直管县（市）"
    assert measures["2.5"].scope == RELEVANT          # empty cell under 相关地市
    assert measures["7.3"].scope == RELEVANT
    assert measures["18.3"].scope == ALL              # the row without a cell
    assert measures["1.1"].scope == ISSUER and measures["13.1"].scope == ISSUER
    assert measures["8.5"].scope == NAMED and measures["8.5"].units == ["郑州市", "洛阳市"]
    assert measures["8.1"].units == ["郑州市"]


def _visible(ledger, unit):
    return {row.code for row in ledger.measures(unit=unit)}


def test_what_each_kind_of_unit_sees(ledger):
    plan = ledger.plan()
    issuer_only = {m.code for m in plan.measures() if m.scope == ISSUER}
    zhengzhou, luoyang = _visible(ledger, "郑州市"), _visible(ledger, "洛阳市")
    jiyuan, gongyi = _visible(ledger, "济源示范区"), _visible(ledger, "巩义市")
    assert not issuer_only & (zhengzhou | luoyang | jiyuan | gongyi)
    assert {"8.1", "12.3", "8.5"} <= zhengzhou
    assert "8.5" in luoyang and "8.1" not in luoyang and "12.3" not in luoyang
    assert "8.5" not in jiyuan and "8.5" not in gongyi
    assert jiyuan == gongyi                      # zone and county carry the same measures
    assert len(zhengzhou) == 51 and len(luoyang) == 49 and len(gongyi) == 48
    assert {"2.2", "6.3", "7.1"} <= gongyi       # 相关地市: every unit must confirm


def test_a_unit_cannot_report_on_what_is_not_its_own(ledger):
    with pytest.raises(UnknownMeasure, match="省级负责"):
        ledger.record("1.1", status="已完成")
    with pytest.raises(UnknownMeasure, match="不含洛阳市"):
        ledger.record("8.1", status="已完成")
    with pytest.raises(InvalidInput, match="不涉及"):
        ledger.record("1.2", status="不涉及")


def test_relevant_measure_confirmation(ledger):
    row = ledger.record("2.2", status="不涉及")
    assert row.status == "不涉及" and row.involved is False
    row = ledger.record("2.2", involved=True)
    assert row.involved is True and row.status == "未启动"
    row = ledger.record("7.1", status="推进中")
    assert row.involved is True


def test_names_missing_from_the_list_become_other_units(tmp_path):
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    plan["sections"][0]["tasks"][0]["measures"][0]["responsibility"] = "洛阳市、省高院"
    with Ledger.create(tmp_path / "x.db", unit="洛阳市", plan=plan) as ledger:
        kinds = {u.name: u.kind for u in ledger.units()}
        assert kinds["省高院"] == "other"
        assert "1.1" in _visible(ledger, "洛阳市")
        # A department the plan names sees only what names it, not what every city carries.
        assert _visible(ledger, "省高院") == {"1.1"}
        with pytest.raises(UnknownMeasure, match="不在地市名单"):
            ledger.record("1.2", status="推进中", unit="省高院")
