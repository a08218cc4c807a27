"""A measure's history from the audit trail, per plan; the names offered for 填报人."""
from __future__ import annotations

from models.history import known_users, measure_history
from models.plan.definition import load_builtin_plan


def test_history_lists_who_changed_what_newest_first(ledger, sample_file):
    ledger.record("4.1", status="推进中")
    entry = ledger.add_entry("4.1", "召开推进会", date="2021-09-01")
    ledger.set_settings(user="李四")
    ledger.update_entry(entry.id, text="召开专题推进会")
    ledger.attach("4.1", sample_file)
    ledger.record("4.2", status="已完成")                       # another measure
    items = measure_history(ledger, "4.1")
    assert [(i.action, i.user) for i in items] == [
        ("attach", "李四"), ("edit_entry", "李四"), ("record", "张三"), ("record", "张三")]
    assert items[-1].detail == {"status": "推进中"}
    assert items[0].detail["name"] == sample_file.name


def test_history_keeps_to_its_own_plan(ledger):
    ledger.record("4.1", status="推进中")
    plan = load_builtin_plan()
    plan.update(year=2022, title=plan["title"].replace("2021", "2022"), deadline="2022-11-30")
    ledger.add_plan(plan)
    assert measure_history(ledger, "4.1") == []                 # 2022's 4.1 is untouched
    ledger.record("4.1", status="已完成")
    assert [i.detail.get("status") for i in measure_history(ledger, "4.1")] == ["已完成"]


def test_known_users(ledger):
    ledger.add_entry("2.1", "a", date="2021-09-01", author="王五")
    ledger.set_settings(user="李四")
    assert known_users(ledger)[0] == "李四"
    assert {"张三", "王五"} <= set(known_users(ledger))
