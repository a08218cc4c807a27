"""The Ledger: one bureau's (or the province's) record of work on a plan.

Every public method that changes something runs as one transaction and leaves one audit row.
"""
from __future__ import annotations

import contextlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from . import db as dbmod
from .changes import Changes
from .clock import now_text
from .deadlines import deadline_state, today
from .errors import InvalidInput, LedgerExists, UnknownMeasure, UnknownUnit
from .evidence_store import MISSING, OK, EvidenceStore, evidence_dir_for
from .plan.store import indicator_row, insert_plan, list_plans, list_units, read_plan
from .records import (AuditRecord, Entry, Evidence, MeasureDetail, MeasureRow, Plan, PlanInfo,
                      Unit, VerifyProblem)
from .status import NOT_INVOLVED, NOT_STARTED, normalize_status

CITY, PROVINCE_ROLE = "city", "province"

# Settings that travel with the data (the unit's letterhead, contacts); window state does not
# belong here.
SETTING_KEYS = ("unit", "user", "role", "current_plan", "unit_full_name", "addressee",
                "contact_person", "contact_phone", "page_number_style")

# The measures a unit reports on or must confirm, with its state; models.queries filters and
# sorts over it. Parameters :unit and :plan.
MEASURE_SELECT = """
SELECT m.id AS mid, m.code, s.title AS section, s.seq AS section_seq, t.no AS task_no,
       t.content AS task_content, m.text, m.responsibility, m.scope,
       COALESCE(m.deadline, p.deadline) AS deadline,
       COALESCE(r.status, '未启动') AS status, r.involved, COALESCE(r.problems, '') AS problems,
       COALESCE(r.next_steps, '') AS next_steps, r.updated_at,
       COALESCE(r.not_involved_reason, '') AS not_involved_reason,
       (SELECT count(*) FROM evidence_links el JOIN evidence e ON e.id = el.evidence_id
         WHERE el.measure_id = m.id AND e.unit = :unit) AS evidence_count,
       (SELECT count(*) FROM entries en WHERE en.measure_id = m.id AND en.unit = :unit)
         AS entry_count,
       (SELECT max(date) FROM entries en WHERE en.measure_id = m.id AND en.unit = :unit)
         AS last_entry_date
FROM measures m
JOIN tasks t ON t.id = m.task_id
JOIN sections s ON s.id = t.section_id
JOIN plans p ON p.id = m.plan_id
LEFT JOIN assignments r ON r.measure_id = m.id AND r.unit = :unit
WHERE m.plan_id = :plan
  AND ((m.scope IN ('all', 'relevant')
        -- 各省辖市… and 相关地市 mean the listed units; a department the plan names
        -- elsewhere (kind "other") reports only on what names it.
        AND EXISTS (SELECT 1 FROM units u WHERE u.plan_id = m.plan_id AND u.name = :unit
                    AND u.kind != 'other'))
       OR (m.scope = 'named' AND EXISTS (SELECT 1 FROM measure_units mu
                                         WHERE mu.measure_id = m.id AND mu.unit = :unit)))
"""
_ORDER = " ORDER BY s.seq, t.no, m.seq"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REASON_MAX = 200                     # characters of a 不涉及 reason (one line in 备注)


