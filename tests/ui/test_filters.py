"""Filters, search and sorting in the window return the right rows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.ledger import Ledger
from models.summary import summarize
from tests.support import fresh_ledger

DONE_CODES = ["1.2", "3.1", "9.1"]


@pytest.fixture
def filled(ledger_path, tmp_path):
    with fresh_ledger(ledger_path) as ledger:
        for code in DONE_CODES:
            ledger.record(code, status="已完成")
        ledger.record("4.1", status="推进中")
        ledger.add_entry("4.1", "建设桂花知识产权示范基地", date="2021-10-01")
        proof = tmp_path / "蓝莓合作协议.pdf"
        proof.write_bytes(b"%PDF-1.4 blueberry")
        ledger.attach("3.1", proof)
        ledger.record("2.4", involved=False)
    return ledger_path


def shown(window) -> list[str]:
    return window.model.codes()


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_status_section_and_scope_filters(filled, open_window):
    window = open_window(filled)
    with Ledger.open(filled) as ledger:
        rows = ledger.measures()
    assert shown(window) == [r.code for r in rows]

    choose(window.status_combo, "已完成")
    assert shown(window) == DONE_CODES
    choose(window.status_combo, "不涉及")
    assert shown(window) == ["2.4"]
    window.clear_filters()

    section = rows[20].section
    choose(window.section_combo, section)
    assert shown(window) == [r.code for r in rows if r.section == section]
    assert window.tree.current_node() == (section, None)     # the tree follows
    window.clear_filters()

    choose(window.scope_combo, "relevant")
    assert shown(window) == [r.code for r in rows if r.scope == "relevant"]
    choose(window.status_combo, "不涉及")                       # filters combine
    assert shown(window) == ["2.4"]


def test_tree_node_narrows_to_a_task(filled, open_window):
    window = open_window(filled)
    root = window.tree.topLevelItem(0)
    task_item = root.child(1).child(0)           # second section, its first task
    window.tree.setCurrentItem(task_item)
    section, task_no = window.tree.current_node()
    with Ledger.open(filled) as ledger:
        expected = [r.code for r in ledger.measures() if r.task_no == task_no]
    assert expected and shown(window) == expected
    assert window.section_combo.currentData() == section
    # The tree shows counts and completion per node.
    with Ledger.open(filled) as ledger:
        rows = ledger.measures()
    carried = [r for r in rows if r.status != "不涉及"]
    assert root.text(1) == str(len(rows))
    assert root.text(2) == f"{len(DONE_CODES)}/{len(carried)}"


def test_attention_filters_match_the_summary(filled, open_window, monkeypatch):
    window = open_window(filled)
    window.no_evidence_check.setChecked(True)
    assert shown(window) == ["1.2", "9.1"]           # 3.1 has its evidence
    window.clear_filters()

    window.stale_check.setChecked(True)
    with Ledger.open(filled) as ledger:
        stale = [r.code for r in summarize(ledger).stale]
    assert stale and shown(window) == stale
    window.clear_filters()

    # Move "today" so the plan's 2021-11-30 deadline is near, then past.
    for today, state, combo_value in (("2021-11-25", "临期", "临期"), ("2021-12-05", "逾期", "逾期")):
        monkeypatch.setenv("TASKLEDGER_TODAY", today)
        choose(window.deadline_combo, combo_value)
        with Ledger.open(filled) as ledger:
            expected = [r.code for r in ledger.measures() if r.deadline_state == state]
        assert expected and shown(window) == expected
        assert "4.1" in expected and "1.2" not in expected      # done is never late
        window.clear_filters()


def test_search_finds_text_entries_and_evidence_names(filled, open_window, qtbot):
    window = open_window(filled)
    for text, expected in (("桂花知识产权示范", ["4.1"]),    # a progress entry
                           ("蓝莓合作", ["3.1"]),           # an evidence file name
                           ("桂花", ["4.1"]),               # two characters: no trigram
                           ("不存在的内容啊", [])):
        window.search_edit.setText(text)
        qtbot.waitUntil(lambda: not window.search_timer.isActive())
        assert shown(window) == expected, text
    with Ledger.open(filled) as ledger:
        by_text = ledger.search("专利导航")
    window.search_edit.setText("专利导航")
    window.search_edit.returnPressed.emit()
    assert by_text and shown(window) == by_text
    choose(window.status_combo, "已完成")                    # search and filter combine
    assert shown(window) == [c for c in by_text if c in DONE_CODES]


def test_sort_by_any_column_uses_raw_values(filled, open_window):
    from ui.measure_table import COLUMNS, SORT_ROLE
    window = open_window(filled)
    model = window.model
    column = [key for key, _ in COLUMNS].index("evidence")
    window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert model.code_at(0) == "3.1"
    id_column = 0
    window.table.sortByColumn(id_column, Qt.SortOrder.AscendingOrder)
    keys = [model.data(model.index(r, id_column), SORT_ROLE) for r in range(model.rowCount())]
    assert keys == sorted(keys)
    assert model.code_at(model.row_of("10.1")) == "10.1"
    assert model.row_of("10.1") > model.row_of("9.2")        # numeric, not "10" < "9"
    everything = sorted(model.codes())
    for key in ("id", "task", "text", "updated", "evidence", "deadline"):
        col = [k for k, _ in COLUMNS].index(key)
        window.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
        values = [model.data(model.index(r, col), SORT_ROLE) for r in range(model.rowCount())]
        assert values == sorted(values, reverse=True), key
        assert sorted(model.codes()) == everything            # sorting never drops a row


def test_table_fetches_rows_on_demand(filled, open_window, monkeypatch):
    from models import queries
    from ui import measure_table
    window = open_window(filled)
    calls = []
    real = queries.measure_rows
    monkeypatch.setattr(measure_table.queries, "measure_rows",
                        lambda ledger, codes, **kw: calls.append(list(codes)) or real(ledger, codes, **kw))
    monkeypatch.setattr(measure_table, "BLOCK", 10)
    window.model.reload()
    model = window.model
    assert model._rows == {}
    model.data(model.index(0, 0))
    assert calls == [model.codes()[:10]]
    model.data(model.index(5, 2))
    assert len(calls) == 1                   # served from the cached block
    model.data(model.index(12, 2))
    assert calls[-1] == model.codes()[10:20]
