"""Changing the ledger's own unit after the first start (chosen wrongly, or the bureau renamed).

What the unit recorded — states, progress entries, figures, evidence — moves with it to the
new name in one transaction, with one audit row. Records on measures the new unit does not
report on are kept (hidden while the unit does not carry them) and counted in the preview,
so the clerk confirms knowing what the list will lose. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import db as dbmod
from .errors import InvalidInput, UnknownUnit
from .ledger import CITY, record_audit

# Tables holding a unit's own records, keyed by the unit's name.
_UNIT_TABLES = ("assignments", "entries", "evidence", "indicator_values")


@dataclass
class UnitChange:
    """What changing the unit from ``old`` to ``new`` moves (rows per table) and which
    measures with records the new unit does not report on (``not_carried``: codes)."""
    old: str
    new: str
    moved: dict[str, int] = field(default_factory=dict)
    not_carried: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Rows that move, all tables together."""
        return sum(self.moved.values())


def preview_unit_change(ledger, new_unit: str) -> UnitChange:
    """What :func:`change_unit` would do; raises the refusal it would raise."""
    new_unit = (new_unit or "").strip()
    old = ledger.unit
    if ledger.role != CITY:
        raise InvalidInput("省级台账没有“本单位”，无法更改")
    if not new_unit:
        raise InvalidInput("请选择新的本单位")
    if new_unit == old:
        raise InvalidInput(f"本单位已经是{old}")
    known = {u.name for u in ledger.units()}
    if new_unit not in known:
        raise UnknownUnit(f"单位“{new_unit}”不在本方案的单位名单中")
    for table in _UNIT_TABLES:
        if ledger.db.execute(f"SELECT 1 FROM {table} WHERE unit = ? LIMIT 1", [new_unit]).fetchone():
            raise InvalidInput(f"台账中已有{new_unit}的填报记录，不能把本单位改为{new_unit}")
    moved = {table: ledger.db.execute(f"SELECT count(*) FROM {table} WHERE unit = ?",
                                      [old]).fetchone()[0] for table in _UNIT_TABLES}
    own = {row.code for row in ledger.measures(unit=old)}
    carried = {row.code for row in ledger.measures(unit=new_unit)}
    recorded = {code for (code,) in ledger.db.execute(
        "SELECT m.code FROM measures m WHERE m.plan_id = ? AND (m.id IN (SELECT measure_id FROM"
        " assignments WHERE unit = ?) OR m.id IN (SELECT measure_id FROM entries WHERE unit = ?))",
        [ledger.plan_id, old, old]).fetchall()}
    not_carried = sorted((own & recorded) - carried, key=_code_key)
    return UnitChange(old=old, new=new_unit, moved=moved, not_carried=not_carried)


def change_unit(ledger, new_unit: str) -> UnitChange:
    """Make ``new_unit`` the ledger's unit, moving everything recorded under the old name.

    One transaction and one audit row ("change_unit", with the old and new names and the
    counts); the views reload everything.
    """
    ledger.note_changes(everything=True)
    change = preview_unit_change(ledger, new_unit)
    with dbmod.transaction(ledger.db):
        for table in _UNIT_TABLES:
            ledger.db.execute(f"UPDATE {table} SET unit = ? WHERE unit = ?", [change.new, change.old])
        ledger.db.execute("UPDATE meta SET value = ? WHERE key = 'unit'", [change.new])
        record_audit(ledger.db, ledger.user, "change_unit", change.new,
                     {"old": change.old, "new": change.new, "moved": change.moved})
    return change


def _code_key(code: str) -> tuple[int, int]:
    task, _, measure = code.partition(".")
    return int(task), int(measure or 0)
