"""The province's own divisions (处室): units of the provincial ledger that carry the plan
issuer's "--" measures.

The notice asks "各责任处室和地市知识产权局" to report: the measures whose 责任地市 is "--"
are done by the provincial office's divisions. In the provincial ledger a division is a unit
of kind "division" on the plan's unit list; each "--" measure is assigned to one or more
divisions (a measure_units row). A division then reports on its measures only — by keeping
its own ledger (started from the province's plan file, exports.plan_file) and handing in a
package like a city, or through the coordinator recording for it here
(``record ID --unit 保护处``).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .. import db as dbmod
from ..errors import InvalidInput, UnknownMeasure, UnknownUnit
from ..ledger import PROVINCE_ROLE, record_audit
from ..plan.store import DIVISION

MAX_NAME_CHARS = 40
MAX_DIVISIONS = 200


@dataclass
class Division:
    """A division of the provincial office and the "--" measures assigned to it."""
    name: str
    measures: list[str] = field(default_factory=list)


@dataclass
class IssuerMeasure:
    """A "--" measure of the plan and the divisions carrying it."""
    code: str
    task_no: int
    text: str
    divisions: list[str] = field(default_factory=list)


def _require_province(ledger) -> None:
    if ledger.role != PROVINCE_ROLE:
        raise InvalidInput("处室只在省级台账中设置（用 init --province 新建省级台账）")


def divisions(ledger) -> list[Division]:
    """The current plan's divisions in the order they were added, with their measures."""
    plan_id = ledger.plan_id
    result = {row["name"]: Division(row["name"]) for row in ledger.db.query(
        "SELECT name FROM units WHERE plan_id = ? AND kind = ? ORDER BY seq, rowid",
        [plan_id, DIVISION])}
    for row in ledger.db.query(
            "SELECT mu.unit, m.code FROM measure_units mu JOIN measures m ON m.id = mu.measure_id"
            " JOIN tasks t ON t.id = m.task_id WHERE m.plan_id = ? AND m.scope = 'issuer'"
            " ORDER BY t.no, m.seq", [plan_id]):
        if row["unit"] in result:
            result[row["unit"]].measures.append(row["code"])
    return list(result.values())


def issuer_measures(ledger) -> list[IssuerMeasure]:
    """The current plan's "--" measures in plan order, each with its divisions."""
    by_code: dict[str, IssuerMeasure] = {}
    for row in ledger.db.query(
            "SELECT m.id, m.code, t.no, m.text FROM measures m JOIN tasks t ON t.id = m.task_id"
            " WHERE m.plan_id = ? AND m.scope = 'issuer' ORDER BY t.no, m.seq", [ledger.plan_id]):
        by_code[row["code"]] = IssuerMeasure(row["code"], row["no"], row["text"])
    names = {d.name for d in divisions(ledger)}
    for row in ledger.db.query(
            "SELECT m.code, mu.unit FROM measure_units mu JOIN measures m ON m.id = mu.measure_id"
            " WHERE m.plan_id = ? AND m.scope = 'issuer' ORDER BY mu.rowid", [ledger.plan_id]):
        if row["unit"] in names and row["code"] in by_code:
            by_code[row["code"]].divisions.append(row["unit"])
    return list(by_code.values())


def check_division_name(name: str) -> str:
    """A division's name as stored (stripped, NFC), or InvalidInput saying what is wrong."""
    if not isinstance(name, str):
        raise InvalidInput("处室名称不是文本")
    text = unicodedata.normalize("NFC", name).strip()
    if not text:
        raise InvalidInput("处室名称不能为空")
    if len(text) > MAX_NAME_CHARS:
        raise InvalidInput(f"处室名称过长（{len(text)} 字），最多 {MAX_NAME_CHARS} 字")
    if any(unicodedata.category(ch)[0] in "CZ" and ch != " " for ch in text) \
            or any(ch in '\\/:*?"<>|' for ch in text):
        raise InvalidInput(f"处室名称“{text}”含有不能用于名称或文件名的字符")
    return text


def add_division(ledger, name: str) -> Division:
    """Add a division to the current plan's unit list (one transaction, audited)."""
    ledger.note_changes(units=True)
    _require_province(ledger)
    name = check_division_name(name)
    if name == ledger.unit:
        raise InvalidInput(f"“{name}”是本省级台账自身的名称，不能作为处室")
    existing = {u.name: u.kind for u in ledger.units()}
    if name in existing:
        kind = "处室" if existing[name] == DIVISION else "单位"
        raise InvalidInput(f"{kind}“{name}”已在本方案的单位名单中")
    if sum(1 for kind in existing.values() if kind == DIVISION) >= MAX_DIVISIONS:
        raise InvalidInput(f"处室已有 {MAX_DIVISIONS} 个，达到上限")
    with dbmod.transaction(ledger.db):
        seq = ledger.db.execute("SELECT COALESCE(max(seq), -1) + 1 FROM units WHERE plan_id = ?",
                                [ledger.plan_id]).fetchone()[0]
        ledger.db.execute("INSERT INTO units (plan_id, name, kind, seq) VALUES (?,?,?,?)",
                          [ledger.plan_id, name, DIVISION, seq])
        record_audit(ledger.db, ledger.user, "add_division", name, {"plan": ledger.plan_id})
    return Division(name)


