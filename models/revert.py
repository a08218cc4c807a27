"""Undo and redo as recorded changes: put measures back the way they were.

The window's undo stack (ui.undo) keeps, for every change a clerk makes, what the measures it
touched held before and after (:func:`capture`). Undo writes the "before" back, redo the
"after" (:func:`restore`): each is one transaction with one audit row per measure, so an undo
is itself in the audit trail and reaches the views like any write. Only the parts the change
made are written back, and only if nothing else changed them meanwhile; otherwise the undo is
refused with one line and the ledger stays as it is. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import db as dbmod
from .errors import InvalidInput
from .ledger import record_audit
from .status import NOT_STARTED

# The parts of a unit's record of one measure that a change can make.
ASSIGNMENT, FIGURES, ENTRIES, LINKS = "assignment", "figures", "entries", "links"
PARTS = (ASSIGNMENT, FIGURES, ENTRIES, LINKS)
_ASSIGNMENT_COLUMNS = ("status", "involved", "problems", "next_steps", "not_involved_reason",
                       "updated_at")
_ASSIGNMENT_DEFAULTS = (NOT_STARTED, None, "", "", "", None)
MAX_MEASURES = 1000          # one change never touches more (a plan has a few hundred)


@dataclass(frozen=True)
class MeasureState:
    """What one unit recorded on one measure, as plain tuples (equal states compare equal).

    ``assignment``: (status, involved, problems, next_steps, not_involved_reason, updated_at)
    or None when the unit has no row yet; ``figures``: ((indicator id, value, updated_at), …);
    ``entries``: ((id, date, author, text, created_at, updated_at), …);
    ``links``: ((evidence id, linked_at), …).
    """
    code: str
    unit: str
    measure_id: int
    assignment: tuple | None
    figures: tuple
    entries: tuple
    links: tuple

    def part(self, name: str):
        """One of PARTS by name."""
        return getattr(self, name)


def capture(ledger, codes, *, unit: str | None = None) -> dict[str, MeasureState]:
    """The state of ``unit``'s record of each measure code of the current plan."""
    unit = unit or ledger.unit
    codes = list(dict.fromkeys(codes))
    if len(codes) > MAX_MEASURES:
        raise InvalidInput(f"一次最多处理 {MAX_MEASURES} 项举措（选了 {len(codes)} 项）")
    states = {}
    for code in codes:
        row = ledger.db.execute("SELECT id FROM measures WHERE plan_id = ? AND code = ?",
                                [ledger.plan_id, code]).fetchone()
        if row is None:
            continue
        states[code] = _state(ledger.db, code, unit, row[0])
    return states


def _state(db, code: str, unit: str, mid: int) -> MeasureState:
    assignment = db.execute(
        f"SELECT {', '.join(_ASSIGNMENT_COLUMNS)} FROM assignments WHERE measure_id = ? AND unit = ?",
        [mid, unit]).fetchone()
    figures = db.execute(
        "SELECT i.id, v.value, v.updated_at FROM indicators i LEFT JOIN indicator_values v"
        " ON v.indicator_id = i.id AND v.unit = ? WHERE i.measure_id = ? ORDER BY i.id",
        [unit, mid]).fetchall()
    entries = db.execute(
        "SELECT id, date, author, text, created_at, updated_at FROM entries"
        " WHERE measure_id = ? AND unit = ? ORDER BY id", [mid, unit]).fetchall()
    links = db.execute(
        "SELECT el.evidence_id, el.linked_at FROM evidence_links el JOIN evidence e"
        " ON e.id = el.evidence_id WHERE el.measure_id = ? AND e.unit = ? ORDER BY el.evidence_id",
        [mid, unit]).fetchall()
    assignment = tuple(assignment) if assignment else None
    if assignment == _ASSIGNMENT_DEFAULTS:
        assignment = None            # a row that says nothing is the same as no row
    return MeasureState(code=code, unit=unit, measure_id=mid, assignment=assignment,
                        figures=tuple(map(tuple, figures)), entries=tuple(map(tuple, entries)),
                        links=tuple(map(tuple, links)))


def changed_parts(before: MeasureState, after: MeasureState) -> list[str]:
    """The PARTS that differ between two states of the same measure."""
    return [name for name in PARTS if before.part(name) != after.part(name)]


