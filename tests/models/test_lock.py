"""One writer per ledger: a second copy is refused by name; a crashed copy's lock is taken over."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from models import lock
from models.errors import LedgerError
from tests.support import ROOT


def test_second_acquire_is_refused_with_who_and_when(ledger_path):
    ledger_path.write_bytes(b"")
    first = lock.acquire(ledger_path, program="窗口")
    try:
        with pytest.raises(lock.LedgerLocked) as caught:
            lock.acquire(ledger_path, program="命令行")
        assert isinstance(caught.value, LedgerError)
        message = str(caught.value)
        assert str(ledger_path) in message and f"进程 {os.getpid()}" in message
        assert "窗口" in message and "请先关闭" in message and "\n" not in message
        holder = caught.value.holder
        assert holder.pid == os.getpid() and holder.host and holder.since[:4].isdigit()
        assert lock.holder(ledger_path) == first.info
    finally:
        first.release()
    assert not lock.lock_path_for(ledger_path).exists()
    assert lock.holder(ledger_path) is None
    again = lock.acquire(ledger_path)
    assert again.previous is None  # released cleanly: nothing stale to report
    again.release()
    again.release()  # twice is harmless


def _child_holding_the_lock(ledger_path):
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from models import lock
        handle = lock.acquire({str(ledger_path)!r}, program="窗口")
        print("locked", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_another_process_is_refused_and_its_lock_taken_over_after_a_crash(ledger_path):
    ledger_path.write_bytes(b"")
    child = _child_holding_the_lock(ledger_path)
    try:
        with pytest.raises(lock.LedgerLocked, match=f"进程 {child.pid}"):
            lock.acquire(ledger_path)
        assert lock.holder(ledger_path).pid == child.pid
    finally:
        child.send_signal(signal.SIGKILL)   # a crash: no chance to clean up
        child.wait()
    # The lock file is still there, naming the dead process; the OS lock is gone.
    stale = json.loads(lock.lock_path_for(ledger_path).read_text(encoding="utf-8"))
    assert stale["pid"] == child.pid
    assert lock.holder(ledger_path) is None
    handle = lock.acquire(ledger_path)
    try:
        assert handle.previous.pid == child.pid and handle.previous.program == "窗口"
        assert json.loads(lock.lock_path_for(ledger_path).read_text())["pid"] == os.getpid()
    finally:
        handle.release()


def test_stale_lock_file_left_by_a_crash_is_taken_over(ledger_path):
    ledger_path.write_bytes(b"")
    lock.lock_path_for(ledger_path).write_text(json.dumps(
        {"pid": 999999, "host": "另一台电脑", "user": "王五", "since": "2021-10-14T17:30:00",
         "program": "窗口"}, ensure_ascii=False), encoding="utf-8")
    with lock.acquire(ledger_path) as handle:
        assert handle.previous == lock.LockInfo(999999, "另一台电脑", "王五",
                                                "2021-10-14T17:30:00", "窗口")
        assert "另一台电脑" in handle.previous.describe()
        with pytest.raises(lock.LedgerLocked):
            lock.acquire(ledger_path)
    assert not lock.lock_path_for(ledger_path).exists()


def test_garbage_in_a_stale_lock_file_does_not_block(ledger_path):
    ledger_path.write_bytes(b"")
    lock.lock_path_for(ledger_path).write_bytes(b"\xff\xfe not json")
    with lock.acquire(ledger_path) as handle:
        assert handle.previous is None and handle.held
    assert not handle.held


def test_a_stale_lock_of_another_user_is_taken_over(tmp_path, monkeypatch):
    """Another user's lock file cannot be opened for writing; if no program holds it, it is
    removed and taken — the ledger never stays blocked for good."""
    import builtins
    ledger = tmp_path / "ledger.db"
    path = lock.lock_path_for(ledger)
    path.write_text('{"pid": 4242, "host": "PC-2", "user": "李四", "since": "2021-10-01T09:00:00"}')
    real_open = builtins.open
    refused = []

    def other_users_file(file, mode="r", *args, **kwargs):
        if str(file) == str(path) and "a" in mode and not refused:
            refused.append(mode)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, mode, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", other_users_file)
    handle = lock.acquire(ledger, program="测试")
    assert refused and handle.held
    handle.release()


def test_a_live_lock_of_another_user_names_them(tmp_path, monkeypatch):
    import builtins
    ledger = tmp_path / "ledger.db"
    held = lock.acquire(ledger, program="窗口")
    path = lock.lock_path_for(ledger)
    real_open = builtins.open

    def other_users_file(file, mode="r", *args, **kwargs):
        if str(file) == str(path) and "a" in mode:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, mode, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", other_users_file)
    with pytest.raises(lock.LedgerLocked, match="已被") as refused:
        lock.acquire(ledger, program="命令行")
    assert refused.value.holder is not None and refused.value.holder.program == "窗口"
    monkeypatch.undo()
    held.release()
