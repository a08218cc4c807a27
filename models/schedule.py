"""A measure's time as a unit plans it: its own deadline and its milestones (阶段节点).

A measure's deadline is, in order: the one the unit set (``set_deadline``, who and when kept
on the assignment and in the audit trail), the date its 完成时限 names in the list, or the
plan's hand-in date standing in (shown as such: ``deadline_source`` "plan"). Milestones are
dated steps of a measure (what, planned date, done date) the unit adds and ticks. Every
write is one transaction with one audit row; bad input is refused with one line and changes
nothing.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from . import db as dbmod
from .clock import now_text
from .errors import InvalidInput
from .inputs import clean_text, parse_date

MAX_MILESTONES = 50          # per measure and unit
MAX_MILESTONE_TEXT = 500
_KEEP = object()


@dataclass
class Milestone:
    """One dated step of a measure."""
    id: int
    measure_code: str
    text: str
    planned: str                 # ISO date
    done: str | None             # ISO date it was done, None while open
    created_by: str = ""
    updated_at: str = ""

    def state(self, on: date) -> str:
        """"done", "late" (planned date passed, not done) or "open"."""
        if self.done and self.done <= on.isoformat():
            return "done"
        return "late" if self.planned < on.isoformat() else "open"

    def to_dict(self) -> dict:
        """JSON-ready (``milestone --json``, ``due --json``, data.json)."""
        return asdict(self)


def plan_period(ledger) -> tuple[str, str]:
    """(first, last) day of the current plan's period: 1 January of its first year to 31
    December of its last (or the hand-in date, if later)."""
    from .pace import plan_start
    plan = ledger.plan()
    first = plan_start(plan.year, plan.period)
    years = [int(y) for y in _years(plan.period)] or [plan.year]
    last = max(date(max(years + [plan.year]), 12, 31).isoformat(), plan.deadline)
    return first.isoformat(), last


def _years(period: str) -> list[str]:
    import re
    return [y for y in re.findall(r"(?:19|20|21)\d\d", period or "") if 1990 <= int(y) <= 2100]


def _check_in_period(ledger, day: str, what: str, code: str) -> None:
    first, last = plan_period(ledger)
    if not first <= day <= last:
        raise InvalidInput(f"举措 {code} 的{what} {day} 超出方案期间（{first} 至 {last}）")


def set_deadline(ledger, code: str, day: str | None, *, unit: str | None = None):
    """Set the unit's own deadline for measure ``code`` (``day`` None or "" goes back to the
    list's 完成时限, or the plan's hand-in date). Refused: a date outside the plan's period,
    or earlier than one of the measure's milestones. Returns the MeasureRow."""
    ledger.note_changes(measures={code})
    unit = ledger.check_unit(unit)
    mid, _ = ledger._reportable(code, unit)
    new = parse_date(day, what=f"举措 {code} 的完成时限") if day not in (None, "") else None
    if new is not None:
        _check_in_period(ledger, new, "完成时限", code)
        later = ledger.db.execute(
            "SELECT text, planned FROM milestones WHERE measure_id = ? AND unit = ? AND planned > ?"
            " ORDER BY planned DESC LIMIT 1", [mid, unit, new]).fetchone()
        if later:
            raise InvalidInput(f"举措 {code} 的阶段节点“{later[0]}”（{later[1]}）晚于新的完成时限"
                               f" {new}：请先调整该节点")
    old = ledger.db.execute("SELECT deadline FROM assignments WHERE measure_id = ? AND unit = ?",
                            [mid, unit]).fetchone()
    old = old[0] if old else None
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        now = now_text()
        ledger._ensure_assignment(mid, unit)
        ledger.db.execute("UPDATE assignments SET deadline = ?, deadline_set_by = ?,"
                          " deadline_set_at = ? WHERE measure_id = ? AND unit = ?",
                          [new, ledger.user if new else "", now if new else None, mid, unit])
        ledger._touch(mid, unit, now)
        record_audit(ledger.db, ledger.user, "deadline", f"{code}@{unit}", {"old": old, "new": new})
    return ledger.measure(code, unit=unit).row


def milestones(ledger, code: str | None = None, *, unit: str | None = None) -> list[Milestone]:
    """The unit's milestones of measure ``code`` (or of every measure of the current plan),
    by planned date. In an "as of" view (Ledger.as_of) one done after the cut-off shows as
    not done yet."""
    unit = ledger.check_unit(unit)
    sql = ("SELECT ms.*, m.code FROM milestones ms JOIN measures m ON m.id = ms.measure_id"
           " WHERE ms.unit = ? AND m.plan_id = ?")
    params: list = [unit, ledger.plan_id]
    if code is not None:
        sql += " AND m.id = ?"
        params.append(ledger._measure_pk(code))
    cutoff = ledger.cutoff
    return [Milestone(id=row["id"], measure_code=row["code"], text=row["text"],
                      planned=row["planned"],
                      done=row["done"] if not (cutoff and row["done"] and row["done"] > cutoff) else None,
                      created_by=row["created_by"], updated_at=row["updated_at"])
            for row in ledger.db.query(sql + " ORDER BY ms.planned, ms.id", params)]


