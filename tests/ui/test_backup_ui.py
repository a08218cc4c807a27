"""Backups from the window: the daily one on closing, 立即备份, and 从备份恢复 (checked,
confirmed, under the window's own lock; a bad backup leaves the ledger as it was)."""
from __future__ import annotations

from pathlib import Path


from models import backup, lock
from models.ledger import Ledger
from tests.ui.qt_support import when_modal
from tests.support import fresh_ledger




def status_in_table(window, code):
    return window.model.data(window.model.index(window.model.row_of(code), 4))


def ready(window):
    window.build_menus()
    return window


def test_closing_the_window_makes_the_daily_backup_under_the_lock(ledger_path, open_window,
                                                                  close_window, monkeypatch):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    seen = []
    real = backup.maybe_daily_backup

    def spy(path, **kwargs):
        # Taken while the window still holds the lock, after its connection is closed.
        seen.append(lock.holder(path) is not None)
        return real(path, **kwargs)
    monkeypatch.setattr(backup, "maybe_daily_backup", spy)
    close_window(window)
    assert seen == [True]
    found = backup.list_backups(ledger_path)
    assert [b.kind for b in found] == ["auto"]
    assert backup.check_backup(found[0].path).unit == "洛阳市"
    lock.acquire(ledger_path).release()             # and the lock was released after


def test_a_failed_daily_backup_never_blocks_closing(ledger_path, open_window, close_window,
                                                    monkeypatch, capsys):
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)

    def disk_full(path, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(backup, "maybe_daily_backup", disk_full)
    session = window.session
    close_window(window)
    assert session.lock is None
    assert "磁盘已满" in session.backup_error        # a full disk, said so (not "damaged")
    assert "自动备份失败" in capsys.readouterr().err
    lock.acquire(ledger_path).release()


def test_backup_now(ledger_path, sample_file, open_window, qtbot, monkeypatch):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成")
        ledger.attach("1.2", sample_file)
    window = ready(open_window(ledger_path))
    from ui.backup_dialog import BackupActions
    boxes = []
    monkeypatch.setattr(BackupActions, "_exec_box", lambda self, box: boxes.append(box.text()))
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30000)
    found = backup.list_backups(ledger_path)
    assert [b.kind for b in found] == ["manual"] and found[0].evidence_count == 1
    assert str(found[0].path) in boxes[0]


def test_restore_from_the_list_brings_the_old_state_back(ledger_path, open_window, close_window,
                                                         qtbot, messages):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成", note="第一版", date="2021-09-01")
    saved = backup.backup_ledger(ledger_path)
    window = ready(open_window(ledger_path))
    ledger = window.session.ledger
    window.session.write(window, ledger.record, "1.2", status="推进中")
    assert status_in_table(window, "1.2") == "推进中"
    listed = []

    def choose(dialog):
        listed.append([dialog.table.item(0, c).text() for c in range(4)])
        dialog.restore_button.click()
    when_modal(choose)
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: any(m[0] == "information" for m in messages), timeout=30000)
    assert listed and listed[0][1] == "手动" and listed[0][2] == "洛阳市"
    question = next(m for m in messages if m[0] == "question")
    assert "备份完好" in question[2] and "洛阳市" in question[2]
    assert "已从备份恢复" in messages[-1][2]
    assert status_in_table(window, "1.2") == "已完成"          # the window shows the backup
    assert window.session.lock is not None and window.session.lock.held
    assert window.backups.last_restore.restored.path == saved.path
    safety = window.backups.last_restore.safety_backup
    assert safety is not None and safety.is_file()
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        assert reopened.measure("1.2").row.status == "已完成"
    assert "before-restore" in {b.kind for b in backup.list_backups(ledger_path)}


