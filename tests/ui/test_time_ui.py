"""Time in the window: reminders on opening, the panel's deadline / 完成进度 / milestones, the
lights in the table and on the dashboard, the filtered list, rounds, the thresholds."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from models.ledger import Ledger
from models.queries import MeasureFilter, measure_codes
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger

Q3 = "2021年第三季度"


def wait_job(qtbot, handle, timeout=120000):
    if not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=timeout):
            pass


def make_ledger(path: Path) -> None:
    """洛阳市 on 2021-10-15: 1.2 overdue (its own deadline 10-10), 1.3 due on 10-20, a
    milestone of 2.1 due on 10-18; entries either side of 09-30."""
    with fresh_ledger(path) as ledger:
        ledger.set_deadline("1.2", "2021-10-10")
        ledger.set_deadline("1.3", "2021-10-20")
        ledger.add_milestone("2.1", text="出台实施方案", planned="2021-10-18")
        ledger.record("1.2", status="推进中", progress=50, note="九月底推进会", date="2021-09-30")
        ledger.record("1.2", note="十月一日印发", date="2021-10-01")
        ledger.add_round(Q3, cutoff="2021-09-30", due="2021-10-10")


def test_reminders_appear_on_opening_each_a_click_away(ledger_path, open_window, qtbot):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    qtbot.waitUntil(lambda: getattr(window, "reminder_dialog", None) is not None, timeout=5000)
    dialog = window.reminder_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.codes() == ["1.2", "1.3", "2.1"]
    assert "已逾期 1 项，7 天内到期 1 项，到期的阶段节点 1 个" in dialog.head.text()
    # the window stays usable beside it; a double-click opens the measure
    window.open_measure("4.1")
    group = dialog.tree.topLevelItem(2)
    dialog.tree.itemActivated.emit(group.child(0), 0)
    assert window.panel.code == "2.1"


def test_a_measure_not_yet_confirmed_is_reminded_as_such(ledger_path, open_window, qtbot):
    """2.2 is a 相关地市 measure 洛阳市 has not confirmed: 待确认 as in the table, not 未启动."""
    with fresh_ledger(ledger_path) as ledger:
        ledger.set_deadline("2.2", "2021-10-10")
        assert ledger.measure("2.2").row.pending
    window = open_window(ledger_path)
    qtbot.waitUntil(lambda: getattr(window, "reminder_dialog", None) is not None, timeout=5000)
    line = window.reminder_dialog.tree.topLevelItem(0).child(0)
    assert line.text(0) == "2.2" and "待确认" in line.text(2) and "未启动" not in line.text(2)
    row = next(r for r in range(window.model.rowCount())
               if window.model.index(r, 0).data() == "2.2")
    assert window.model.index(row, 4).data() == "待确认"


def test_no_reminders_no_dialog(ledger_path, open_window, qtbot):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    qtbot.wait(50)
    assert getattr(window, "reminder_dialog", None) is None
    window.build_menus()
    window.reminders_action.trigger()             # 视图 → 到期提醒 shows it anyway
    assert window.reminder_dialog.isVisible() and window.reminder_dialog.codes() == []


def test_the_panel_sets_deadline_progress_and_milestones(ledger_path, open_window, qtbot,
                                                         close_window):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    window.open_measure("3.1")
    box = window.panel.time_box
    assert "暂按报送截止日期" in box.deadline_source.text()
    box.progress_spin.setValue(40)
    box.progress_spin.editingFinished.emit()
    box.deadline_edit.setDate(box.deadline_edit.date().fromString("2021-10-31", "yyyy-MM-dd"))
    box.set_deadline_button.click()
    assert "本单位设定（张三" in box.deadline_source.text()

    def fill(dialog):
        dialog.text_edit.setText("完成调研")
        dialog.planned_edit.setDate(dialog.planned_edit.date().fromString("2021-09-30", "yyyy-MM-dd"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(fill)
    box.add_milestone()
    assert box.milestones.rowCount() == 1 and "逾期未完成" in box.milestones.item(0, 2).text()
    row = window.model.row_of("3.1")
    # the milestone of 09-30 splits the time in two stages: (1 + 15/31) / 2 = 74 %; red while late
    assert window.model.index(row, 9).data() == "40% / 74%"
    assert window.model.index(row, 9).data(Qt.ItemDataRole.ToolTipRole).endswith("1 个阶段节点已过计划日期未完成")
    box.milestones.selectRow(0)
    box.tick_milestone_button.click()
    assert "已完成 2021-10-15" in box.milestones.item(0, 2).text()
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        row = ledger.measure("3.1").row
        assert (row.status, row.recorded_progress, row.unit_deadline) == ("推进中", 40.0, "2021-10-31")
        assert [(m.text, m.done) for m in ledger.milestones("3.1")] == [("完成调研", "2021-10-15")]


def test_the_table_and_dashboard_filter_by_light(ledger_path, open_window, qtbot):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    window.light_combo.setCurrentIndex(window.light_combo.findData("red"))
    with Ledger.open(ledger_path) as ledger:
        red = measure_codes(ledger, MeasureFilter(light="red"))
    assert window.model.codes() == red and "1.2" in red
    window.clear_filters()
    dashboard = window.dashboard
    window.tabs.setCurrentWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.summary is not None)
    assert dashboard.lights.buttons["red"].text() == f"红灯 {len(red)} 项"
    dashboard.lights.buttons["red"].click()
    assert window.tabs.currentIndex() == 0 and window.model.codes() == red


def test_the_filtered_list_exports_with_its_filter_in_the_title(ledger_path, open_window, qtbot,
                                                                tmp_path, monkeypatch):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    window.build_menus()
    window.light_combo.setCurrentIndex(window.light_combo.findData("red"))
    out = tmp_path / "清单.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(window, "offer_open", lambda path: None)
    from exports.documents import FILTERED_LIST
    wait_job(qtbot, window.list_actions.export(FILTERED_LIST))
    ws = load_workbook(out).active
    assert ws["A1"].value == "洛阳市2021年举措进展清单（红灯）"
    assert [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)] == window.model.codes()


def test_exports_follow_the_round_chosen(ledger_path, open_window, qtbot, tmp_path, monkeypatch):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    window.build_menus()
    window.round_actions.fill()
    assert list(window.round_actions.choice_actions) == [None, Q3]
    window.round_actions.choice_actions[Q3].trigger()
    assert window.export_round == Q3
    out = tmp_path / "q3.xlsx"
    names = []

    def save(parent, title, name, *a, **k):
        names.append(Path(name).name)
        return str(out), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(window, "offer_open", lambda path: None)
    wait_job(qtbot, window.exports.export("completion_table"))
    assert names == [f"洛阳市2021年任务完成情况表（{Q3}）.xlsx"]
    cells = [str(c.value) for row in load_workbook(out).worksheets[0].iter_rows() for c in row
             if c.value]
    assert any("九月底推进会" in c for c in cells) and not any("十月一日印发" in c for c in cells)


def test_rounds_dialog_adds_and_refuses(ledger_path, open_window, qtbot, messages):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    from ui.rounds_view import RoundsDialog
    dialog = RoundsDialog(window.session, window)
    dialog.name_edit.setText("2021年上半年")
    dialog.cutoff_edit.setDate(dialog.cutoff_edit.date().fromString("2021-06-30", "yyyy-MM-dd"))
    dialog.due_edit.setDate(dialog.due_edit.date().fromString("2021-07-10", "yyyy-MM-dd"))
    assert dialog.add() and dialog.table.rowCount() == 2
    dialog.name_edit.setText("年终")
    dialog.cutoff_edit.setDate(dialog.cutoff_edit.date().fromString("2021-12-31", "yyyy-MM-dd"))
    dialog.due_edit.setDate(dialog.due_edit.date().fromString("2022-01-10", "yyyy-MM-dd"))
    assert not dialog.add()
    assert "还没有到" in messages[-1][2] and dialog.table.rowCount() == 2


def test_settings_carry_the_thresholds(ledger_path, open_window, qtbot):
    make_ledger(ledger_path)
    window = open_window(ledger_path)
    from ui.dialogs import SettingsDialog
    dialog = SettingsDialog(window.session.ledger.settings(), window)
    values = dialog.values()
    assert (values["light_yellow"], values["light_red"], values["reminder_days"]) == ("10", "30", "7")
    dialog.pace_spins["reminder_days"].setValue(3)
    window.session.write(window, window.session.ledger.set_settings, **dialog.values())
    assert window.deadline_combo.itemText(2) == "临期（3天内）"
    assert window.session.ledger.pace().reminder_days == 3
