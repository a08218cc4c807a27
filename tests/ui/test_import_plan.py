"""方案 → 导入任务清单…: parse off the GUI thread, preview, add on confirmation only."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from models.ledger import Ledger
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger




def plan_2022(tmp_path, *, department: bool = False):
    from models.plan.definition import load_builtin_plan
    plan = load_builtin_plan()
    plan.update(year=2022, title=plan["title"].replace("2021", "2022"), deadline="2022-11-30")
    if department:
        plan["sections"][-1]["tasks"][-1]["measures"][-1]["responsibility"] = "省市场监管局、郑州市"
    path = tmp_path / "2022年任务清单.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def start(window, qtbot, path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.plan_menu.aboutToShow.emit()             # what opening the menu does
    action = next(a for a in window.plan_menu.actions() if a.text() == "导入任务清单(&I)…")
    action.trigger()
    return window.jobs[-1] if window.jobs else None


def test_import_shows_a_preview_and_switches_to_the_new_plan(ledger_path, tmp_path, open_window,
                                                             close_window, qtbot, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    source = plan_2022(tmp_path)
    seen = {}

    def look_and_confirm(dialog):
        seen["summary"] = dialog.summary_label.text()
        tree = dialog.tree
        seen["sections"] = tree.topLevelItemCount()
        first_task = tree.topLevelItem(0).child(0)
        seen["first"] = [first_task.child(0).text(c) for c in range(4)]
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    when_modal(look_and_confirm)
    handle = start(window, qtbot, source, monkeypatch)
    qtbot.waitUntil(lambda: window.plan.year == 2022, timeout=30000)
    assert handle.done
    assert "2022" in seen["summary"] and "2022-11-30" in seen["summary"]
    assert "59 条落实举措" in seen["summary"] and "2022年任务清单.json" in seen["summary"]
    assert seen["sections"] >= 2
    # 1.1 is a provincial-level measure ("--"): shown with its scope, as the plan reads.
    assert seen["first"][0].startswith("1.1") and seen["first"][1:3] == ["--", "省级"]
    assert seen["first"][3] == "2022-11-30"
    assert "2022" in window.windowTitle() and window.model.rowCount() > 0
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        plans = ledger.plans()
        assert sorted(p.year for p in plans) == [2021, 2022]
        assert ledger.plan().year == 2022


def test_cancelled_preview_writes_nothing(ledger_path, tmp_path, open_window, close_window,
                                          qtbot, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    closed = []

    def cancel(dialog):
        closed.append(dialog.windowTitle())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    when_modal(cancel)
    handle = start(window, qtbot, plan_2022(tmp_path), monkeypatch)
    qtbot.waitUntil(lambda: handle.done and bool(closed), timeout=30000)
    assert closed == ["导入任务清单 — 预览"]
    assert window.plan.year == 2021
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        assert [p.year for p in ledger.plans()] == [2021]


def test_a_file_that_is_not_a_task_list_is_refused_with_its_row(ledger_path, tmp_path,
                                                                open_window, close_window,
                                                                qtbot, messages, monkeypatch):
    from openpyxl import Workbook
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    bad = tmp_path / "通讯录.xlsx"
    wb = Workbook()
    wb.active.title = "通讯录"
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    wb.save(bad)
    handle = start(window, qtbot, bad, monkeypatch)
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert messages and messages[-1][0] == "warning"
    assert "通讯录" in messages[-1][2]                  # names the file/sheet
    assert QApplication.activeModalWidget() is None     # no preview was offered
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        assert [p.year for p in ledger.plans()] == [2021]


def test_a_broken_word_file_is_refused(ledger_path, tmp_path, open_window, close_window, qtbot,
                                       messages, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    bad = tmp_path / "附件.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    handle = start(window, qtbot, bad, monkeypatch)
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert messages and "附件.docx" in messages[-1][2]
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        assert len(ledger.plans()) == 1


def test_preview_names_responsible_units_missing_from_the_unit_list(tmp_path):
    from models.plan.reader import read_plan_file
    from ui.plan_preview import PlanPreviewDialog
    source = plan_2022(tmp_path, department=True)
    dialog = PlanPreviewDialog(read_plan_file(source), source)
    assert dialog.unknown_names == ["省市场监管局"]
    assert "省市场监管局" in dialog.unknown_label.text()
    last = dialog.tree.topLevelItem(dialog.tree.topLevelItemCount() - 1)
    task = last.child(last.childCount() - 1)
    measure = task.child(task.childCount() - 1)
    assert measure.text(1) == "省市场监管局、郑州市" and measure.text(2) == "指定地市"
    dialog.deleteLater()
