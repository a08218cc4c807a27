"""The time the ledger writes into its rows (created, updated, imported, audited)."""
from __future__ import annotations

from datetime import datetime


def now_text() -> str:
    """The local time as the ledger stores it (ISO, seconds)."""
    return datetime.now().isoformat(timespec="seconds")
