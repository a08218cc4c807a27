"""Undo and redo through models.revert: the state comes back exactly, each is audited, and a
change made meanwhile refuses the undo without touching anything."""
from __future__ import annotations

import pytest

from models.errors import InvalidInput
from models.ledger import Ledger
from models.revert import capture, restore
from tests.support import dump_tables


def _do(ledger, codes, action, *args, **kwargs):
    before = capture(ledger, codes)
    action(*args, **kwargs)
    return before, capture(ledger, codes)


def test_undo_puts_status_figure_and_last_update_back(ledger, ledger_path):
    ledger.record("4.1", status="推进中", problems="经费不足")
    first = dump_tables(ledger_path)
    before, after = _do(ledger, ["4.1"], ledger.record, "4.1", status="已完成", value=12,
                        problems="已解决")
    restore(ledger, before, made=after, action="undo", what="修改状态")
    row = ledger.measure("4.1").row
    assert (row.status, row.problems) == ("推进中", "经费不足")
    assert ledger.measure("4.1").indicators[0].value is None
    now = dump_tables(ledger_path)
    # Everything as it was, 最近更新 included; only the audit trail grew (by the undo).
    assert {k: v for k, v in now.items() if k != "audit"} == \
        {k: v for k, v in first.items() if k != "audit"}
    assert [a.action for a in ledger.audit_log()][-2:] == ["record", "undo"]
    restore(ledger, after, made=before, action="redo", what="修改状态")
    assert ledger.measure("4.1").row.status == "已完成"
    assert ledger.measure("4.1").indicators[0].value == 12
    assert ledger.audit_log()[-1].action == "redo"


def test_undo_of_a_first_change_leaves_the_measure_untouched(ledger):
    before, after = _do(ledger, ["5.2"], ledger.record, "5.2", status="推进中")
    assert before["5.2"].assignment is None
    restore(ledger, before, made=after, action="undo")
    row = ledger.measure("5.2").row
    assert (row.status, row.updated_at) == ("未启动", None)
    assert capture(ledger, ["5.2"]) == before


def test_entries_come_back_with_their_author_and_dates(ledger):
    entry = ledger.add_entry("3.1", "初稿", date="2021-09-01", author="李四")
    before, after = _do(ledger, ["3.1"], ledger.delete_entry, entry.id)
    assert ledger.measure("3.1").entries == []
    restore(ledger, before, made=after, action="undo")
    back = ledger.measure("3.1").entries
    assert [(e.id, e.date, e.author, e.text) for e in back] == [(entry.id, "2021-09-01", "李四", "初稿")]
    assert ledger.search("初稿") == ["3.1"]          # the search sees it again
    before, after = _do(ledger, ["3.1"], ledger.update_entry, entry.id, text="改过")
    restore(ledger, before, made=after, action="undo")
    assert ledger.entry(entry.id).text == "初稿"


def test_attach_undo_unlinks_and_redo_links_again(ledger, sample_file):
    before, after = _do(ledger, ["8.5"], ledger.attach, "8.5", sample_file)
    restore(ledger, before, made=after, action="undo")
    assert ledger.evidence_for("8.5") == []
    restore(ledger, after, made=before, action="redo")
    assert [e.original_name for e in ledger.evidence_for("8.5")] == [sample_file.name]


def test_many_measures_in_one_transaction(ledger):
    codes = ["2.1", "3.1", "4.1"]
    before = capture(ledger, codes)
    for code in codes:
        ledger.record(code, status="推进中", note="统一部署", date="2021-09-01")
    after = capture(ledger, codes)
    restore(ledger, before, made=after, action="undo", what="批量")
    assert {ledger.measure(c).row.status for c in codes} == {"未启动"}
    assert all(ledger.measure(c).entries == [] for c in codes)
    assert [a.target for a in ledger.audit_log()[-3:]] == [f"{c}@洛阳市" for c in codes]


def test_a_change_made_since_refuses_the_undo_and_changes_nothing(ledger, ledger_path):
    before, after = _do(ledger, ["4.1"], ledger.record, "4.1", status="推进中")
    ledger.record("4.1", status="已完成")            # not through the undo stack
    snapshot = dump_tables(ledger_path)
    with pytest.raises(InvalidInput, match="4.1 在此之后又有改动"):
        restore(ledger, before, made=after, action="undo")
    assert dump_tables(ledger_path) == snapshot
    changes = ledger.take_changes()
    assert "4.1" in changes.measures                 # the views still re-read


def test_restore_survives_reopening(ledger_path):
    with Ledger.create(ledger_path, unit="洛阳市", user="张三") as ledger:
        before, after = _do(ledger, ["2.4"], ledger.record, "2.4", involved=False, reason="本市无此类园区")
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("2.4").row.not_involved_reason == "本市无此类园区"
        restore(ledger, before, made=after, action="undo")
    with Ledger.open(ledger_path) as ledger:
        row = ledger.measure("2.4").row
        assert (row.status, row.involved, row.not_involved_reason) == ("未启动", None, "")


def test_capture_refuses_an_absurd_number_of_measures(ledger):
    with pytest.raises(InvalidInput, match="一次最多"):
        capture(ledger, [f"{i}.1" for i in range(2000)])
