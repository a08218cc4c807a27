"""The list and the panel agree: the panel follows the filter, search says where it matched
(or that nothing was found), the tree keeps its shape, several measures change at once."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from models.ledger import Ledger
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger


def select_measure(window, code: str) -> None:
    row = window.model.row_of(code)
    assert row >= 0, f"{code} not in the table"
    window.table.selectRow(row)
    assert window.panel.code == code


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def select_rows(window, codes) -> None:
    selection = QItemSelection()
    for code in codes:
        row = window.model.row_of(code)
        selection.select(window.model.index(row, 0),
                         window.model.index(row, window.model.columnCount() - 1))
    window.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_the_panel_follows_the_filter_and_starts_at_its_heading(ledger_path, open_window, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("3.1", status="推进中")
        ledger.record("9.1", status="推进中")
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    panel = window.panel
    bar = panel.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    choose(window.status_combo, "推进中")             # 4.1 is 未启动: no longer listed
    assert window.model.codes() == ["3.1", "9.1"]
    assert panel.code in window.model.codes()
    assert window.table.currentIndex().row() == window.model.row_of(panel.code)
    assert panel.title.text().startswith(f"举措 {panel.code}")
    assert bar.value() == 0                           # scrolled to its heading
    assert "不在当前筛选结果中" in window.statusBar().currentMessage()
    # A change that takes the shown measure out of the filter moves on too.
    select_measure(window, "9.1")
    window.panel._record(status="已完成")
    assert window.model.codes() == ["3.1"] and panel.code == "3.1"
    # Nothing listed: nothing to type into.
    window.search_edit.setText("没有这个词")
    window.apply_filter()
    assert window.model.rowCount() == 0 and panel.code is None
    assert not panel.body.isVisible()
    assert window.count_label.text() == "未找到“没有这个词”"


def test_pending_measures_have_their_own_filter(ledger_path, open_window):
    with fresh_ledger(ledger_path) as ledger:
        rows = ledger.measures()
        ledger.record("2.4", involved=True)
    window = open_window(ledger_path)
    pending = [r.code for r in rows if r.scope == "relevant" and r.code != "2.4"]
    choose(window.status_combo, "待确认")
    assert window.model.codes() == pending
    choose(window.status_combo, "未启动")
    assert not set(pending) & set(window.model.codes()) and "2.4" in window.model.codes()


def test_search_covers_problems_and_next_steps_and_says_where(ledger_path, open_window):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("4.1", problems="培育经费不足", next_steps="争取专项经费")
        ledger.add_entry("5.2", "落实专项经费", date="2021-09-01")
    window = open_window(ledger_path)
    window.search_edit.setText("经费")
    window.apply_filter()
    assert window.model.codes() == ["4.1", "5.2"]
    text_column = 2
    shown = window.model.data(window.model.index(0, text_column))
    assert shown.startswith("〔匹配：存在问题、下一步打算〕")
    assert window.model.data(window.model.index(1, text_column)).startswith("〔匹配：进展记录〕")
    select_measure(window, "5.2")
    assert window.panel.search_label.isVisibleTo(window)
    assert window.panel.search_label.text() == "搜索到：进展记录"


def test_the_tree_keeps_its_open_sections_and_follows_the_section_filter(ledger_path, open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    root = window.tree.topLevelItem(0)
    second = root.child(1)
    second.setExpanded(True)
    window.tree.setCurrentItem(second.child(0))       # a task
    task_codes = window.model.codes()
    select_measure(window, task_codes[0])
    window.panel._record(status="推进中")              # a save re-counts the tree
    root = window.tree.topLevelItem(0)
    assert root.child(1).isExpanded()
    assert window.tree.currentItem() is root.child(1).child(0)
    assert window.model.codes() == task_codes
    # The section combo moves the tree to that section, opened.
    choose(window.section_combo, root.child(2).text(0))
    assert window.tree.currentItem() is window.tree.topLevelItem(0).child(2)
    assert window.tree.topLevelItem(0).child(2).isExpanded()


def test_several_measures_at_once(ledger_path, open_window, qtbot, sample_file):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    codes = ["3.1", "4.1", "5.2"]
    select_rows(window, codes)
    bulk = window.bulk
    assert window.right.currentWidget() is bulk and bulk.codes == codes
    choose(bulk.status_combo, "推进中")
    assert bulk.set_status()

    def fill(dialog):
        dialog.text_edit.insertPlainText("召开全市推进会统一部署")
        dialog._accept()
    when_modal(fill, qtbot)
    assert bulk.add_entry()
    handle = bulk.attach_files([sample_file])
    qtbot.waitUntil(lambda: handle.done, timeout=10000)
    qtbot.waitUntil(lambda: window.undo.stack.count() == 3)
    assert window.right.currentWidget() is bulk          # the selection survives the saves
    with Ledger.open(ledger_path) as ledger:
        for code in codes:
            detail = ledger.measure(code)
            assert detail.row.status == "推进中"
            assert [e.text for e in detail.entries] == ["召开全市推进会统一部署"]
            assert [e.original_name for e in detail.evidence] == [sample_file.name]
        assert len({e.id for c in codes for e in ledger.evidence_for(c)}) == 1   # stored once
    # One undo takes the attach back from all three.
    window.undo_actions.undo_action.trigger()
    with Ledger.open(ledger_path) as ledger:
        assert all(ledger.measure(c).evidence == [] for c in codes)
        assert all(len(ledger.measure(c).entries) == 1 for c in codes)
    # 不涉及 is refused for measures that are not 相关地市: all or nothing.
    choose(bulk.status_combo, "不涉及")
    when_modal(lambda dialog: (dialog.reason_edit.setText("不涉及"), dialog.accept()), qtbot)
    assert not bulk.set_status()
    with Ledger.open(ledger_path) as ledger:
        assert {ledger.measure(c).row.status for c in codes} == {"推进中"}
    # Back to one row: the panel shows it.
    select_measure(window, "4.1")
    assert window.right.currentWidget() is window.panel
