"""Edits that cannot happen by accident, undo/redo as recorded changes, each measure's history
— driven through the real widgets, outcomes read back from the reopened ledger."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from models.ledger import Ledger
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger


def select_measure(window, code: str) -> None:
    row = window.model.row_of(code)
    assert row >= 0, f"{code} not in the table"
    window.table.selectRow(row)
    assert window.panel.code == code


def wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(QPoint(0, 0))) + centre, QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def audit_actions(path) -> list[str]:
    with Ledger.open(path) as ledger:
        return [a.action for a in ledger.audit_log()]


def test_a_wheel_over_an_unfocused_status_box_changes_nothing(ledger_path, open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    combo = window.panel.status_combo
    window.table.setFocus()
    assert not combo.hasFocus() and combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    before = combo.currentText()
    bar = window.panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    for _ in range(3):
        wheel(combo)
    assert combo.currentText() == before
    assert bar.value() > 0                  # the wheel scrolled the panel instead
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("4.1").row.status == "未启动"
        assert ledger.measure("4.1").row.updated_at is None
    # Once the clerk has clicked into it, the wheel is hers to use.
    window.activateWindow()
    combo.setFocus()
    QApplication.processEvents()
    assert combo.hasFocus()
    wheel(combo, +1)
    wheel(combo, -1)
    wheel(combo, -1)
    assert combo.currentText() != before


def test_undo_and_redo_a_status_an_entry_and_an_attach(ledger_path, open_window, qtbot,
                                                      sample_file, messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    undo, redo = window.undo_actions.undo_action, window.undo_actions.redo_action
    assert not undo.isEnabled()
    select_measure(window, "4.1")
    panel = window.panel

    combo = panel.status_combo
    combo.setCurrentIndex(combo.findData("推进中"))
    combo.activated.emit(combo.currentIndex())
    assert undo.isEnabled() and "4.1" in undo.text()

    def fill(dialog):
        dialog.text_edit.insertPlainText("召开推进会")
        dialog._accept()
    when_modal(fill, qtbot)
    panel.add_entry()
    assert panel.entries_table.rowCount() == 1

    handle = panel.attach_files([sample_file])
    qtbot.waitUntil(lambda: handle.done and panel.evidence_table.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.undo.stack.count() == 3)

    undo.trigger()                           # the attach
    assert panel.evidence_table.rowCount() == 0
    undo.trigger()                           # the entry
    assert panel.entries_table.rowCount() == 0
    undo.trigger()                           # the status
    assert combo.currentData() == "未启动"
    with Ledger.open(ledger_path) as ledger:
        row = ledger.measure("4.1").row
        assert (row.status, row.entry_count, row.evidence_count) == ("未启动", 0, 0)
        assert row.updated_at is None        # 最近更新 is back too
    assert audit_actions(ledger_path)[-3:] == ["undo", "undo", "undo"]

    redo.trigger()
    redo.trigger()
    redo.trigger()
    with Ledger.open(ledger_path) as ledger:
        detail = ledger.measure("4.1")
        assert detail.row.status == "推进中"
        assert [e.text for e in detail.entries] == ["召开推进会"]
        assert [e.original_name for e in detail.evidence] == [sample_file.name]
    assert audit_actions(ledger_path)[-3:] == ["redo", "redo", "redo"]
    assert not messages


def test_undo_is_refused_when_the_measure_changed_since(ledger_path, open_window, messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    select_measure(window, "5.2")
    window.panel._record(status="推进中")
    # Written behind the stack's back (as another connection would).
    window.session.write(window, window.session.ledger.record, "5.2", status="已完成")
    window.undo_actions.undo_action.trigger()
    assert "在此之后又有改动" in messages[-1][2]
    assert window.undo.stack.count() == 0           # it left the stack
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("5.2").row.status == "已完成"


def test_history_shows_who_changed_what(ledger_path, open_window, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("4.1", status="推进中")
        ledger.set_settings(user="李四")
        ledger.add_entry("4.1", "召开专题推进会", date="2021-09-01")
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    view = window.panel.history_view
    rows = [[view.topLevelItem(i).text(c) for c in range(3)] for i in range(view.topLevelItemCount())]
    assert rows[0][1] == "李四" and "新增进展（2021-09-01）：召开专题推进会" in rows[0][2]
    assert rows[1][1] == "张三" and "状态改为“推进中”" in rows[1][2]
    window.panel._record(status="已完成")
    assert "状态改为“已完成”" in view.topLevelItem(0).text(2)


def test_number_field_takes_no_letters_and_keeps_a_refused_figure(ledger_path, open_window,
                                                                   qtbot, messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    edit = next(iter(window.panel.indicator_edits.values()))
    edit.setFocus()
    qtbot.keyClicks(edit, "1a2b.5x")
    assert edit.text() == "12.5"
    edit.editingFinished.emit()
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("4.1").indicators[0].value == 12.5
    assert window.saved_label.text().startswith("已保存")
    # A figure the ledger refuses stays in the field, marked; the status bar does not say 已保存.
    window.saved_label.setText("—")
    edit.setText("1,2,3.4.5")          # typed around the validator, e.g. pasted
    edit.editingFinished.emit()
    assert messages and "不是数字" in messages[-1][2]
    assert edit.text() == "1,2,3.4.5" and "c62828" in edit.styleSheet()
    assert window.saved_label.text() == "—"


def test_a_future_or_out_of_plan_date_is_asked_about(ledger_path, open_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    select_measure(window, "4.1")
    asked = []

    def answer_no(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", answer_no)

    def fill(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().fromString("2022-03-01", "yyyy-MM-dd"))
        dialog.text_edit.insertPlainText("写错了年份")
        dialog._accept()                 # asked, answered No: the dialog stays open
        assert dialog.isVisible()
        dialog.reject()
    when_modal(fill, qtbot)
    window.panel.add_entry()
    assert asked and "晚于今天（2021-10-15）" in asked[0] and "不在方案的时间范围内" in asked[0]
    with Ledger.open(ledger_path) as ledger:
        assert ledger.measure("4.1").entries == []
