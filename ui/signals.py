"""The one app-wide "ledger changed" signal. Views refresh themselves from it.

A write names what it changed (``kind``) and which measures (``codes``; empty means "any"),
so a view can ignore what does not concern it instead of being called by the writer.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# What a change touched. Views compare against these names.
MEASURE = "measure"        # status, problems, next steps, involvement, indicator figures
ENTRIES = "entries"        # progress entries
EVIDENCE = "evidence"      # evidence files and links
SETTINGS = "settings"      # business settings (unit full name, contacts…)
ALL = "all"                # anything else (e.g. another plan): reload everything


class LedgerSignals(QObject):
    """Carries ``changed(kind, codes)`` after every write through Session.write."""

    changed = Signal(str, list)

    def notify(self, kind: str, *codes: str) -> None:
        self.changed.emit(kind, [c for c in codes if c])
