"""文件 → 编辑报告正文, the Word export item and the checked phone number in the window."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from models.narrative import TEXT_LIMIT, draft_narrative
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger


def _wait(qtbot, handle):
    if not handle.done:
        with qtbot.waitSignal(handle.finished, timeout=60000):
            pass


def _dialog(window):
    from ui.narrative_dialog import NarrativeDialog
    ledger = window.session.ledger
    return NarrativeDialog(window.session, draft_narrative(ledger), ledger.narrative(), window)


def test_the_editor_opens_on_drafts_and_saves_what_the_clerk_wrote(ledger_path, qtbot, open_window):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成", note="印发方案", date="2021-03-01")
    window = open_window(ledger_path)
    seen = {}

    def edit(dialog):
        seen["overview"] = dialog.edits["overview"].toPlainText()
        seen["state"] = dialog.states["overview"].text()
        dialog.edits["practices"].setPlainText("（一）我们自己写的做法\n取得了成效。")
        dialog.lines["addressee"].setText("洛阳市人民政府")
        dialog.fixed_date.setChecked(True)
        dialog.save()

    when_modal(edit, qtbot)
    _wait(qtbot, window.narrative.open_editor())
    assert seen["overview"].startswith("截至2021年10月15日，洛阳市共承担落实举措")
    assert "自动生成" in seen["state"]
    stored = window.session.ledger.narrative()
    assert stored["practices"].text == "（一）我们自己写的做法\n取得了成效。"
    assert stored["addressee"].text == "洛阳市人民政府"
    assert stored["date"].text == "2021-10-15"
    assert "overview" not in stored            # untouched: follows the data


def test_regenerating_asks_before_replacing_edited_text(ledger_path, open_window, messages,
                                                        monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    dialog = _dialog(window)
    draft = dialog.drafts["problems"]
    assert dialog.regenerate("problems") and not messages        # unchanged: no question
    dialog.edits["problems"].setPlainText("我改过的问题")
    assert "已修改" in dialog.states["problems"].text()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dialog.regenerate("problems")
    assert dialog.edits["problems"].toPlainText() == "我改过的问题"
    dialog.regenerate_all()
    assert dialog.edits["problems"].toPlainText() == "我改过的问题"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.regenerate("problems")
    assert dialog.edits["problems"].toPlainText() == draft
    dialog.close()


def test_too_long_text_is_refused_and_kept_in_the_editor(ledger_path, open_window, messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    dialog = _dialog(window)
    dialog.show()
    long_text = "字" * (TEXT_LIMIT + 1)
    dialog.edits["plans"].setPlainText(long_text)
    dialog.save()
    assert messages[-1][0] == "warning" and "太长" in messages[-1][2]
    assert dialog.isVisible() and dialog.edits["plans"].toPlainText() == long_text
    assert window.session.ledger.narrative() == {}
    dialog.done(0)


def test_word_export_item_and_the_phone_check_in_settings(ledger_path, qtbot, open_window,
                                                          messages):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    assert window.exports.actions["work_report_docx"].text() == "导出工作情况报告（Word）(&O)…"
    assert window.exports.default_name(window.exports.documents["work_report_docx"]) \
        == "洛阳市2021年工作情况报告.docx"
    outcome = {}

    def fill(dialog):
        dialog.edits["contact_phone"].setText("0123x")
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()
        outcome["open"] = dialog.isVisible()
        dialog.edits["contact_phone"].setText("0379-63900000")
        box.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(fill, qtbot)
    window.edit_settings()
    assert outcome["open"]
    assert any(kind == "warning" and "联系电话" in text for kind, _t, text in messages)
    assert window.session.ledger.setting("contact_phone") == "0379-63900000"