def test_a_corrupted_backup_is_refused_and_the_ledger_stays(ledger_path, tmp_path, open_window,
                                                            close_window, qtbot, messages):
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("1.2", status="已完成")
    good = backup.backup_ledger(ledger_path, tmp_path / "备份")
    truncated = tmp_path / "坏的备份.zip"
    truncated.write_bytes(good.path.read_bytes()[: good.size // 2])
    window = ready(open_window(ledger_path))
    ledger = window.session.ledger
    window.session.write(window, ledger.record, "1.2", status="推进中")

    # Checked before anything is asked: refused with the backup's own message.
    handle = window.backups.check_and_restore(truncated)
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert messages[-1][0] == "warning" and "截断" in messages[-1][2]
    assert not any(m[0] == "question" for m in messages)

    # Even if a backup goes bad between the check and the restore, nothing changes.
    handle = window.backups.confirm_and_restore(truncated, good)
    assert handle.dialog_shown                   # at once: the window has no ledger meanwhile
    qtbot.waitUntil(lambda: handle.done, timeout=30000)
    assert messages[-1][0] == "warning" and "截断" in messages[-1][2]
    assert status_in_table(window, "1.2") == "推进中"
    window.table.selectRow(window.model.row_of("1.2"))
    assert window.panel.code == "1.2"                        # the window still works
    assert window.session.write(window, window.session.ledger.record, "1.2",
                                problems="仍可填报")
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        row = reopened.measure("1.2").row
        assert row.status == "推进中" and row.problems == "仍可填报"


def test_the_program_says_so_when_the_backup_on_closing_failed(ledger_path):
    # In a process of its own: run_window quits the QApplication the other tests share.
    import os
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[2]
    fresh_ledger(ledger_path).close()
    probe = (
        "import sys; sys.path.insert(0, %r)\n"
        "from models import backup\n"
        "from models.errors import LedgerError\n"
        "def full(path, **kw): raise LedgerError('无法写入备份 X：磁盘已满')\n"
        "backup.maybe_daily_backup = full\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.warning = staticmethod(lambda p, t, m, *a: print('BOX', t, m))\n"
        "from ui.app import run_window\n"
        "print('rc', run_window(['--db', %r]))\n" % (str(root), str(ledger_path)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TASKLEDGER_EXIT_WHEN_PAINTED="1")
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "rc 0" in result.stdout
    assert "BOX 自动备份未完成" in result.stdout and "磁盘已满" in result.stdout
    assert "自动备份失败" in result.stderr
    lock.acquire(ledger_path).release()                 # closed and unlocked all the same


def test_restore_from_a_file_chosen_elsewhere(ledger_path, tmp_path, open_window, close_window,
                                              qtbot, messages, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    with fresh_ledger(ledger_path) as ledger:
        ledger.record("2.1", status="推进中", note="U盘带来的备份", date="2021-09-01")
    moved = backup.backup_ledger(ledger_path, tmp_path / "U盘")
    with Ledger.open(ledger_path) as ledger:
        ledger.record("2.1", status="未启动")
    window = ready(open_window(ledger_path))
    seen = {}

    def other(dialog):
        seen["empty"] = dialog.empty_label.isVisibleTo(dialog)
        seen["enabled"] = dialog.restore_button.isEnabled()
        dialog.other_button.click()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(moved.path), ""))
    when_modal(other)
    window.backups.restore_action.trigger()
    qtbot.waitUntil(lambda: any(m[0] == "information" for m in messages), timeout=30000)
    assert seen == {"empty": True, "enabled": False}         # nothing in the backups folder
    assert status_in_table(window, "2.1") == "推进中"
    close_window(window)
    with Ledger.open(ledger_path) as reopened:
        assert reopened.measure("2.1").entries[0].text == "U盘带来的备份"


def test_the_backup_on_closing_reports_progress_and_can_be_skipped(ledger_path, sample_file,
                                                                   open_window, close_window):
    with fresh_ledger(ledger_path) as ledger:
        ledger.attach("1.2", sample_file)
    window = open_window(ledger_path)
    session = window.session
    window.close()
    session.close(progress=lambda done, total: None, cancelled=lambda: True)   # 跳过
    assert session.lock is None and session.backup_error is None
    assert backup.list_backups(ledger_path) == []
    steps = []
    window = open_window(ledger_path)
    session = window.session
    window.close()
    session.close(progress=lambda done, total: steps.append((done, total)))
    assert steps[-1] == (2, 2)                   # the database, then the one evidence file
    assert [b.kind for b in backup.list_backups(ledger_path)] == ["auto"]
