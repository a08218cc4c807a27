"""Starting and closing without traps: the first start asks for a unit and a name, 台账设置
changes 填报人 and (confirmed, audited) the unit, a second start brings the window forward,
closing shows its backup with 跳过; the guide, a file with no viewer, a backup to a stick."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from models import backup
from models.ledger import Ledger
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger

ROOT = Path(__file__).resolve().parents[2]


def test_first_start_has_no_default_unit_and_needs_a_name(tmp_path, qtbot, messages):
    from models.plan.definition import load_units
    from ui.dialogs import FirstStartDialog
    dialog = FirstStartDialog(load_units(), tmp_path / "x.db")
    qtbot.addWidget(dialog)
    assert dialog.unit() == "" and dialog.unit_combo.currentIndex() == -1
    assert not dialog.ok_button.isEnabled()
    dialog.accept()                                   # Enter with nothing chosen: nothing
    assert dialog.result() == 0 and dialog.isVisible() is False or dialog.result() == 0
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("洛阳市"))
    assert not dialog.ok_button.isEnabled()           # the name is required
    dialog.user_edit.setText("  ")
    assert not dialog.ok_button.isEnabled()
    dialog.user_edit.setText("张三")
    assert dialog.ok_button.isEnabled() and dialog.unit() == "洛阳市"


def test_cancelling_the_first_start_says_what_happens(tmp_path, qtbot, messages, monkeypatch):
    from ui.app import open_or_create
    from ui.dialogs import FirstStartDialog
    path = tmp_path / "taskledger.db"
    tries = []

    def cancel_then_fill(dialog):
        tries.append(1)
        if len(tries) == 1:
            return 0                                   # cancelled once…
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("南阳市"))
        dialog.user_edit.setText("李四")
        return 1
    monkeypatch.setattr(FirstStartDialog, "exec", cancel_then_fill)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: messages.append(("question", a[1], a[2]))
                        or QMessageBox.StandardButton.No)       # …then "No, don't quit"
    ledger = open_or_create(path)
    assert ledger is not None and ledger.unit == "南阳市"
    ledger.close()
    assert "将退出" in messages[0][2]
    # Cancelled and confirmed: nothing created, None returned.
    monkeypatch.setattr(FirstStartDialog, "exec", lambda dialog: 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert open_or_create(tmp_path / "other.db") is None
    assert not (tmp_path / "other.db").exists()


def test_settings_change_the_clerk_and_entries_keep_their_author(ledger_path, open_window, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.add_entry("4.1", "张三写的进展", date="2021-09-01")
    window = open_window(ledger_path)

    def switch(dialog):
        assert dialog.user_combo.currentText() == "张三"
        dialog.user_combo.setCurrentText("李四")
        dialog._accept()
    when_modal(switch, qtbot)
    window.edit_settings()
    assert "填报人：李四" in window.user_button.text()
    window.open_measure("4.1")

    def fill(dialog):
        dialog.text_edit.insertPlainText("李四写的进展")
        dialog._accept()
    when_modal(fill, qtbot)
    window.panel.add_entry()
    with Ledger.open(ledger_path) as ledger:
        assert ledger.user == "李四"
        assert [(e.author, e.text) for e in ledger.measure("4.1").entries] == [
            ("张三", "张三写的进展"), ("李四", "李四写的进展")]


def test_the_unit_changes_only_after_confirmation_and_is_audited(ledger_path, open_window, qtbot,
                                                                  monkeypatch):
    with Ledger.create(ledger_path, unit="郑州市", user="张三") as ledger:
        ledger.record("4.1", status="推进中")
        ledger.record("8.1", status="推进中")          # 郑州市 only
    window = open_window(ledger_path)
    asked = []

    def choose_unit(dialog):
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("洛阳市"))
        dialog._accept()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a, **k: asked.append(text) or next(answers))
    when_modal(choose_unit, qtbot)
    window.edit_settings()                           # asked, answered No: nothing changes
    with Ledger.open(ledger_path) as ledger:
        assert ledger.unit == "郑州市"
    assert "从“郑州市”改为“洛阳市”" in asked[0] and "8.1" in asked[0]
    when_modal(choose_unit, qtbot)
    window.edit_settings()
    with Ledger.open(ledger_path) as ledger:
        assert ledger.unit == "洛阳市"
        assert ledger.measure("4.1").row.status == "推进中"
        assert ledger.audit_log()[-1].action == "change_unit"
    assert "洛阳市" in window.windowTitle() and window.user_button.text().startswith("洛阳市")


def test_a_second_start_brings_the_running_window_forward(ledger_path, open_window, qtbot):
    from ui.app import listen_for_second_start
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    listen_for_second_start(window)
    assert window.instance_server.listening
    window.showMinimized()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with qtbot.waitSignal(window.instance_server.raise_requested, timeout=30000):
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(ledger_path)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "已在运行" in err and "进程" not in err
    assert not window.isMinimized()


def test_a_ledger_held_elsewhere_is_named_in_plain_words(ledger_path):
    from models import lock
    from ui.app import locked_message
    fresh_ledger(ledger_path).close()
    with lock.acquire(ledger_path, program="命令行"):
        try:
            lock.acquire(ledger_path, program="窗口")
        except lock.LedgerLocked as error:
            text = locked_message(ledger_path, error)
    assert "命令行" in text and "请等那边关闭后再打开" in text
    assert "进程" not in text and str(os.getpid()) not in text


def test_closing_shows_the_backup_and_skip_ends_it(ledger_path, open_window, qtbot, monkeypatch):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("4.1", status="推进中")
    window = open_window(ledger_path)
    window.backup_on_close = True
    started = threading.Event()

    def slow_backup(path, *, progress=None, cancelled=None, **kwargs):
        started.set()
        while not cancelled():
            threading.Event().wait(0.02)
        from models.errors import Cancelled
        raise Cancelled("跳过")
    monkeypatch.setattr(backup, "maybe_daily_backup", slow_backup)
    window.close()
    assert window.isVisible()                        # still on screen while it backs up
    job = window._closing_job
    assert job is not None and job.dialog.labelText().startswith("正在备份台账")
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: job.dialog.isVisible(), timeout=5000)   # after half a second
    assert not window.centralWidget().isEnabled()
    from PySide6.QtWidgets import QPushButton
    skip = [b for b in job.dialog.findChildren(QPushButton) if b.text() == "跳过"]
    assert len(skip) == 1
    skip[0].click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    window.session.close()
    from models import lock
    lock.acquire(ledger_path).release()              # closed and unlocked


def test_closing_makes_todays_backup_with_the_window_up(ledger_path, open_window, qtbot):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("4.1", status="推进中")
    window = open_window(ledger_path)
    window.backup_on_close = True
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    window.session.close()
    kinds = [info.kind for info in backup.list_backups(ledger_path)]
    assert kinds == [backup.AUTO]


def test_the_guide_opens_in_the_interface_language(ledger_path, open_window):
    from ui.help_dialog import HelpDialog
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    dialog = window.help.show_guide()
    text = dialog.browser.toPlainText()
    for word in ("首次启动", "填报", "佐证材料", "报送前检查", "报送材料包", "备份", "新电脑"):
        assert word in text, word
    english = HelpDialog(window, language="en")
    text = english.browser.toPlainText()
    for word in ("First start", "Recording", "Evidence", "check", "package", "Backups", "new PC"):
        assert word in text, word
    english.deleteLater()
    dialog.close()


def test_a_file_with_no_viewer_says_where_its_copy_is(ledger_path, open_window, qtbot,
                                                      monkeypatch, sample_file):
    from PySide6.QtGui import QDesktopServices
    with fresh_ledger(ledger_path) as ledger:
        ledger.attach("5.2", sample_file)
    window = open_window(ledger_path)
    window.open_measure("5.2")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    shown = []

    def look(box):
        shown.append(box.text())
        box.reject()
    when_modal(look, qtbot)
    window.panel.evidence_table.selectRow(0)
    handle = window.panel.open_evidence()
    qtbot.waitUntil(lambda: handle.done and bool(shown), timeout=10000)
    assert "没有能打开" in shown[0] and sample_file.name in shown[0]
    assert window.panel.last_opened.is_file()


def test_backup_to_a_chosen_folder(ledger_path, open_window, qtbot, tmp_path, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    window.build_menus()
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr(window.backups, "_exec_box", lambda box: None)
    handle = window.backups.backup_to(stick)
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    made = list(stick.glob("*.zip"))
    assert len(made) == 1 and window.backups.last_backup.path == made[0]
    backup.check_backup(made[0])