def restore(ledger, target: dict[str, MeasureState], *, made: dict[str, MeasureState],
            action: str, what: str = "") -> None:
    """Write ``target`` back for every measure whose state differs from ``made``.

    ``made`` is what the change being undone (or redone) left; the parts it changed are set
    to ``target``'s. If any such part no longer holds what ``made`` says (changed since, by
    another change), nothing is written and InvalidInput says which measure. ``action``
    ("undo" or "redo") and ``what`` (the change, in words) go into one audit row per measure.
    """
    codes = sorted(set(target) | set(made))
    ledger.note_changes(measures=codes, entries=codes, evidence=codes)
    plan = []
    for code in codes:
        want, was = target.get(code), made.get(code)
        if want is None or was is None:
            raise InvalidInput(f"举措 {code} 的记录不完整，无法{_verb(action)}")
        parts = changed_parts(was, want)
        if not parts:
            continue
        now = _state(ledger.db, code, was.unit, was.measure_id)
        moved = [p for p in parts if now.part(p) != was.part(p)]
        if moved:
            raise InvalidInput(f"举措 {code} 在此之后又有改动，无法{_verb(action)}"
                               f"（{'、'.join(_PART_LABELS[p] for p in moved)}已不同）")
        plan.append((code, want, was, parts))
    with dbmod.transaction(ledger.db):
        for code, want, was, parts in plan:
            if ASSIGNMENT in parts:
                _put_assignment(ledger.db, want)
            if FIGURES in parts:
                _put_figures(ledger.db, want)
            if ENTRIES in parts:
                _put_entries(ledger.db, want, was)
            if LINKS in parts:
                _put_links(ledger.db, want, was)
            record_audit(ledger.db, ledger.user, action, f"{code}@{want.unit}",
                         {"what": what, "parts": parts})


_PART_LABELS = {ASSIGNMENT: "状态或填报内容", FIGURES: "完成值", ENTRIES: "进展记录",
                LINKS: "佐证材料"}


def _verb(action: str) -> str:
    return "重做" if action == "redo" else "撤销"


def _put_assignment(db, state: MeasureState) -> None:
    values = state.assignment or _ASSIGNMENT_DEFAULTS
    db.execute("INSERT OR IGNORE INTO assignments (measure_id, unit) VALUES (?, ?)",
               [state.measure_id, state.unit])
    # Columns other changes add to assignments (deadlines, reviews…) are left as they are.
    db.execute(f"UPDATE assignments SET {', '.join(c + ' = ?' for c in _ASSIGNMENT_COLUMNS)}"
               " WHERE measure_id = ? AND unit = ?", [*values, state.measure_id, state.unit])


def _put_figures(db, state: MeasureState) -> None:
    for indicator_id, value, updated_at in state.figures:
        if value is None:
            db.execute("DELETE FROM indicator_values WHERE indicator_id = ? AND unit = ?",
                       [indicator_id, state.unit])
        else:
            db.execute("INSERT INTO indicator_values (indicator_id, unit, value, updated_at)"
                       " VALUES (?,?,?,?) ON CONFLICT(indicator_id, unit) DO UPDATE SET"
                       " value = excluded.value, updated_at = excluded.updated_at",
                       [indicator_id, state.unit, value, updated_at])


def _put_entries(db, want: MeasureState, was: MeasureState) -> None:
    wanted = {row[0]: row for row in want.entries}
    for row in was.entries:
        if row[0] not in wanted:
            db.execute("DELETE FROM entries WHERE id = ?", [row[0]])
    present = {row[0]: row for row in was.entries}
    for entry_id, row in wanted.items():
        if entry_id in present:
            if present[entry_id] != row:
                db.execute("UPDATE entries SET date = ?, author = ?, text = ?, created_at = ?,"
                           " updated_at = ? WHERE id = ?", [*row[1:], entry_id])
            continue
        if db.execute("SELECT 1 FROM entries WHERE id = ?", [entry_id]).fetchone():
            # Its number was given to another entry meanwhile: the stack is out of step.
            raise InvalidInput(f"举措 {want.code} 的进展记录已变化，无法恢复")
        db.execute("INSERT INTO entries (id, measure_id, unit, date, author, text, created_at,"
                   " updated_at) VALUES (?,?,?,?,?,?,?,?)",
                   [entry_id, want.measure_id, want.unit, *row[1:]])


def _put_links(db, want: MeasureState, was: MeasureState) -> None:
    wanted = dict(want.links)
    for evidence_id, _linked_at in was.links:
        if evidence_id not in wanted:
            db.execute("DELETE FROM evidence_links WHERE evidence_id = ? AND measure_id = ?",
                       [evidence_id, want.measure_id])
    present = dict(was.links)
    for evidence_id, linked_at in wanted.items():
        if evidence_id in present:
            continue
        row = db.execute("SELECT original_name FROM evidence WHERE id = ?", [evidence_id]).fetchone()
        if row is None:
            raise InvalidInput(f"举措 {want.code} 的一份佐证材料已从台账中清除，无法恢复关联")
        db.execute("INSERT INTO evidence_links (evidence_id, measure_id, linked_at) VALUES (?,?,?)",
                   [evidence_id, want.measure_id, linked_at])
