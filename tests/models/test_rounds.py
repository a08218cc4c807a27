"""Reporting rounds, the "as of" view every export reads through, and the reminders."""
from __future__ import annotations

import json

import pytest

from models.errors import InvalidInput
from models.fingerprint import content_fingerprint, ledger_fingerprint
from models.handin import unit_data
from models.ledger import Ledger
from models.reminders import reminders
from models.rounds import MAX_ROUNDS, import_rounds
from models.summary import evidence_numbers, summarize

Q3 = "2021年第三季度"


@pytest.fixture
def q3(ledger, tmp_path):
    """洛阳市 with entries and evidence either side of 2021-09-30, and the Q3 round."""
    code = ledger.measures()[0].code
    ledger.record(code, status="推进中", note="九月底前的进展", date="2021-09-30")
    ledger.record(code, note="十月一日的进展", date="2021-10-01")
    before = tmp_path / "九月纪要.pdf"
    before.write_bytes(b"%PDF-1.4 september")
    after = tmp_path / "十月纪要.pdf"
    after.write_bytes(b"%PDF-1.4 october")
    ledger.attach(code, before, date="2021-09-28")
    ledger.attach(code, after, date="2021-10-01")
    ledger.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")
    return ledger, code


def test_rounds_are_stored_and_listed(ledger, ledger_path):
    ledger.add_round("2021年上半年", cutoff="2021-06-30", due="2021-07-10")
    ledger.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")
    ledger.close()
    with Ledger.open(ledger_path) as reopened:
        assert [(r.name, r.cutoff, r.due) for r in reopened.rounds()] == [
            ("2021年上半年", "2021-06-30", "2021-07-10"), (Q3, "2021-09-30", "2021-10-10")]
        assert reopened.rounds()[1].label == "2021年第三季度（截至2021年9月30日）"
        assert reopened.audit_log()[-1].action == "add_round"


@pytest.mark.parametrize("name, cutoff, due, words", [
    (Q3, "2021-12-31", "2022-01-10", "还没有到"),          # a cut-off in the future
    (Q3, "2021-09-30", "2021-09-01", "早于截至日期"),
    (Q3, "2020-09-30", "2020-10-10", "方案期间"),
    ("", "2021-09-30", "2021-10-10", "不能为空"),
    ("季" * 61, "2021-09-30", "2021-10-10", "过长"),
    (Q3, "2021-9-30", "2021-10-10", "YYYY-MM-DD"),
])
def test_bad_rounds_are_refused_and_change_nothing(ledger, name, cutoff, due, words):
    before = len(ledger.audit_log())
    with pytest.raises(InvalidInput, match=words):
        ledger.add_round(name, cutoff=cutoff, due=due)
    assert ledger.rounds() == [] and len(ledger.audit_log()) == before


def test_a_round_name_is_taken_once_and_rounds_are_bounded(ledger):
    ledger.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")
    with pytest.raises(InvalidInput, match="已有"):
        ledger.add_round(f" {Q3} ", cutoff="2021-09-30", due="2021-10-10")
    from models import db as dbmod
    with dbmod.transaction(ledger.db):
        for k in range(MAX_ROUNDS - 1):
            ledger.db.execute("INSERT INTO rounds (plan_id, name, cutoff, due, created_at) VALUES"
                              " (?, ?, '2021-01-31', '2021-02-05', 'x')", [ledger.plan_id, f"月报{k}"])
    with pytest.raises(InvalidInput, match=str(MAX_ROUNDS)):
        ledger.add_round("再一个", cutoff="2021-09-30", due="2021-10-10")


def test_the_view_as_of_a_round_leaves_out_what_came_after_its_cut_off(q3):
    ledger, code = q3
    view = ledger.as_of(round_name=Q3)
    assert view.cutoff == "2021-09-30" and view.round.name == Q3
    assert view.today().isoformat() == "2021-09-30"
    assert [e.text for e in view.measure(code).entries] == ["九月底前的进展"]
    assert [e.original_name for e in view.measure(code).evidence] == ["九月纪要.pdf"]
    row = next(r for r in view.measures() if r.code == code)
    assert (row.entry_count, row.evidence_count, row.last_entry_date) == (1, 1, "2021-09-30")
    assert [n.number for n in evidence_numbers(view)] == [f"{code}-1"]
    assert summarize(view).on.isoformat() == "2021-09-30" and summarize(view).round_name == Q3
    # the ledger itself still has everything, and the view wrote nothing
    assert len(ledger.measure(code).entries) == 2 and len(ledger.evidence_for(code)) == 2
    data = unit_data(view)
    assert data["round"] == {"name": Q3, "cutoff": "2021-09-30", "due": "2021-10-10"}
    assert ledger_fingerprint(view) == content_fingerprint(data) != ledger_fingerprint(ledger)
    # a view shares the connection: closing it leaves the ledger open
    view.close()
    assert ledger.measures()