def _milestone(ledger, milestone_id: int) -> tuple[dict, str]:
    row = next(ledger.db.query(
        "SELECT ms.*, m.code, m.plan_id FROM milestones ms JOIN measures m ON m.id = ms.measure_id"
        " WHERE ms.id = ?", [milestone_id]), None)
    if row is None or row["plan_id"] != ledger.plan_id:
        raise InvalidInput(f"没有编号为 {milestone_id} 的阶段节点")
    return row, row["code"]


def _checked(ledger, code: str, mid: int, unit: str, text, planned, done) -> tuple[str, str, str | None]:
    text = clean_text(text, what="阶段节点内容", limit=MAX_MILESTONE_TEXT)
    if not text:
        raise InvalidInput("阶段节点内容不能为空，例如：出台实施方案")
    planned = parse_date(planned, what="阶段节点的计划日期")
    _check_in_period(ledger, planned, "阶段节点计划日期", code)
    deadline = ledger.db.execute(
        "SELECT COALESCE(r.deadline, m.deadline, p.deadline) FROM measures m JOIN plans p"
        " ON p.id = m.plan_id LEFT JOIN assignments r ON r.measure_id = m.id AND r.unit = ?"
        " WHERE m.id = ?", [unit, mid]).fetchone()[0]
    if deadline and planned > deadline:
        raise InvalidInput(f"阶段节点的计划日期 {planned} 晚于举措 {code} 的完成时限 {deadline}")
    if done not in (None, ""):
        done = parse_date(done, what="阶段节点的完成日期")
        if done > ledger.today().isoformat():
            raise InvalidInput(f"阶段节点的完成日期 {done} 还没有到（今天是 {ledger.today().isoformat()}）")
    else:
        done = None
    return text, planned, done


def add_milestone(ledger, code: str, *, text: str, planned: str, done: str | None = None,
                  unit: str | None = None) -> Milestone:
    """Add a milestone to measure ``code``. Refused: empty or too long text, a planned date
    outside the plan's period or after the measure's deadline, a done date in the future,
    more than MAX_MILESTONES on the measure."""
    ledger.note_changes(measures={code}, milestones={code})
    unit = ledger.check_unit(unit)
    mid, _ = ledger._reportable(code, unit)
    text, planned, done = _checked(ledger, code, mid, unit, text, planned, done)
    count = ledger.db.execute("SELECT count(*) FROM milestones WHERE measure_id = ? AND unit = ?",
                              [mid, unit]).fetchone()[0]
    if count >= MAX_MILESTONES:
        raise InvalidInput(f"举措 {code} 已有 {count} 个阶段节点（上限 {MAX_MILESTONES} 个）")
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        now = now_text()
        new_id = ledger.db.execute(
            "INSERT INTO milestones (measure_id, unit, text, planned, done, created_at, created_by,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?)",
            [mid, unit, text, planned, done, now, ledger.user, now]).lastrowid
        ledger._ensure_assignment(mid, unit)
        ledger._touch(mid, unit, now)
        record_audit(ledger.db, ledger.user, "add_milestone", f"{code}@{unit}",
                     {"id": new_id, "text": text, "planned": planned, "done": done})
    return next(m for m in milestones(ledger, code, unit=unit) if m.id == new_id)


def update_milestone(ledger, milestone_id: int, *, text: str | None = None,
                     planned: str | None = None, done=_KEEP) -> Milestone:
    """Change a milestone: its text, planned date, or done date (``done`` "" or None: not
    done; left out: unchanged). The same checks as add_milestone."""
    row, code = _milestone(ledger, milestone_id)
    ledger.note_changes(measures={code}, milestones={code})
    unit = row["unit"]
    new_done = row["done"] if done is _KEEP else done
    text, new_planned, new_done = _checked(
        ledger, code, row["measure_id"], unit, row["text"] if text is None else text,
        row["planned"] if planned is None else planned, new_done)
    old = {"text": row["text"], "planned": row["planned"], "done": row["done"]}
    new = {"text": text, "planned": new_planned, "done": new_done}
    if old == new:
        return next(m for m in milestones(ledger, code, unit=unit) if m.id == milestone_id)
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        now = now_text()
        ledger.db.execute("UPDATE milestones SET text = ?, planned = ?, done = ?, updated_at = ?"
                          " WHERE id = ?", [text, new_planned, new_done, now, milestone_id])
        ledger._touch(row["measure_id"], unit, now)
        record_audit(ledger.db, ledger.user, "edit_milestone", f"{code}@{unit}",
                     {"id": milestone_id, "old": old, "new": new})
    return next(m for m in milestones(ledger, code, unit=unit) if m.id == milestone_id)


def delete_milestone(ledger, milestone_id: int) -> None:
    """Delete a milestone (its text and dates stay in the audit trail)."""
    row, code = _milestone(ledger, milestone_id)
    ledger.note_changes(measures={code}, milestones={code})
    from .ledger import record_audit
    with dbmod.transaction(ledger.db):
        ledger.db.execute("DELETE FROM milestones WHERE id = ?", [milestone_id])
        ledger._touch(row["measure_id"], row["unit"], now_text())
        record_audit(ledger.db, ledger.user, "delete_milestone", f"{code}@{row['unit']}",
                     {"id": milestone_id, "text": row["text"], "planned": row["planned"],
                      "done": row["done"]})
