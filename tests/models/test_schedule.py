"""A measure's own deadline, its 完成进度 and its milestones: stored, audited, refused when bad."""
from __future__ import annotations

import json

import pytest

from models.errors import InvalidInput
from models.ledger import Ledger
from models.schedule import MAX_MILESTONES


def _audit_count(ledger) -> int:
    return len(ledger.audit_log())


def _row(ledger, code):
    return next(r for r in ledger.measures() if r.code == code)


def test_the_unit_sets_a_deadline_with_who_and_when(ledger, ledger_path):
    code = ledger.measures()[0].code
    assert _row(ledger, code).deadline_source == "plan"
    ledger.set_deadline(code, "2021-09-30")
    ledger.close()
    with Ledger.open(ledger_path) as reopened:
        row = _row(reopened, code)
        assert (row.deadline, row.deadline_source, row.unit_deadline) == ("2021-09-30", "measure",
                                                                          "2021-09-30")
        assert row.deadline_set_by == "张三" and row.deadline_set_at
        last = reopened.audit_log()[-1]
        assert (last.action, last.user) == ("deadline", "张三")
        assert json.loads(last.detail) == {"old": None, "new": "2021-09-30"}
        reopened.set_deadline(code, None)            # back to the list / the plan's date
        row = _row(reopened, code)
        assert (row.deadline, row.deadline_source, row.unit_deadline) == ("2021-11-30", "plan", None)


@pytest.mark.parametrize("day", ["2022-03-01", "2020-12-31", "2021-13-01", "明年", "0001-01-01"])
def test_a_deadline_outside_the_plan_period_is_refused(ledger, day):
    code = ledger.measures()[0].code
    before = _audit_count(ledger)
    with pytest.raises(InvalidInput) as refused:
        ledger.set_deadline(code, day)
    assert "\n" not in str(refused.value)
    assert _audit_count(ledger) == before and _row(ledger, code).unit_deadline is None


def test_progress_is_checked_and_a_start_moves_the_status(ledger):
    code = ledger.measures()[0].code
    before = _audit_count(ledger)
    for bad in ("-1", "100.5", "abc", "nan", "1e3", "六十", "5%0"):
        with pytest.raises(InvalidInput):
            ledger.record(code, progress=bad, status="推进中", note="不应写入")
    assert _audit_count(ledger) == before
    row = _row(ledger, code)
    assert (row.status, row.entry_count, row.recorded_progress) == ("未启动", 0, None)
    ledger.record(code, progress="35%")
    row = _row(ledger, code)
    assert (row.status, row.progress) == ("推进中", 35.0)
    ledger.record(code, progress="")                 # cleared
    assert _row(ledger, code).recorded_progress is None
    relevant = next(r for r in ledger.measures() if r.scope == "relevant")
    ledger.record(relevant.code, status="不涉及")
    with pytest.raises(InvalidInput, match="不涉及"):
        ledger.record(relevant.code, progress=50)


def test_milestones_are_added_ticked_and_deleted(ledger, ledger_path):
    code = ledger.measures()[0].code
    first = ledger.add_milestone(code, text="  出台实施方案\x07 ", planned="2021-06-30")
    assert (first.text, first.done) == ("出台实施方案", None)
    ledger.add_milestone(code, text="召开推进会", planned="2021-03-31", done="2021-03-20")
    changes = ledger.take_changes()
    assert code in changes.milestones and changes.touches(code)
    ledger.update_milestone(first.id, done="2021-07-02")
    ledger.close()
    with Ledger.open(ledger_path) as reopened:
        steps = reopened.milestones(code)
        assert [(m.planned, m.text, m.done) for m in steps] == [
            ("2021-03-31", "召开推进会", "2021-03-20"), ("2021-06-30", "出台实施方案", "2021-07-02")]
        detail = reopened.measure(code)
        assert [m.text for m in detail.milestones] == ["召开推进会", "出台实施方案"]
        assert detail.row.milestone_count == 2
        reopened.delete_milestone(steps[0].id)
        assert [m.text for m in reopened.milestones(code)] == ["出台实施方案"]
        assert [a.action for a in reopened.audit_log()[-4:]] == [
            "add_milestone", "add_milestone", "edit_milestone", "delete_milestone"]


def test_bad_milestones_are_refused_and_change_nothing(ledger):
    code = ledger.measures()[0].code
    ledger.set_deadline(code, "2021-09-30")
    before = _audit_count(ledger)
    for kwargs in ({"text": "后于时限", "planned": "2021-10-01"},      # after its deadline
                   {"text": "方案期外", "planned": "2020-06-30"},
                   {"text": "", "planned": "2021-06-30"},
                   {"text": "\x00\x01", "planned": "2021-06-30"},
                   {"text": "很" * 501, "planned": "2021-06-30"},
                   {"text": "未来完成", "planned": "2021-06-30", "done": "2021-12-01"},
                   {"text": "日期不对", "planned": "2021/06/30"}):
        with pytest.raises(InvalidInput):
            ledger.add_milestone(code, **kwargs)
    assert ledger.milestones(code) == [] and _audit_count(ledger) == before
    # a deadline earlier than a milestone is refused too
    ledger.add_milestone(code, text="出台方案", planned="2021-08-31")
    with pytest.raises(InvalidInput, match="阶段节点"):
        ledger.set_deadline(code, "2021-08-01")
    assert _row(ledger, code).deadline == "2021-09-30"


def test_a_measure_takes_at_most_so_many_milestones(ledger):
    code = ledger.measures()[0].code
    for k in range(MAX_MILESTONES):
        ledger.add_milestone(code, text=f"节点{k}", planned="2021-06-30")
    with pytest.raises(InvalidInput, match=str(MAX_MILESTONES)):
        ledger.add_milestone(code, text="再一个", planned="2021-06-30")
    assert len(ledger.milestones(code)) == MAX_MILESTONES


def test_the_province_cannot_set_time_on_a_measure_the_unit_does_not_carry(ledger):
    issuer = next(m for m in ledger.plan().measures() if m.scope == "issuer")
    with pytest.raises(Exception, match="省级"):
        ledger.set_deadline(issuer.code, "2021-09-30")
    with pytest.raises(Exception, match="省级"):
        ledger.add_milestone(issuer.code, text="x", planned="2021-06-30")
