"""Deadline states a clerk filters by: 逾期 (late), 临期 (due within 7 days)."""
from __future__ import annotations

import os
from datetime import date

from .status import DONE, NOT_INVOLVED

LATE = "逾期"
DUE_SOON = "临期"
DUE_SOON_DAYS = 7
STALE_DAYS = 30


def today() -> date:
    """Today's date; ``TASKLEDGER_TODAY`` (YYYY-MM-DD) pins it for tests and demonstrations."""
    pinned = os.environ.get("TASKLEDGER_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def deadline_state(deadline: str, status: str, on: date | None = None, *,
                   days: int = DUE_SOON_DAYS) -> str:
    """LATE, DUE_SOON (due within ``days``, the ledger's reminder setting) or "" for a
    measure with this deadline and status."""
    if status in (DONE, NOT_INVOLVED) or not deadline:
        return ""
    on = on or today()
    days_left = (date.fromisoformat(deadline) - on).days
    if days_left < 0:
        return LATE
    if days_left <= days:
        return DUE_SOON
    return ""


def days_left(deadline: str, on: date | None = None) -> int:
    """Days from ``on`` (today) to ``deadline``; negative once it has passed."""
    return (date.fromisoformat(deadline) - (on or today())).days