def parse_date(value: str | date | None, *, what: str = "日期") -> str:
    """A YYYY-MM-DD string (today when None); InvalidInput for anything else."""
    if value is None:
        return today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    value = str(value).strip()
    try:
        if not _DATE_RE.match(value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidInput(f"{what}“{value}”无效，应为 YYYY-MM-DD，例如 2021-11-30") from None


class Ledger:
    """An open ledger file. Not thread-safe: open one per thread (``Ledger.open(path)``)."""

    def __init__(self, path: Path, db):
        self.path = Path(path)
        self.db = db
        self.evidence = EvidenceStore(evidence_dir_for(self.path))
        self._changes = Changes()

    # ---- opening ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, *, unit: str, user: str = "", plan: dict | None = None,
               role: str = CITY) -> "Ledger":
        """Create a ledger for ``unit`` on ``plan`` (the built-in 2021 plan by default).

        Refuses to overwrite an existing file. On any error no file is left behind.
        """
        path = Path(path)
        if path.exists():
            raise LedgerExists(f"台账文件已存在：{path}（不会覆盖；如需新建请换一个 --db 路径）")
        if plan is None:
            from .plan.definition import load_builtin_plan
            plan = load_builtin_plan()
        unit_names = [u["name"] for u in plan.get("units", [])]
        if role == CITY and unit not in unit_names:
            raise UnknownUnit(f"单位“{unit}”不在本方案的单位名单中。可选：{'、'.join(unit_names)}")
        db = None
        try:
            db = dbmod.create_ledger_db(path)
            with dbmod.transaction(db):
                plan_id = insert_plan(db, plan)
                for key, value in (("unit", unit), ("user", user), ("role", role),
                                   ("current_plan", str(plan_id)), ("addressee", plan.get("issuer", "") )):
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])
                record_audit(db, user, "create_ledger", unit,
                       {"plan": plan["title"], "year": plan["year"], "role": role})
        except BaseException:
            if db is not None:
                db.conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                if leftover.exists():
                    leftover.unlink()
            raise
        return cls(path, db)

    @classmethod
    def open(cls, path: Path) -> "Ledger":
        """Open an existing ledger (upgrading an older schema after copying the file aside)."""
        return cls(path, dbmod.open_ledger_db(Path(path)))

    def close(self) -> None:
        """Close the connection (checkpointing the WAL into the main file)."""
        if self.db is not None:
            self.db.conn.close()
            self.db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- what writes changed, and consistent reads ------------------------------------------
    def take_changes(self) -> Changes:
        """What the writes since the last call touched (refused ones included); then forget it."""
        changes, self._changes = self._changes, Changes()
        return changes

    def note_changes(self, **parts) -> None:
        """Record that a write touched ``parts`` (Changes fields: sets of codes or units, flags).

        Writers outside this class (package import, plan import) call it so their changes reach
        the window the same way.
        """
        self._changes.merge(Changes(**{key: set(value) if isinstance(value, (list, tuple, set))
                                       else value for key, value in parts.items()}))

    @contextlib.contextmanager
    def snapshot(self):
        """Read everything inside one read transaction: a write made meanwhile by another
        connection (the window) is not seen halfway through, e.g. in a package."""
        if self.db.conn.in_transaction:
            yield self
            return
        self.db.execute("BEGIN")
        try:
            # A deferred transaction takes its snapshot at the first read.
            self.db.execute("SELECT count(*) FROM meta").fetchone()
            yield self
        finally:
            if self.db.conn.in_transaction:
                self.db.execute("COMMIT")

    # ---- settings ----------------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        """A business setting stored in the ledger."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row and row[0] is not None else default

    def settings(self) -> dict[str, str]:
        """All business settings."""
        return {key: self.setting(key) for key in SETTING_KEYS}

    def set_settings(self, **values: str) -> None:
        """Change business settings (unit full name, contacts…) in one transaction."""
        unknown = [k for k in values if k not in SETTING_KEYS]
        if unknown:
            raise InvalidInput(f"未知的设置项：{', '.join(unknown)}")
        if "current_plan" in values or "unit" in values:
            self.note_changes(everything=True)
        else:
            self.note_changes(settings=True)
        with dbmod.transaction(self.db):
            for key, value in values.items():
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key)"
                                " DO UPDATE SET value = excluded.value", [key, str(value)])
            record_audit(self.db, self.user, "settings", "", values)

    @property
    def unit(self) -> str:
        return self.setting("unit")

    @property
    def user(self) -> str:
        return self.setting("user")

    @property
    def role(self) -> str:
        return self.setting("role", CITY)

    @property
    def plan_id(self) -> int:
        return int(self.setting("current_plan"))

    # ---- plans and units ---------------------------------------------------------------------
    def plans(self) -> list[PlanInfo]:
        """Plans held in this ledger."""
        return list_plans(self.db)

    def plan(self, plan_id: int | None = None) -> Plan:
        """The plan tree (current plan by default)."""
        return read_plan(self.db, plan_id or self.plan_id)

    def add_plan(self, plan: dict, *, make_current: bool = True) -> int:
        """Add another year's plan; returns its id."""
        self.note_changes(everything=True)
        with dbmod.transaction(self.db):
            plan_id = insert_plan(self.db, plan)
            if make_current:
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'current_plan'", [str(plan_id)])
            record_audit(self.db, self.user, "add_plan", plan["title"], {"year": plan["year"]})
        return plan_id

    def switch_plan(self, plan_id: int) -> None:
        """Make ``plan_id`` the plan the ledger works on."""
        if plan_id not in {p.id for p in self.plans()}:
            raise InvalidInput(f"台账中没有编号为 {plan_id} 的方案")
        self.set_settings(current_plan=str(plan_id))

    def units(self, plan_id: int | None = None) -> list[Unit]:
        """The plan's unit list."""
        return list_units(self.db, plan_id or self.plan_id)

    def check_unit(self, unit: str | None) -> str:
        """``unit`` (or the ledger's own) if the plan knows it; UnknownUnit otherwise."""
        unit = unit or self.unit
        if unit not in {u.name for u in self.units()}:
            raise UnknownUnit(f"单位“{unit}”不在本方案的单位名单中（运行 units 查看名单）")
        return unit

    # ---- measures as a unit sees them --------------------------------------------------------
    def measures(self, *, unit: str | None = None, status: str | None = None,
                 on: date | None = None) -> list[MeasureRow]:
        """Every measure ``unit`` reports on or must confirm (not province-only ones)."""
        unit = self.check_unit(unit)
        sql, params = MEASURE_SELECT, {"unit": unit, "plan": self.plan_id}
        if status:
            sql += " AND COALESCE(r.status, '未启动') = :status"
            params["status"] = normalize_status(status)
        on = on or today()
        return [measure_row(row, on) for row in self.db.query(sql + _ORDER, params)]

    def measure(self, code: str, *, unit: str | None = None) -> MeasureDetail:
        """One measure with everything the unit recorded for it."""
        unit = self.check_unit(unit)
        mid = self._measure_pk(code)
        rows = list(self.db.query(MEASURE_SELECT + " AND m.id = :mid",
                                  {"unit": unit, "plan": self.plan_id, "mid": mid}))
        if not rows:
            raise UnknownMeasure(f"举措 {code} 由省级负责或不属于{unit}，本单位无需填报")
        head = self.db.execute("SELECT responsibility_raw, scope FROM measures WHERE id = ?",
                               [mid]).fetchone()
        values = {r["indicator_id"]: r["value"] for r in self.db.query(
            "SELECT indicator_id, value FROM indicator_values WHERE unit = ?", [unit])}
        indicators = [indicator_row(r, values.get(r["id"])) for r in self.db.query(
            "SELECT * FROM indicators WHERE measure_id = ? ORDER BY seq", [mid])]
        entries = [Entry(id=r["id"], measure_code=code, date=r["date"], author=r["author"],
                         text=r["text"], created_at=r["created_at"], updated_at=r["updated_at"])
                   for r in self.db.query("SELECT * FROM entries WHERE measure_id = ? AND unit = ?"
                                          " ORDER BY date, id", [mid, unit])]
        units = [r["unit"] for r in self.db.query(
            "SELECT unit FROM measure_units WHERE measure_id = ?", [mid])]
        return MeasureDetail(row=measure_row(rows[0], today()), responsibility_raw=head[0],
                             units=units, indicators=indicators, entries=entries,
                             evidence=self.evidence_for(code, unit=unit))

    def _measure_pk(self, code: str) -> int:
        row = self.db.execute("SELECT id FROM measures WHERE plan_id = ? AND code = ?",
                              [self.plan_id, str(code).strip()]).fetchone()
        if not row:
            raise UnknownMeasure(f"没有编号为“{code}”的落实举措（编号形如 8.5：第8项任务的第5条举措）")
        return row[0]

    def _unit_kind(self, unit: str) -> str:
        row = self.db.execute("SELECT kind FROM units WHERE plan_id = ? AND name = ?",
                              [self.plan_id, unit]).fetchone()
        return row[0] if row else "other"

    def _reportable(self, code: str, unit: str) -> tuple[int, str]:
        """(measure pk, scope) if ``unit`` reports on ``code``; raise otherwise."""
        mid = self._measure_pk(code)
        scope, named = self.db.execute(
            "SELECT scope, EXISTS (SELECT 1 FROM measure_units WHERE measure_id = m.id AND unit = ?)"
            " FROM measures m WHERE id = ?", [unit, mid]).fetchone()
        if scope == "issuer":
            raise UnknownMeasure(f"举措 {code} 由省级负责（责任地市为“--”），地市只能查看、无需填报")
        if scope in ("all", "relevant") and self._unit_kind(unit) == "other":
            raise UnknownMeasure(f"举措 {code} 由各地市负责，{unit}不在地市名单中，无需填报")
        if scope == "named" and not named:
            raise UnknownMeasure(f"举措 {code} 的责任地市不含{unit}，本单位无需填报")
        return mid, scope

    # ---- recording ---------------------------------------------------------------------------
    def record(self, code: str, *, status: str | None = None, note: str | None = None,
               date: str | None = None, problems: str | None = None,
               next_steps: str | None = None, value: float | str | None = None,
               involved: bool | None = None, unit: str | None = None,
               author: str | None = None, reason: str | None = None) -> MeasureRow:
        """Update a measure for a unit; a ``note`` adds a dated progress entry.

        ``reason``: why the unit is not involved (不涉及), a short text printed in the
        完成情况表's 备注. All of it is one transaction: a bad value leaves every field as it was.
        """
        self.note_changes(measures={code}, entries={code} if note is not None else set())
        unit = self.check_unit(unit)
        mid, scope = self._reportable(code, unit)
        new_status = normalize_status(status) if status is not None else None
        if new_status == NOT_INVOLVED and scope != "relevant":
            raise InvalidInput(f"举措 {code} 的责任地市为“全部/指定地市”，不能填“不涉及”"
                               "（只有“相关地市”的举措可确认不涉及）")
        if involved is False and scope != "relevant":
            raise InvalidInput(f"举措 {code} 不是“相关地市”举措，无需确认是否涉及")
        entry_date = parse_date(date, what="进展日期") if note else None
        if note is not None and not note.strip():
            raise InvalidInput("进展内容不能为空")
        if reason is not None:
            reason = " ".join(str(reason).split())
            if len(reason) > REASON_MAX:
                raise InvalidInput(f"不涉及的理由最多 {REASON_MAX} 个字（现有 {len(reason)} 个）")
        number = _parse_number(value) if value is not None and value != "" else None
        indicator_ids = [r[0] for r in self.db.execute(
            "SELECT id FROM indicators WHERE measure_id = ? ORDER BY seq", [mid]).fetchall()]
        if value is not None and value != "" and not indicator_ids:
            raise InvalidInput(f"举措 {code} 没有量化指标，不能填写完成值")
        author = author if author is not None else self.user
        if new_status == NOT_INVOLVED:
            involved = False
        elif new_status is not None and scope == "relevant" and involved is None:
            involved = True

        changes = {k: v for k, v in (("status", new_status), ("problems", problems),
                                     ("next_steps", next_steps),
                                     ("not_involved_reason", reason)) if v is not None}
        with dbmod.transaction(self.db):
            now = now_text()
            self._ensure_assignment(mid, unit)
            for key, val in changes.items():
                self.db.execute(f"UPDATE assignments SET {key} = ? WHERE measure_id = ? AND unit = ?",
                                [val, mid, unit])
            if involved is not None:
                self.db.execute("UPDATE assignments SET involved = ? WHERE measure_id = ? AND unit = ?",
                                [1 if involved else 0, mid, unit])
                if involved is False:
                    self.db.execute("UPDATE assignments SET status = ? WHERE measure_id = ? AND unit = ?",
                                    [NOT_INVOLVED, mid, unit])
                elif self._status(mid, unit) == NOT_INVOLVED:
                    self.db.execute("UPDATE assignments SET status = ? WHERE measure_id = ? AND unit = ?",
                                    [new_status or NOT_STARTED, mid, unit])
            if note:
                self.db.execute(
                    "INSERT INTO entries (measure_id, unit, date, author, text, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?,?)", [mid, unit, entry_date, author, note.strip(), now, now])
            if value is not None and indicator_ids:
                self._write_indicator(indicator_ids[0], unit, number, now)
            self._touch(mid, unit, now)
            detail = dict(changes)
            if note:
                detail.update(note=note.strip(), date=entry_date)
            if value is not None:
                detail["value"] = number
            if involved is not None:
                detail["involved"] = involved
            record_audit(self.db, author, "record", f"{code}@{unit}", detail)
        return self.measure(code, unit=unit).row

    def set_indicator_value(self, indicator_id: int, value: float | str | None, *,
                            unit: str | None = None) -> None:
        """Record (or clear with None) the unit's figure for one indicator."""
        unit = self.check_unit(unit)
        row = self.db.execute("SELECT m.code FROM indicators i JOIN measures m ON m.id = i.measure_id"
                              " WHERE i.id = ? AND m.plan_id = ?", [indicator_id, self.plan_id]).fetchone()
        if not row:
            raise InvalidInput(f"没有编号为 {indicator_id} 的量化指标")
        self.note_changes(measures={row[0]})
        mid, _ = self._reportable(row[0], unit)
        number = _parse_number(value) if value not in (None, "") else None
        with dbmod.transaction(self.db):
            now = now_text()
            self._write_indicator(indicator_id, unit, number, now)
            self._ensure_assignment(mid, unit)
            self._touch(mid, unit, now)
            record_audit(self.db, self.user, "indicator", f"{row[0]}@{unit}",
                   {"indicator": indicator_id, "value": number})

    def _write_indicator(self, indicator_id: int, unit: str, number: float | None, now: str) -> None:
        """Store the unit's figure; None clears it."""
        if number is None:
            self.db.execute("DELETE FROM indicator_values WHERE indicator_id = ? AND unit = ?",
                            [indicator_id, unit])
            return
        self.db.execute(
            "INSERT INTO indicator_values (indicator_id, unit, value, updated_at) VALUES (?,?,?,?)"
            " ON CONFLICT(indicator_id, unit) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at", [indicator_id, unit, number, now])

    def _ensure_assignment(self, mid: int, unit: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO assignments (measure_id, unit) VALUES (?, ?)", [mid, unit])

    def _touch(self, mid: int, unit: str, now: str) -> None:
        self.db.execute("UPDATE assignments SET updated_at = ? WHERE measure_id = ? AND unit = ?",
                        [now, mid, unit])

    def _status(self, mid: int, unit: str) -> str:
        row = self.db.execute("SELECT status FROM assignments WHERE measure_id = ? AND unit = ?",
                              [mid, unit]).fetchone()
        return row[0] if row else NOT_STARTED

    # ---- progress entries --------------------------------------------------------------------
    def add_entry(self, code: str, text: str, *, date: str | None = None,
                  unit: str | None = None, author: str | None = None) -> Entry:
        """Add a dated progress entry."""
        self.record(code, note=text, date=date, unit=unit, author=author)
        unit = unit or self.unit
        mid = self._measure_pk(code)
        row = self.db.execute("SELECT max(id) FROM entries WHERE measure_id = ? AND unit = ?",
                              [mid, unit]).fetchone()
        return self.entry(row[0])

    def entry(self, entry_id: int) -> Entry:
        """One progress entry."""
        row = self.db.execute("SELECT e.id, m.code, e.date, e.author, e.text, e.created_at,"
                              " e.updated_at FROM entries e JOIN measures m ON m.id = e.measure_id"
                              " WHERE e.id = ?", [entry_id]).fetchone()
        if not row:
            raise InvalidInput(f"没有编号为 {entry_id} 的进展记录")
        return Entry(*row)

    def update_entry(self, entry_id: int, *, text: str | None = None, date: str | None = None) -> Entry:
        """Change an entry's text or date."""
        old = self.entry(entry_id)
        self.note_changes(entries={old.measure_code})
        if text is not None and not text.strip():
            raise InvalidInput("进展内容不能为空")
        new_date = parse_date(date, what="进展日期") if date is not None else old.date
        with dbmod.transaction(self.db):
            now = now_text()
            self.db.execute("UPDATE entries SET text = ?, date = ?, updated_at = ? WHERE id = ?",
                            [text.strip() if text is not None else old.text, new_date, now, entry_id])
            mid, unit = self.db.execute("SELECT measure_id, unit FROM entries WHERE id = ?",
                                        [entry_id]).fetchone()
            self._touch(mid, unit, now)
            record_audit(self.db, self.user, "edit_entry", f"{old.measure_code}@{unit}",
                   {"id": entry_id, "old": {"date": old.date, "text": old.text},
                    "new": {"date": new_date, "text": text}})
        return self.entry(entry_id)

    def delete_entry(self, entry_id: int) -> None:
        """Delete an entry (its text stays in the audit trail)."""
        old = self.entry(entry_id)
        self.note_changes(entries={old.measure_code})
        with dbmod.transaction(self.db):
            mid, unit = self.db.execute("SELECT measure_id, unit FROM entries WHERE id = ?",
                                        [entry_id]).fetchone()
            self.db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
            self._touch(mid, unit, now_text())
            record_audit(self.db, self.user, "delete_entry", f"{old.measure_code}@{unit}",
                   {"id": entry_id, "date": old.date, "text": old.text})

    # ---- evidence ----------------------------------------------------------------------------
    def attach(self, code: str, file_path: Path, *, note: str = "", date: str | None = None,
               unit: str | None = None, progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Evidence:
        """Copy a file into the evidence store and link it to a measure.

        The same content attached again reuses the stored file (and its record, if the unit
        already has one) and only adds the link. ``progress(bytes_done, bytes_total)`` follows
        the copy; ``cancelled()`` returning True stops it (models.errors.Cancelled) with
        nothing stored or linked.
        """
        self.note_changes(evidence={code})
        unit = self.check_unit(unit)
        mid, _ = self._reportable(code, unit)
        evidence_date = parse_date(date, what="材料日期")
        file_path = Path(file_path)
        if not file_path.is_file():
            raise InvalidInput(f"找不到文件：{file_path}")
        sha, size = self.evidence.add(file_path, progress=progress, cancelled=cancelled)   # the file lands before any row names it
        with dbmod.transaction(self.db):
            now = now_text()
            row = self.db.execute("SELECT id FROM evidence WHERE unit = ? AND sha256 = ?",
                                  [unit, sha]).fetchone()
            if row:
                evidence_id = row[0]
            else:
                evidence_id = self.db.execute(
                    "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note,"
                    " added_at, added_by) VALUES (?,?,?,?,?,?,?,?)",
                    [unit, sha, file_path.name, size, evidence_date, note, now, self.user]).lastrowid
            self.db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id, linked_at)"
                            " VALUES (?,?,?)", [evidence_id, mid, now])
            self._ensure_assignment(mid, unit)
            self._touch(mid, unit, now)
            record_audit(self.db, self.user, "attach", f"{code}@{unit}",
                   {"evidence": evidence_id, "name": file_path.name, "sha256": sha, "size": size})
        return self.evidence_item(evidence_id)

    def unlink_evidence(self, evidence_id: int, code: str) -> None:
        """Remove an evidence file from one measure (the stored file stays)."""
        self.note_changes(evidence={code})
        mid = self._measure_pk(code)
        item = self.evidence_item(evidence_id)
        with dbmod.transaction(self.db):
            cur = self.db.execute("DELETE FROM evidence_links WHERE evidence_id = ? AND measure_id = ?",
                                  [evidence_id, mid])
            if cur.rowcount == 0:
                raise InvalidInput(f"佐证材料“{item.original_name}”没有关联到举措 {code}")
            unit = self.db.execute("SELECT unit FROM evidence WHERE id = ?", [evidence_id]).fetchone()[0]
            self._touch(mid, unit, now_text())
            record_audit(self.db, self.user, "unlink", f"{code}@{unit}", {"evidence": evidence_id,
                                                                    "name": item.original_name})

    def evidence_item(self, evidence_id: int) -> Evidence:
        """One evidence record with the measures it backs."""
        row = next(self.db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]), None)
        if not row:
            raise InvalidInput(f"没有编号为 {evidence_id} 的佐证材料")
        return _evidence(row, self._evidence_measures([evidence_id]).get(evidence_id, []))

    def evidence_for(self, code: str | None = None, *, unit: str | None = None) -> list[Evidence]:
        """The unit's evidence, for one measure or (``code`` None) all of the current plan."""
        unit = unit or self.unit
        sql = ("SELECT DISTINCT e.* FROM evidence e JOIN evidence_links el ON el.evidence_id = e.id"
               " JOIN measures m ON m.id = el.measure_id WHERE e.unit = ? AND m.plan_id = ?")
        params: list = [unit, self.plan_id]
        if code is not None:
            sql += " AND m.id = ?"
            params.append(self._measure_pk(code))
        rows = list(self.db.query(sql + " ORDER BY e.evidence_date, e.id", params))
        links = self._evidence_measures([r["id"] for r in rows])
        return [_evidence(r, links.get(r["id"], [])) for r in rows]

    def _evidence_measures(self, ids: Iterable[int]) -> dict[int, list[str]]:
        ids = list(ids)
        result: dict[int, list[str]] = {}
        if not ids:
            return result
        marks = ",".join("?" * len(ids))
        for row in self.db.query(
                f"SELECT el.evidence_id, m.code FROM evidence_links el JOIN measures m"
                f" ON m.id = el.measure_id JOIN tasks t ON t.id = m.task_id"
                f" WHERE el.evidence_id IN ({marks}) AND m.plan_id = ? ORDER BY t.no, m.seq",
                [*ids, self.plan_id]):
            result.setdefault(row["evidence_id"], []).append(row["code"])
        return result

    def evidence_path(self, sha256: str) -> Path:
        """Where the stored copy of an evidence file is (open it read-only)."""
        return self.evidence.path_for(sha256)

    def verify(self, *, progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> list[VerifyProblem]:
        """Re-hash every evidence file; return what is missing or altered.

        ``progress(done, total)`` is called as it goes; ``cancelled()`` returning True stops it
        early (the result then covers only what was checked).
        """
        rows = list(self.db.query("SELECT * FROM evidence ORDER BY id"))
        links = self._all_links()
        problems, checked = [], {}
        for index, row in enumerate(rows, 1):
            if cancelled and cancelled():
                break
            sha = row["sha256"]
            if sha not in checked:
                checked[sha] = self.evidence.check(sha)
            if checked[sha] != OK:
                problems.append(VerifyProblem(evidence_id=row["id"], sha256=sha,
                                              original_name=row["original_name"],
                                              measures=links.get(row["id"], []),
                                              problem="missing" if checked[sha] == MISSING else "altered"))
            if progress:
                progress(index, len(rows))
        return problems

    def _all_links(self) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        for row in self.db.query("SELECT el.evidence_id, m.code FROM evidence_links el"
                                 " JOIN measures m ON m.id = el.measure_id"):
            result.setdefault(row["evidence_id"], []).append(row["code"])
        return result

    # ---- search and audit --------------------------------------------------------------------
    def search(self, text: str, *, unit: str | None = None) -> list[str]:
        """Codes of the unit's measures whose code, text, task, progress entries, evidence
        names or notes, problems or next steps contain ``text`` (models.search), in plan order."""
        from .search import normalise_query, search_places
        unit = self.check_unit(unit)
        if not normalise_query(text):
            return [m.code for m in self.measures(unit=unit)]
        hits = search_places(self, text, unit=unit)
        return [m.code for m in self.measures(unit=unit) if m.code in hits]

    def audit_log(self, *, limit: int | None = None) -> list[AuditRecord]:
        """The audit trail, oldest first."""
        sql = "SELECT * FROM audit ORDER BY id"
        if limit:
            sql = f"SELECT * FROM (SELECT * FROM audit ORDER BY id DESC LIMIT {int(limit)}) ORDER BY id"
        return [AuditRecord(**row) for row in self.db.query(sql)]


def record_audit(db, user: str, action: str, target: str, detail: dict) -> None:
    """Append one row to the audit trail (inside the caller's transaction)."""
    # The plan worked on when the row is written: a measure's history and undo read the rows
    # of its own plan ("8.5" exists in every year's plan).
    db.execute("INSERT INTO audit (at, user, action, target, detail, plan_id) VALUES (?,?,?,?,?,"
               " (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_plan'))",
               [now_text(), user or "", action, target, json.dumps(detail, ensure_ascii=False)])


def _parse_number(value) -> float:
    try:
        number = float(str(value).strip().replace(",", "").replace("，", ""))
    except ValueError:
        raise InvalidInput(f"完成值“{value}”不是数字") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise InvalidInput(f"完成值“{value}”不是有效数字")
    return number


def measure_row(row: dict, on: date) -> MeasureRow:
    """A MEASURE_SELECT result row as the dataclass views and exports use (deadline state
    judged on ``on``)."""
    involved = row["involved"]
    return MeasureRow(
        code=row["code"], section=row["section"], section_seq=row["section_seq"],
        task_no=row["task_no"], task_content=row["task_content"], text=row["text"],
        responsibility=row["responsibility"], scope=row["scope"], deadline=row["deadline"],
        status=row["status"], involved=None if involved is None else bool(involved),
        problems=row["problems"], next_steps=row["next_steps"], updated_at=row["updated_at"],
        not_involved_reason=row.get("not_involved_reason") or "",
        evidence_count=row["evidence_count"], entry_count=row["entry_count"],
        last_entry_date=row["last_entry_date"],
        deadline_state=deadline_state(row["deadline"], row["status"], on))


def _evidence(row: dict, measures: list[str]) -> Evidence:
    return Evidence(id=row["id"], sha256=row["sha256"], original_name=row["original_name"],
                    size=row["size"], evidence_date=row["evidence_date"], note=row["note"],
                    added_at=row["added_at"], added_by=row["added_by"], measures=measures)
