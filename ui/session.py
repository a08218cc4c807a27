"""The open ledger as the window sees it: one Ledger (GUI thread), one change signal, and
the one way the window writes: ``session.write(...)``.
"""
from __future__ import annotations

import sqlite3
import sys
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from models.changes import Changes
from models.errors import Cancelled, LedgerError
from models.ledger import Ledger

from .signals import LedgerSignals


def error_text(error: BaseException) -> str:
    """A LedgerError's one-line message (a full disk, a read-only folder or a damaged file
    told as such); anything else with its type, for support."""
    if isinstance(error, (sqlite3.Error, OSError)):
        from models.db import explain_error
        error = explain_error(error)
    return str(error) if isinstance(error, LedgerError) else f"{type(error).__name__}: {error}"


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """The error's message in a box."""
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.warning(parent, title or QCoreApplication.translate("Session", "操作未完成"),
                        error_text(error))


class Session(QObject):
    """Holds the GUI thread's Ledger; every write goes through :meth:`write`.

    Work that needs the ledger file closed (restoring a backup) suspends the session: the
    connection is closed, the lock stays held, and :meth:`resume` reopens it afterwards.
    """

    def __init__(self, ledger: Ledger, parent: QObject | None = None, *, lock=None):
        super().__init__(parent)
        self._ledger: Ledger | None = ledger
        self.path = ledger.path
        self.lock = lock            # models.lock handle held while the window is open
        self.signals = LedgerSignals(self)
        self.daily_backup = True    # the once-a-day backup on close (models.backup)
        self.backup_error: str | None = None

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            raise LedgerError(QCoreApplication.translate(
                "Session", "台账正在恢复或维护中，请稍候再操作"))
        return self._ledger

    @property
    def suspended(self) -> bool:
        return self._ledger is None

    def write(self, parent: QWidget | None, action: Callable, *args, **kwargs) -> bool:
        """Run one models-layer change; True if it was made, False if refused (and shown).

        Each Ledger method is one transaction, so a refused change leaves the ledger as it
        was. Either way the views are told what the ledger says the write touched, so widgets
        that already showed the user's edit fall back to what the ledger holds.
        """
        try:
            action(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 — LedgerError or e.g. a disk error: say so
            if not isinstance(error, LedgerError):
                traceback.print_exc()
            self.publish(self.ledger.take_changes(), initiator=parent)
            show_error(parent, error)
            return False
        self.publish(self.ledger.take_changes(), initiator=parent)
        self.signals.saved.emit()
        return True

    def publish(self, changes: Changes, *, initiator=None) -> None:
        """Tell the views about changes made elsewhere (a background job's own connection)."""
        if initiator is not None:
            changes.initiator = initiator
        self.signals.publish(changes)

    # ---- closing for work on the file ---------------------------------------------------
    def suspend(self) -> None:
        """Close the connection for work that replaces the file; the lock stays held."""
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None

    def resume(self) -> None:
        """Reopen after :meth:`suspend` and tell every view to reload."""
        if self._ledger is None:
            self._ledger = Ledger.open(self.path)
        self.publish(Changes(everything=True))

    def close(self, *, progress=None, cancelled=None) -> None:
        """Close the ledger, make the daily backup (``progress``/``cancelled`` for it), unlock."""
        self.suspend()
        if self.lock is not None:
            # Closed but still locked: the backup sees the final state and no other program
            # can start writing in between. A failed backup never keeps the window open.
            if self.daily_backup:
                self._daily_backup(progress, cancelled)
            self.lock.release()
            self.lock = None

    def _daily_backup(self, progress=None, cancelled=None) -> None:
        from models import backup
        try:
            backup.maybe_daily_backup(self.path, progress=progress, cancelled=cancelled)
        except Cancelled:
            sys.stderr.write("自动备份已跳过（用户取消）\n")
        except Exception as error:  # noqa: BLE001 — logged and reported, closing goes on
            self.backup_error = error_text(error)
            sys.stderr.write(f"警告：自动备份失败：{self.backup_error}\n")
