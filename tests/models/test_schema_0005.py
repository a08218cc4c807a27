"""Migration 0005_task_list_roles: a released ledger upgrades with its data and reads as before
(no roles, no 完成时限 of its own, its period the plan's year); the built-in plan keeps its
shape and scopes exactly."""
from __future__ import annotations

import re
import shutil

import pytest

from models.ledger import Ledger
from models.plan.definition import load_builtin_plan
from models.plan.scope import inherit_responsibility
from models.schema import MIGRATIONS
from tests.support import FIXTURES

RELEASED = sorted(p for p in FIXTURES.glob("schema-v*") if p.is_dir())


def test_the_step_is_named_for_the_issue():
    assert "0005_task_list_roles" in [name for _, name, _ in MIGRATIONS]


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_an_old_ledger_reads_as_before_after_the_step(fixture, tmp_path):
    shutil.copytree(fixture, tmp_path / fixture.name)
    with Ledger.open(tmp_path / fixture.name / "ledger.db") as ledger:
        plan = ledger.plan()
        assert plan.period == str(plan.year) == "2021"
        measures = list(plan.measures())
        assert len(measures) == 59
        assert all(m.deadline is None and m.deadline_text == "" and m.target is None
                   and m.number == "" and m.extra == [] and not m.roles_given for m in measures)
        m85 = next(m for m in measures if m.code == "8.5")
        assert (m85.lead, m85.assisting) == (["郑州市", "洛阳市"], [])
        rows = ledger.measures()
        assert rows and all(r.role == "" and r.own_deadline is None and r.deadline == "2021-11-30"
                            for r in rows)
        row = ledger.record("8.5", status="已完成")
        assert row.status == "已完成"


def _old_scope(text: str) -> str:
    """The 2021 reading of a 责任地市 cell, written out independently of the reader."""
    if text in ("--", ""):
        return "issuer"
    if "各省辖市" in text:
        return "all"
    if text.startswith("相关地市"):
        return "relevant"
    return "named"


def test_the_builtin_plan_keeps_its_shape_and_scopes_exactly(ledger):
    definition = load_builtin_plan()
    cells = [m["responsibility"] for s in definition["sections"] for t in s["tasks"]
             for m in t["measures"]]
    expected = [_old_scope(text) for text in inherit_responsibility(cells)]
    plan = ledger.plan()
    assert (len(plan.sections), sum(len(s.tasks) for s in plan.sections),
            len(list(plan.measures()))) == (6, 18, 59)
    assert [m.scope for m in plan.measures()] == expected
    assert expected.count("issuer") == 8 and "all" in expected and "relevant" in expected
    named = {m.code: m.units for m in plan.measures() if m.scope == "named"}
    assert named and all(units and all(re.fullmatch(r"\w+市", u) for u in units)
                         for units in named.values())
    kinds = [u.kind for u in ledger.units()]
    assert (kinds.count("city"), kinds.count("zone"), kinds.count("county"), len(kinds)) == (17, 1, 10, 28)