def _division(ledger, name: str) -> str:
    name = (name or "").strip()
    kinds = {u.name: u.kind for u in ledger.units()}
    if kinds.get(name) != DIVISION:
        if name in kinds:
            raise InvalidInput(f"“{name}”是地市等单位，不是处室；省级举措只能分配给处室")
        raise UnknownUnit(f"处室“{name}”不在本方案的单位名单中（先用 division add {name} 添加）")
    return name


def remove_division(ledger, name: str) -> None:
    """Remove a division that has nothing recorded and no submission (one transaction)."""
    ledger.note_changes(units=True)
    _require_province(ledger)
    name = _division(ledger, name)
    db = ledger.db
    plan_measures = "SELECT id FROM measures WHERE plan_id = ?"
    used = (db.execute(f"SELECT count(*) FROM assignments WHERE unit = ? AND measure_id IN"
                       f" ({plan_measures})", [name, ledger.plan_id]).fetchone()[0]
            + db.execute("SELECT count(*) FROM submissions WHERE unit = ? AND plan_id = ?",
                         [name, ledger.plan_id]).fetchone()[0])
    if used:
        raise InvalidInput(f"处室“{name}”已有填报或报送记录，不能删除")
    with dbmod.transaction(db):
        db.execute(f"DELETE FROM measure_units WHERE unit = ? AND measure_id IN ({plan_measures})",
                   [name, ledger.plan_id])
        db.execute("DELETE FROM units WHERE plan_id = ? AND name = ?", [ledger.plan_id, name])
        record_audit(db, ledger.user, "remove_division", name, {"plan": ledger.plan_id})


def assign_division(ledger, code: str, division: str, *, remove: bool = False) -> IssuerMeasure:
    """Assign the "--" measure ``code`` to ``division`` (or take it away with ``remove``);
    one transaction, audited. A measure may have several divisions."""
    ledger.note_changes(units=True, measures={str(code)})
    _require_province(ledger)
    division = _division(ledger, division)
    row = ledger.db.execute("SELECT id, scope FROM measures WHERE plan_id = ? AND code = ?",
                            [ledger.plan_id, str(code).strip()]).fetchone()
    if row is None:
        raise UnknownMeasure(f"没有编号为“{code}”的落实举措（编号形如 1.1：第1项任务的第1条举措）")
    mid, scope = row
    if scope != "issuer":
        raise InvalidInput(f"举措 {code} 的责任地市不是“--”（由地市负责），不能分配给处室")
    exists = ledger.db.execute("SELECT 1 FROM measure_units WHERE measure_id = ? AND unit = ?",
                               [mid, division]).fetchone()
    if remove and not exists:
        raise InvalidInput(f"举措 {code} 没有分配给{division}")
    if remove:
        recorded = ledger.db.execute("SELECT count(*) FROM assignments WHERE measure_id = ? AND"
                                     " unit = ?", [mid, division]).fetchone()[0]
        if recorded:
            raise InvalidInput(f"{division}已填报举措 {code}，不能取消分配")
    with dbmod.transaction(ledger.db):
        if remove:
            ledger.db.execute("DELETE FROM measure_units WHERE measure_id = ? AND unit = ?",
                              [mid, division])
        elif not exists:
            ledger.db.execute("INSERT INTO measure_units (measure_id, unit) VALUES (?,?)",
                              [mid, division])
        record_audit(ledger.db, ledger.user, "unassign" if remove else "assign",
                     f"{code}@{division}", {})
    return next(m for m in issuer_measures(ledger) if m.code == str(code).strip())


def units_recorded_directly(ledger) -> dict[str, str]:
    """Units with data in the provincial ledger but no package on the plan (a division the
    coordinator records for): unit → when it was last updated."""
    return {row[0]: row[1] or "" for row in ledger.db.execute(
        "SELECT a.unit, max(a.updated_at) FROM assignments a JOIN measures m ON m.id = a.measure_id"
        " WHERE m.plan_id = ? AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.plan_id = m.plan_id"
        " AND s.unit = a.unit) GROUP BY a.unit", [ledger.plan_id]).fetchall()}
