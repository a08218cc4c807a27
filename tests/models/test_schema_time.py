"""Migration 0009_time_in_the_ledger: a released ledger upgrades with its data; what it
recorded reads as before, with no deadline of the unit's own, no 完成进度, no milestones and
no rounds, and the new fields work at once."""
from __future__ import annotations

import shutil

import pytest

from models.ledger import Ledger
from models.schema import MIGRATIONS
from tests.support import FIXTURES

RELEASED = sorted(p for p in FIXTURES.glob("schema-v*") if p.is_dir())


def test_the_step_is_named_for_the_issue():
    assert "0009_time_in_the_ledger" in [name for _, name, _ in MIGRATIONS]


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_an_old_ledger_upgrades_and_takes_time_at_once(fixture, tmp_path, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-10-15")
    shutil.copytree(fixture, tmp_path / fixture.name)
    path = tmp_path / fixture.name / "ledger.db"
    with Ledger.open(path) as ledger:
        rows = ledger.measures()
        recorded = [r for r in rows if r.updated_at]
        assert rows and all(r.unit_deadline is None and r.recorded_progress is None
                            and r.milestone_count == 0 and r.deadline_source == "plan" for r in rows)
        assert ledger.rounds() == []
        assert ledger.db.execute("SELECT count(*) FROM package_versions WHERE round != ''").fetchone()[0] == 0
        code = rows[0].code
        entries = len(ledger.measure(code).entries)
        ledger.set_deadline(code, "2021-10-31")
        ledger.record(code, progress=50)
        ledger.add_milestone(code, text="出台方案", planned="2021-08-31", done="2021-08-30")
        ledger.add_round("2021年第三季度", cutoff="2021-09-30", due="2021-10-10")
    with Ledger.open(path) as ledger:
        row = next(r for r in ledger.measures() if r.code == code)
        assert (row.deadline, row.recorded_progress, row.milestone_count) == ("2021-10-31", 50.0, 1)
        assert len(ledger.measure(code).entries) == entries
        assert len([r for r in ledger.measures() if r.updated_at]) >= len(recorded)
