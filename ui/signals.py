"""The one app-wide "ledger changed" signal. Views refresh themselves from it.

It carries the models.changes.Changes a write reported — which measures, entries, evidence,
settings or submissions it touched — so a view re-reads only what concerns it, and nobody
guesses a kind of change on the writer's behalf.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.changes import Changes


class LedgerSignals(QObject):
    """Carries ``changed(Changes)`` after every write, from the window or a background job."""

    changed = Signal(object)
    # A change the ledger took (not a refused one): the window says 已保存 then.
    saved = Signal()

    def publish(self, changes: Changes) -> None:
        """Tell every view what changed (nothing is sent for an empty report)."""
        if changes:
            self.changed.emit(changes)
