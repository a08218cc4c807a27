"""Provincial-level measures (责任地市 "--") are visible in the window, read-only."""
from __future__ import annotations

from models.ledger import Ledger
from tests.support import fresh_ledger


def cell(window, code, column):
    return window.model.data(window.model.index(window.model.row_of(code), column))


def test_province_measures_show_read_only_on_request(ledger_path, open_window, close_window,
                                                     messages):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成")
        own = [row.code for row in ledger.measures()]
    assert "1.1" not in own
    window = open_window(ledger_path)
    assert window.model.row_of("1.1") == -1                     # hidden by default
    window.issuer_check.setChecked(True)
    assert window.model.row_of("1.1") == 0                      # in plan order, before 1.2
    assert window.model.codes()[:3] == ["1.1", "1.2", "1.3"]
    assert window.count_label.text() == "显示 {0} / {0} 项 + 省级 8 项".format(len(own))
    assert cell(window, "1.1", 3) == "省级" and cell(window, "1.1", 4) == "省级（只读）"
    assert cell(window, "1.2", 4) == "已完成"
    window.table.selectRow(window.model.row_of("1.1"))
    panel = window.panel
    assert panel.code == "1.1" and panel.detail is None
    assert "省级（只读）" in panel.title.text() and "无需填报" in panel.info_label.text()
    assert panel.body is None or not panel.body.isVisible()
    window.table.selectRow(window.model.row_of("1.2"))          # back to an editable one
    assert panel.body.isVisible() and panel.body.isEnabled() and panel.detail.row.code == "1.2"
    # Filters on what the unit records leave provincial rows out; a task filter keeps them.
    window.status_combo.setCurrentIndex(window.status_combo.findData("已完成"))
    assert window.model.codes() == ["1.2"]
    window.clear_filters()
    assert window.issuer_check.isChecked() and window.model.row_of("1.1") == 0
    window.issuer_check.setChecked(False)
    assert window.model.row_of("1.1") == -1
    assert window.count_label.text() == "显示 {0} / {0} 项".format(len(own))
    assert not messages, messages
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        assert [row.code for row in reopened.measures()] == own     # CLI `tasks` unchanged
