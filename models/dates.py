"""Dates a clerk should look at twice: progress dated after today, or outside the plan's year.

A progress entry dated 2022 in a 2021 ledger, or next week, is almost always a typing slip.
The window asks before it saves one, and the 缺项清单 lists those already recorded. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .deadlines import today

FUTURE = "future"            # after today
OUTSIDE_PLAN = "outside_plan"  # before the plan's year or after its period


@dataclass(frozen=True)
class DateWarning:
    """Why a date is doubtful: ``kind`` FUTURE or OUTSIDE_PLAN, with the bounds it broke."""
    kind: str
    day: str                 # the date looked at (YYYY-MM-DD)
    today: str               # FUTURE: the day it is later than
    start: str               # OUTSIDE_PLAN: the plan's period
    end: str

    def message(self) -> str:
        """One Chinese line, for the command line and the 缺项清单."""
        if self.kind == FUTURE:
            return f"日期 {self.day} 晚于今天（{self.today}）"
        return f"日期 {self.day} 不在方案的时间范围内（{self.start} 至 {self.end}）"


def plan_period(year: int, deadline: str | None = None) -> tuple[str, str]:
    """The dates work on a plan of ``year`` may carry: 1 January of its year to the end of
    that year, or to its hand-in deadline when that is later."""
    start, end = f"{int(year):04d}-01-01", f"{int(year):04d}-12-31"
    if deadline and deadline > end:
        end = deadline
    return start, end


def date_warnings(day: str, *, year: int, deadline: str | None = None,
                  on: date | None = None) -> list[DateWarning]:
    """What is doubtful about progress dated ``day`` on a plan of ``year`` (empty: nothing)."""
    on = on or today()
    start, end = plan_period(year, deadline)
    found = []
    if day > on.isoformat():
        found.append(DateWarning(FUTURE, day, on.isoformat(), start, end))
    if not start <= day <= end:
        found.append(DateWarning(OUTSIDE_PLAN, day, on.isoformat(), start, end))
    return found


def doubtful_entries(ledger, *, unit: str | None = None, on: date | None = None):
    """The unit's progress entries on the current plan dated after today or outside the
    plan's period, in plan order: ``[(Entry-like row dict, [DateWarning, …]), …]``.

    Dict keys: id, code, date, text.
    """
    unit = ledger.check_unit(unit)
    plan = ledger.db.execute("SELECT year, deadline FROM plans WHERE id = ?",
                             [ledger.plan_id]).fetchone()
    on = on or today()
    start, end = plan_period(plan[0], plan[1])
    rows = ledger.db.execute(
        "SELECT e.id, m.code, e.date, e.text FROM entries e JOIN measures m ON m.id = e.measure_id"
        " JOIN tasks t ON t.id = m.task_id"
        " WHERE m.plan_id = ? AND e.unit = ? AND (e.date > ? OR e.date < ? OR e.date > ?)"
        " ORDER BY t.no, m.seq, e.date, e.id",
        [ledger.plan_id, unit, on.isoformat(), start, end]).fetchall()
    return [({"id": r[0], "code": r[1], "date": r[2], "text": r[3]},
             date_warnings(r[2], year=plan[0], deadline=plan[1], on=on)) for r in rows]
