"""The import preview shows units with their roles, deadlines as written, every doubt and the
unit list (changeable); a plan that does not name the ledger's unit asks which name is ours.
The workbench shows the unit's role and the list's 完成时限."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from models.ledger import Ledger
from models.plan.reader import read_plan_file
from tests.models import task_list_shapes as shapes
from tests.ui.qt_support import when_modal
from ui.plan_preview import ASSISTING, DEADLINE, LEAD, OTHER, TARGET, PlanPreviewDialog
from tests.support import fresh_ledger


def _measure_items(dialog):
    tree = dialog.tree
    for s in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(s)
        for t in range(section.childCount()):
            task = section.child(t)
            for m in range(task.childCount()):
                yield task.child(m)


def test_preview_shows_roles_deadlines_targets_columns_and_doubts(tmp_path, qtbot):
    source = shapes.city_plan_table(tmp_path / "纲要分工.docx")
    dialog = PlanPreviewDialog(read_plan_file(source), source)
    qtbot.addWidget(dialog)
    items = {item.text(0).split("　")[0]: item for item in _measure_items(dialog)}
    assert items["2.1"].text(LEAD) == "市科技局" and items["2.1"].text(ASSISTING) == "市财政局、市统计局"
    assert items["1.1"].text(DEADLINE) == "2025年底前（2025-12-31）"
    assert items["1.2"].text(DEADLINE) == "长期坚持"
    assert items["2.1"].text(TARGET) == "2.5%" and items["2.1"].text(OTHER) == "责任领导：分管副市长"
    assert "2021—2025" in dialog.summary_label.text()
    doubts = [dialog.doubt_list.item(i).text() for i in range(dialog.doubt_list.count())]
    assert any(d.startswith("未识别的列：“责任领导”列") for d in doubts)
    assert any("各县市区" in d for d in doubts)
    assert dialog.tabs.tabText(0) == f"请核对（{len(doubts)}）"
    assert not dialog.us_box.isVisibleTo(dialog)


def test_the_hand_in_date_standing_in_for_a_deadline_is_shown_as_such(tmp_path, qtbot):
    source = shapes.national_table(tmp_path / "分工表.docx")
    dialog = PlanPreviewDialog(read_plan_file(source), source)
    qtbot.addWidget(dialog)
    items = {item.text(0).split("　")[0]: item for item in _measure_items(dialog)}
    assert items["1.1"].text(DEADLINE) == "2021年底前（2021-12-31）"
    assert not items["1.1"].font(DEADLINE).italic()
    plan = read_plan_file(source)
    del plan["sections"][0]["tasks"][0]["measures"][0]["deadline"]
    del plan["sections"][0]["tasks"][0]["measures"][0]["deadline_text"]
    again = PlanPreviewDialog(plan, source)
    qtbot.addWidget(again)
    first = next(_measure_items(again))
    assert first.text(DEADLINE) == plan["deadline"] and first.font(DEADLINE).italic()
    assert "未规定完成时限" in first.toolTip(DEADLINE)


def test_changing_the_unit_list_reads_the_units_again(tmp_path, qtbot):
    source = shapes.district_table(tmp_path / "分解表.xlsx")
    dialog = PlanPreviewDialog(read_plan_file(source), source)
    qtbot.addWidget(dialog)
    items = {item.text(0).split("　")[0]: item for item in _measure_items(dialog)}
    assert items["2.1"].text(ASSISTING) == ""          # 各镇（街道）: no 镇 or 街道 known yet
    dialog.choose_unit_file(shapes.district_unit_list(tmp_path / "单位.txt"))
    items = {item.text(0).split("　")[0]: item for item in _measure_items(dialog)}
    assert items["2.1"].text(ASSISTING) == "田家街道、二界沟街道、大洼街道、新兴镇、唐家镇"
    assert "名单文件 单位.txt" in dialog.summary_label.text()
    assert dialog.units_table.rowCount() == len(dialog.plan["units"])
    assert "区自然资源局" in dialog.unknown_label.text()
    # an edit in the table: the district's 自然资源局 joins the list, the doubt goes
    dialog.add_unit()
    dialog.units_table.item(dialog.units_table.rowCount() - 1, 0).setText("区自然资源局")
    assert "已修改" in dialog.summary_label.text()
    assert not dialog.unknown_label.isVisibleTo(dialog)
    assert {"name": "区自然资源局", "kind": "department"} in dialog.plan["units"]


def test_a_plan_naming_none_of_our_units_asks_which_name_is_ours(ledger_path, tmp_path,
                                                                open_window, close_window,
                                                                qtbot, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    source = shapes.municipal_period_xlsx(tmp_path / "推进计划.xlsx")
    seen = {}

    def answer(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["asked"] = dialog.us_box.isVisibleTo(dialog)
        seen["ok_before"] = ok.isEnabled()
        dialog.choose_our_name("市市场监管局")
        seen["ok_after"] = ok.isEnabled()
        ok.click()
    when_modal(answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.plan_menu.aboutToShow.emit()
    next(a for a in window.plan_menu.actions() if a.text() == "导入任务清单(&I)…").trigger()
    qtbot.waitUntil(lambda: window.plan.period == "2022—2023", timeout=30000)
    assert seen == {"asked": True, "ok_before": False, "ok_after": True}
    assert "市市场监管局" in window.windowTitle()
    # the role column appears for a list with roles, and the panel says the role and deadline
    from ui.measure_table import COLUMNS
    role_col = [key for key, _ in COLUMNS].index("role")
    assert not window.table.isColumnHidden(role_col)
    assert window.model.index(0, role_col).data() == "牵头"
    window.open_measure("1.1")
    qtbot.waitUntil(lambda: window.panel.code == "1.1")
    info = window.panel.info_label.text()
    assert "本单位：牵头单位" in info and "完成时限：2022年6月底前（2022-06-30）" in info
    assert "备注：纳入年度考核" in info
    close_window(window)
    with Ledger.open(ledger_path) as ledger:
        assert ledger.unit == "市市场监管局" and ledger.setting("unit") == "洛阳市"


def test_builtin_plan_has_no_role_column_and_says_the_hand_in_date_stands_in(ledger_path,
                                                                              open_window):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    from ui.measure_table import COLUMNS
    assert window.table.isColumnHidden([key for key, _ in COLUMNS].index("role"))
    window.open_measure("8.5")
    assert "截止：2021-11-30（报送截止日期）" in window.panel.info_label.text()
