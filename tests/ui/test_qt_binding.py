"""The Qt binding must not lose references: PySide6-Essentials 6.12.0 on Python 3.11 dropped
one reference to None on every void call and one to True on every emit, and the window
aborted ("deallocating None") after a few thousand calls. requirements.txt pins a good one."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from tests.support import fresh_ledger


class _Pinger(QObject):
    ping = Signal(int)


def test_void_calls_keep_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("台账")
    assert sys.getrefcount(None) >= before - 5


def test_emit_keeps_references_to_true(qapp):
    pinger = _Pinger()
    pinger.ping.connect(lambda n: None)
    before = sys.getrefcount(True)
    for n in range(500):
        pinger.ping.emit(n)
    assert sys.getrefcount(True) >= before - 5


def test_many_changes_and_a_long_session_do_not_abort(ledger_path, open_window):
    from models.changes import Changes
    fresh_ledger(ledger_path).close()
    window = open_window(ledger_path)
    for n in range(100):          # each reload makes thousands of void calls and emits
        window.session.publish(Changes(measures={"4.1"}))
        window.model.data(window.model.index(n % window.model.rowCount(), 2))
    assert window.model.rowCount() > 0
