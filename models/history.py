"""A measure's history from the audit trail: who changed what, and when.

Every write leaves an audit row naming the measure (``code@unit``) and, since schema step
0005, the plan it was written on. This reads them back for one measure, newest first, as
plain records the window words for itself. Rows written before 0005 carry no plan: they are
shown when the ledger holds a single plan (a code such as "8.5" exists in every year's plan,
so with several plans an old row cannot be placed). No Qt.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

HISTORY_LIMIT = 200          # rows shown for one measure; a year has far fewer


@dataclass
class HistoryItem:
    """One change to a measure: when, by whom, the audit action and its detail."""
    at: str
    user: str
    action: str              # record, indicator, edit_entry, delete_entry, attach, unlink,
                             # undo, redo, or another writer's action
    detail: dict = field(default_factory=dict)


def _unit_names(ledger, unit: str) -> list[str]:
    """``unit`` and the names the ledger's unit had before a change of unit."""
    names = [unit]
    for (detail,) in ledger.db.execute(
            "SELECT detail FROM audit WHERE action = 'change_unit' ORDER BY id DESC").fetchall():
        try:
            old = json.loads(detail).get("old")
        except (ValueError, AttributeError):
            continue
        if isinstance(old, str) and old not in names:
            names.append(old)
    return names


def measure_history(ledger, code: str, *, unit: str | None = None,
                    limit: int = HISTORY_LIMIT) -> list[HistoryItem]:
    """The changes recorded for ``unit``'s measure ``code`` of the current plan, newest first."""
    unit = unit or ledger.unit
    targets = [f"{code}@{name}" for name in _unit_names(ledger, unit)] + [code]
    single_plan = ledger.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    marks = ",".join("?" * len(targets))
    rows = ledger.db.execute(
        f"SELECT at, user, action, detail FROM audit WHERE target IN ({marks})"
        " AND (plan_id = ? OR (plan_id IS NULL AND ?)) ORDER BY id DESC LIMIT ?",
        [*targets, ledger.plan_id, 1 if single_plan else 0, int(limit)]).fetchall()
    items = []
    for at, user, action, detail in rows:
        try:
            parsed = json.loads(detail or "{}")
        except ValueError:
            parsed = {}
        items.append(HistoryItem(at=at, user=user, action=action,
                                 detail=parsed if isinstance(parsed, dict) else {}))
    return items


def known_users(ledger) -> list[str]:
    """Names that have written in this ledger: the 填报人 setting first, then whoever wrote
    most recently, then authors of progress entries — the choices offered for 填报人."""
    names = []
    current = ledger.setting("user")
    if current:
        names.append(current)
    rows = ledger.db.execute("SELECT user FROM audit GROUP BY user ORDER BY max(id) DESC"
                             " LIMIT 50").fetchall()
    rows += ledger.db.execute("SELECT DISTINCT author FROM entries LIMIT 50").fetchall()
    for (name,) in rows:
        if name and name.strip() and name not in names:
            names.append(name)
    return names
