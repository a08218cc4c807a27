"""The open ledger as the window sees it: one Ledger (GUI thread), one change signal, and
the one way the window writes: ``session.write(...)``.
"""
from __future__ import annotations

import sys
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import Cancelled, LedgerError
from models.ledger import Ledger

from .signals import LedgerSignals


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """A LedgerError's one-line message in a box; anything else with its type for support."""
    message = str(error) if isinstance(error, LedgerError) else f"{type(error).__name__}: {error}"
    QMessageBox.warning(parent, title or QCoreApplication.translate("Session", "操作未完成"), message)


class Session(QObject):
    """Holds the GUI thread's Ledger; every write goes through :meth:`write`."""

    def __init__(self, ledger: Ledger, parent: QObject | None = None, *, lock=None):
        super().__init__(parent)
        self.ledger = ledger
        self.lock = lock            # models.lock handle held while the window is open
        self.signals = LedgerSignals(self)
        self.daily_backup = True    # the once-a-day backup on close (models.backup)
        self.backup_error: str | None = None

    @property
    def path(self):
        return self.ledger.path

    def write(self, parent: QWidget | None, kind: str, codes: list[str] | tuple[str, ...],
              action: Callable, *args, **kwargs) -> bool:
        """Run one models-layer change; True if it was made, False if refused (and shown).

        Each Ledger method is one transaction, so a refused change leaves the ledger as it
        was; the views are told anyway (``kind`` with the codes) so widgets that already
        showed the user's edit fall back to what the ledger holds.
        """
        try:
            action(*args, **kwargs)
        except LedgerError as error:
            show_error(parent, error)
            self.signals.notify(kind, *codes)
            return False
        except Exception as error:  # noqa: BLE001 — e.g. a disk error: say so, keep the window
            traceback.print_exc()
            show_error(parent, error)
            self.signals.notify(kind, *codes)
            return False
        self.signals.notify(kind, *codes)
        return True

    def close(self, *, progress=None, cancelled=None) -> None:
        """Close the ledger, make the daily backup (``progress``/``cancelled`` for it), unlock."""
        self.ledger.close()
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
            backup.maybe_daily_backup(self.ledger.path, progress=progress, cancelled=cancelled)
        except Cancelled:
            sys.stderr.write("自动备份已跳过（用户取消）\n")
        except Exception as error:  # noqa: BLE001 — logged and reported, closing goes on
            self.backup_error = str(error) if isinstance(error, LedgerError) \
                else f"{type(error).__name__}: {error}"
            sys.stderr.write(f"警告：自动备份失败：{self.backup_error}\n")

    def restore(self, backup_file):
        """Replace the ledger with ``backup_file`` (models.backup.restore_backup) and reopen.

        The ledger is closed for the swap and reopened whatever happens, so a refused
        backup (BadBackup, raised to the caller) leaves the window on the ledger as it was.
        The lock stays held throughout: no other program slips in while the file changes.
        """
        from models import backup
        path = self.ledger.path
        self.ledger.close()
        try:
            result = backup.restore_backup(backup_file, path, lock=self.lock)
        finally:
            self.ledger = Ledger.open(path)
        self.signals.notify("all")
        return result