def test_a_view_is_refused_for_an_unknown_round_or_one_not_yet_cut_off(q3, tmp_path):
    ledger, _code = q3
    with pytest.raises(InvalidInput, match="没有名为"):
        ledger.as_of(round_name="2021年第四季度")
    from models import db as dbmod
    from models.rounds import store_rounds
    with dbmod.transaction(ledger.db):          # announced by the province in advance
        store_rounds(ledger.db, ledger.plan_id, [{"name": "年终", "cutoff": "2021-12-31",
                                                  "due": "2022-01-10"}])
    with pytest.raises(InvalidInput, match="还没有到"):
        ledger.as_of(round_name="年终")


def test_package_versions_count_within_a_round(q3):
    from models.versions import next_package, record_package
    ledger, code = q3
    view = ledger.as_of(round_name=Q3)
    first = next_package(view)
    assert (first.version, first.round) == (1, Q3)
    assert first.lines()[0].startswith(f"报送轮次“{Q3}”")
    record_package(ledger, first, file_name="a.zip", package_sha256="0" * 64, made_at="2021-10-05T10:00:00+08:00")
    # an entry after the cut-off does not change the round's package
    ledger.record(code, note="十月又一条", date="2021-10-06")
    assert next_package(ledger.as_of(round_name=Q3)).same_as_previous
    # one inside it does: version 2 of the round
    ledger.record(code, note="补记九月", date="2021-09-15")
    again = next_package(ledger.as_of(round_name=Q3))
    assert (again.version, [c.code for c in again.changes]) == (2, [code])
    # a package with no round is counted on its own
    assert next_package(ledger).version == 1


def test_rounds_travel_with_the_plan_file(q3, tmp_path):
    from models.plan.definition import load_builtin_plan
    from models.plan.saved import plan_definition
    ledger, _code = q3
    plan = plan_definition(ledger)
    assert plan["rounds"] == [{"name": Q3, "cutoff": "2021-09-30", "due": "2021-10-10"}]
    path = tmp_path / "方案.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    # a ledger started from the plan file has the rounds
    with Ledger.create(tmp_path / "郑州.db", unit="郑州市", plan=plan) as other:
        assert [r.name for r in other.rounds()] == [Q3]
    # an existing ledger on the same plan takes them in
    with Ledger.create(tmp_path / "开封.db", unit="开封市", plan=load_builtin_plan()) as third:
        assert import_rounds(third, path) == [Q3]
        assert import_rounds(third, path) == []              # again: nothing new
        assert [r.cutoff for r in third.rounds()] == ["2021-09-30"]


def test_a_plan_file_for_another_plan_or_with_bad_rounds_is_refused(q3, tmp_path):
    from models.plan.saved import plan_definition
    ledger, _code = q3
    plan = plan_definition(ledger)
    for change, words in ((dict(year=2022), "另一方案"),
                          (dict(rounds=[{"name": "x", "cutoff": "2021-13-01", "due": "2021-10-10"}]), "无效"),
                          (dict(rounds="全年"), "无效"),
                          (dict(rounds=[{"name": "y" * 100, "cutoff": "2021-09-01", "due": "2021-10-10"}]), "过长")):
        path = tmp_path / "坏方案.json"
        path.write_text(json.dumps({**plan, **change}, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(InvalidInput, match=words):
            import_rounds(ledger, path)
    not_json = tmp_path / "x.json"
    not_json.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(InvalidInput):
        import_rounds(ledger, not_json)
    assert [r.name for r in ledger.rounds()] == [Q3]


def test_reminders_list_overdue_due_soon_and_milestones(ledger, monkeypatch):
    monkeypatch.setenv("TASKLEDGER_TODAY", "2021-09-25")
    rows = ledger.measures()
    late, soon, later, done = (r.code for r in rows[:4])
    ledger.set_deadline(late, "2021-09-20")
    ledger.set_deadline(soon, "2021-09-30")
    ledger.set_deadline(later, "2021-10-30")
    ledger.set_deadline(done, "2021-09-01")
    ledger.record(done, status="已完成")
    ledger.add_milestone(later, text="出台方案", planned="2021-09-28")
    ledger.add_milestone(later, text="印发通知", planned="2021-09-10", done="2021-09-09")
    found = reminders(ledger)
    assert [r.code for r in found.overdue] == [late]
    assert [r.code for r in found.due_soon] == [soon]
    assert [(m.measure_code, m.text, m.days_left) for m in found.milestones] == [(later, "出台方案", 3)]
    data = found.to_dict()
    assert data["overdue"][0]["days_left"] == -5 and data["days"] == 7
    # the window looks as far ahead as the ledger's setting says
    ledger.set_settings(reminder_days="2")
    found = reminders(ledger)
    assert found.due_soon == [] and found.milestones == []
    assert [r.code for r in reminders(ledger, days=40).due_soon] == [soon, later]
    with pytest.raises(InvalidInput):
        reminders(ledger, days=-1)
