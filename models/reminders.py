"""Reminders without a server: what is overdue, what falls due soon, which milestones are due.

The window shows them when a ledger opens, each a click away from its measure; ``due`` on
the command line prints (or emits as JSON) the same lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .deadlines import days_left
from .records import MeasureRow
from .status import DONE, NOT_INVOLVED

MAX_DAYS = 366


@dataclass
class MilestoneDue:
    """A milestone not done whose planned date has passed or falls within the window."""
    measure_code: str
    measure_text: str
    milestone_id: int
    text: str
    planned: str
    days_left: int               # negative once its date has passed

    @property
    def late(self) -> bool:
        return self.days_left < 0

    def to_dict(self) -> dict:
        """JSON-ready (``due --json``)."""
        return {"code": self.measure_code, "measure": self.measure_text,
                "milestone": self.milestone_id, "text": self.text, "planned": self.planned,
                "days_left": self.days_left, "late": self.late}


@dataclass
class Reminders:
    """What needs attention on ``on``, looking ``days`` ahead."""
    on: date
    days: int
    overdue: list[MeasureRow] = field(default_factory=list)
    due_soon: list[MeasureRow] = field(default_factory=list)
    milestones: list[MilestoneDue] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.milestones)

    def to_dict(self) -> dict:
        """JSON-ready (``due --json``): measures with their deadline and days left."""
        def measure(row: MeasureRow) -> dict:
            return {"code": row.code, "text": row.text, "status": row.status,
                    "deadline": row.deadline, "deadline_source": row.deadline_source,
                    "days_left": days_left(row.deadline, self.on), "progress": row.progress,
                    "expected": row.expected, "light": row.light}
        return {"on": self.on.isoformat(), "days": self.days,
                "overdue": [measure(r) for r in self.overdue],
                "due_soon": [measure(r) for r in self.due_soon],
                "milestones": [m.to_dict() for m in self.milestones]}


def reminders(ledger, *, days: int | None = None, on: date | None = None,
              unit: str | None = None) -> Reminders:
    """Overdue measures, measures due within ``days`` (default: the ledger's reminder
    setting, 7) and milestones not done that are late or due within ``days``; measures done
    or 不涉及 are left out. Each list soonest first."""
    from .errors import InvalidInput
    on = on or ledger.today()
    days = ledger.pace().reminder_days if days is None else int(days)
    if not 0 <= days <= MAX_DAYS:
        raise InvalidInput(f"提前天数“{days}”无效，应为 0–{MAX_DAYS} 之间的整数")
    rows = ledger.measures(unit=unit, on=on)
    found = Reminders(on=on, days=days)
    open_rows = {}
    for row in rows:
        if row.status in (DONE, NOT_INVOLVED) or not row.deadline:
            continue
        open_rows[row.code] = row
        left = days_left(row.deadline, on)
        if left < 0:
            found.overdue.append(row)
        elif left <= days:
            found.due_soon.append(row)
    for item in ledger.milestones(unit=unit):
        row = open_rows.get(item.measure_code)
        if row is None or item.done:
            continue
        left = days_left(item.planned, on)
        if left <= days:
            found.milestones.append(MilestoneDue(item.measure_code, row.text, item.id, item.text,
                                                 item.planned, left))
    found.overdue.sort(key=lambda r: r.deadline)
    found.due_soon.sort(key=lambda r: r.deadline)
    found.milestones.sort(key=lambda m: (m.planned, m.measure_code))
    return found
