"""The Ledger: one bureau's (or the province's) record of work on a plan.

Every public method that changes something runs as one transaction and leaves one audit row.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import uuid
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from . import db as dbmod
from .changes import Changes
from .clock import now_text
from .deadlines import deadline_state, today
from .errors import InvalidInput, LargeEvidence, LedgerExists, UnknownMeasure, UnknownUnit
from .evidence_store import (MISSING, OK, EvidenceStore, describe_size, evidence_dir_for,
                             inspect_source)
from .inputs import clean_name, clean_text, parse_date, parse_number
from .plan.store import indicator_row, insert_plan, list_plans, list_units, read_plan
from .plan.units import OUTSIDE_KINDS
from .records import (AuditRecord, Entry, Evidence, MeasureDetail, MeasureRow, NarrativeText,
                      Plan, PlanInfo, PurgeResult, Unit, VerifyProblem)
from .settings import check_settings
from .status import IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, normalize_status
from .wording import printable

CITY, PROVINCE_ROLE = "city", "province"

# Settings that travel with the data (the unit's letterhead, contacts); window state does not
# belong here.
SETTING_KEYS = ("unit", "user", "role", "current_plan", "unit_full_name", "addressee",
                "contact_person", "contact_phone", "page_number_style", "evidence_large_mb",
                # 序时进度 lights and reminders (models.pace): points behind for yellow / red,
                # days ahead the reminders look
                "light_yellow", "light_red", "reminder_days")
# meta key + plan id: the name a plan gives the ledger's unit ("which name means us")
PLAN_UNIT_KEY = "unit@plan:"
MAX_CANDIDATES = 30

# A file bigger than this (MB; the ledger setting ``evidence_large_mb``) is attached only when
# the clerk confirms: the package and every backup carry it.
DEFAULT_LARGE_EVIDENCE_MB = 100
LARGE_EVIDENCE_MB_RANGE = (1, 4096)
MAX_EVIDENCE_NOTE = 1000
# A file in the store that no record names is removed by purge only once it is this old: an
# attach copies the file in before it writes the row that names it.
ORPHAN_GRACE_SECONDS = 24 * 3600

# The measures a unit reports on or must confirm, with its state; models.queries filters and
# sorts over it. Parameters :unit and :plan.
MEASURE_SELECT = """
SELECT m.id AS mid, m.code, s.title AS section, s.seq AS section_seq, t.no AS task_no,
       t.content AS task_content, m.text, m.responsibility,
       -- a unit that a list names as 有关/相关 confirms whether it is involved, as 相关地市 do
       CASE WHEN m.scope = 'named' AND mu.relevant = 1 THEN 'relevant' ELSE m.scope END AS scope,
       -- the unit's own deadline, else the list's 完成时限, else the plan's hand-in date
       COALESCE(r.deadline, m.deadline, p.deadline) AS deadline,
       COALESCE(r.deadline, m.deadline) AS own_deadline,
       CASE WHEN COALESCE(r.deadline, m.deadline) IS NULL THEN 'plan' ELSE 'measure' END
         AS deadline_source,
       r.deadline AS unit_deadline, COALESCE(r.deadline_set_by, '') AS deadline_set_by,
       r.deadline_set_at, r.progress, p.year AS plan_year, p.period AS plan_period,
       (SELECT group_concat(ms.planned || '|' || COALESCE(ms.done, ''), ';') FROM
         (SELECT planned, done FROM milestones WHERE measure_id = m.id AND unit = :unit
          ORDER BY planned, id) ms) AS milestone_dates,
       m.deadline_text, m.target, m.number, m.extra, COALESCE(mu.role, '') AS role,
       COALESCE(r.status, '未启动') AS status, r.involved, COALESCE(r.problems, '') AS problems,
       COALESCE(r.next_steps, '') AS next_steps, r.updated_at,
       -- :cutoff is the last day a report covers (Ledger.as_of); far in the future otherwise
       COALESCE(r.not_involved_reason, '') AS not_involved_reason,
       (SELECT count(*) FROM evidence_links el JOIN evidence e ON e.id = el.evidence_id
         WHERE el.measure_id = m.id AND e.unit = :unit AND e.evidence_date <= :cutoff)
         AS evidence_count,
       (SELECT count(*) FROM entries en WHERE en.measure_id = m.id AND en.unit = :unit
         AND en.date <= :cutoff) AS entry_count,
       (SELECT max(date) FROM entries en WHERE en.measure_id = m.id AND en.unit = :unit
         AND en.date <= :cutoff) AS last_entry_date,
       rv.result AS review, COALESCE(rv.comment, '') AS review_comment
FROM measures m
JOIN tasks t ON t.id = m.task_id
JOIN sections s ON s.id = t.section_id
JOIN plans p ON p.id = m.plan_id
LEFT JOIN assignments r ON r.measure_id = m.id AND r.unit = :unit
LEFT JOIN measure_units mu ON mu.measure_id = m.id AND mu.unit = :unit
LEFT JOIN measure_reviews rv ON rv.plan_id = m.plan_id AND rv.unit = :unit AND rv.measure_code = m.code
WHERE m.plan_id = :plan
  AND ((m.scope IN ('all', 'relevant')
        -- 各省辖市… and 相关地市 mean the listed units; a department the plan names
        -- elsewhere (kind "other") or a division of the issuing office reports only on what
        -- names it.
        AND EXISTS (SELECT 1 FROM units u WHERE u.plan_id = m.plan_id AND u.name = :unit
                    AND u.kind NOT IN ('other', 'division')))
       -- named units; and the issuer's ("--") measures the province assigned to a division.
       OR (m.scope IN ('named', 'issuer') AND mu.unit IS NOT NULL))
"""
_ORDER = " ORDER BY s.seq, t.no, m.seq"
# The :cutoff of a ledger that is not an "as of" view: no entry or evidence is left out.
NO_CUTOFF = "9999-12-31"
REASON_MAX = 200                     # characters of a 不涉及 reason (one line in 备注)


class Ledger:
    """An open ledger file. Not thread-safe: open one per thread (``Ledger.open(path)``)."""

    def __init__(self, path: Path, db):
        # Through a link, the ledger is where the link points: its evidence, lock and
        # backups live beside the real file.
        self.path = Path(path).resolve()
        self.db = db
        self.evidence = EvidenceStore(evidence_dir_for(self.path))
        self._changes = Changes()
        # Set on an "as of" view (as_of): the last day its reads cover, and the round.
        self.cutoff: str | None = None
        self.round = None
        self._view = False

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
        unit_names = plan_unit_names(plan)
        if role == CITY and unit not in unit_names:
            raise UnknownUnit(f"单位“{unit}”不在本方案的单位名单中。可选：{candidates_text(unit_names)}")
        unit = clean_name(unit, what="单位")
        user = clean_name(user, what="填报人")
        # Built whole under a temporary name, then linked into place, which fails if the name
        # was taken meanwhile: two programs creating the same ledger at once never delete or
        # overwrite each other's file (the loser gets LedgerExists and cleans only its own).
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name(f".{path.name}.creating-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        db = None
        try:
            db = dbmod.create_ledger_db(building)
            with dbmod.transaction(db):
                plan_id = insert_plan(db, plan)
                for key, value in (("unit", unit), ("user", user), ("role", role),
                                   ("current_plan", str(plan_id)), ("addressee", plan.get("issuer", ""))):
                # (the ledger's identity, meta ledger_id, comes from migration 0009)
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])
                record_audit(db, user, "create_ledger", unit,
                       {"plan": plan["title"], "year": plan["year"], "role": role})
            db.conn.close()             # checkpoints the WAL: the file is whole on its own
            db = None
            _link_into_place(building, path)
        finally:
            if db is not None:
                db.conn.close()
            for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
                if leftover.exists():
                    leftover.unlink()
        return cls.open(path)

    @classmethod
    def open(cls, path: Path) -> "Ledger":
        """Open an existing ledger (upgrading an older schema after copying the file aside)."""
        return cls(path, dbmod.open_ledger_db(Path(path)))

    def close(self) -> None:
        """Close the connection (checkpointing the WAL into the main file)."""
        if self._view:
            return                      # the connection belongs to the ledger viewed
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

    # ---- a report "截至" a day ---------------------------------------------------------------
    def as_of(self, cutoff: str | date | None = None, *, round_name: str | None = None) -> "Ledger":
        """A read-only view of this ledger as a report "截至" a day sees it: progress entries
        dated after ``cutoff`` and evidence whose 材料日期 is after it are left out of every
        read (measures, a measure's detail, evidence lists, summaries, the fingerprint), and
        "today" is the cut-off (序时进度, lights, 逾期). ``round_name`` takes the cut-off of
        that reporting round (models.rounds) and keeps the round for the outputs.

        Every export reads through this one view, so no writer filters by itself. The view
        shares the connection: write through the ledger, not the view.
        """
        import copy
        chosen = None
        if round_name:
            from .rounds import find_round
            chosen = find_round(self, round_name)
            cutoff = chosen.cutoff
            if cutoff > today().isoformat():
                raise InvalidInput(f"报送轮次“{chosen.name}”截至 {cutoff}，这一天还没有到："
                                   "到期后再按此轮次导出")
        if cutoff is None:
            return self
        view = copy.copy(self)
        view._changes = Changes()
        view._view = True
        view.cutoff = parse_date(cutoff, what="截至日期")
        view.round = chosen
        return view

    def today(self) -> date:
        """The day the ledger's reads are judged on: the cut-off of an "as of" view, else
        today (models.deadlines.today)."""
        return date.fromisoformat(self.cutoff) if self.cutoff else today()

    def measure_params(self, unit: str) -> dict:
        """The parameters MEASURE_SELECT takes for ``unit`` on the current plan."""
        return {"unit": unit, "plan": self.plan_id, "cutoff": self.cutoff or NO_CUTOFF}

    def pace(self):
        """The ledger's rules for 序时进度 lights and reminders (models.pace.Pace)."""
        from .pace import DEFAULT_RED, DEFAULT_REMINDER_DAYS, DEFAULT_YELLOW, Pace
        values = []
        for key, default in (("light_yellow", DEFAULT_YELLOW), ("light_red", DEFAULT_RED),
                             ("reminder_days", DEFAULT_REMINDER_DAYS)):
            try:
                values.append(int(self.setting(key) or default))
            except ValueError:
                values.append(default)        # a value edited outside the program
        yellow, red, days = values
        if not 0 < yellow <= red:
            yellow, red = DEFAULT_YELLOW, DEFAULT_RED
        return Pace(yellow=yellow, red=red, reminder_days=max(1, days))

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
        if "evidence_large_mb" in values:
            values = {**values, "evidence_large_mb": _large_mb(values["evidence_large_mb"])}
        if {"light_yellow", "light_red", "reminder_days"} & set(values):
            values = {**values, **_pace_settings(self, values)}
        if "current_plan" in values or "unit" in values:
            self.note_changes(everything=True)
        else:
            self.note_changes(settings=True)
        # The displayed settings by their own rules (phone numbers…), any other by the
        # rules every name follows (no control characters, one line).
        values = {key: clean_name(value, what=key) for key, value in check_settings(values).items()}
        with dbmod.transaction(self.db):
            for key, value in values.items():
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key)"
                                " DO UPDATE SET value = excluded.value", [key, str(value)])
            record_audit(self.db, self.user, "settings", "", values)

    def large_evidence_bytes(self) -> int:
        """Files bigger than this are attached only when the clerk confirms (setting
        ``evidence_large_mb``, default 100 MB)."""
        try:
            mb = _large_mb(self.setting("evidence_large_mb") or DEFAULT_LARGE_EVIDENCE_MB)
        except InvalidInput:
            mb = DEFAULT_LARGE_EVIDENCE_MB       # a value edited outside the program
        return int(mb) * 1024 * 1024

    def check_evidence_file(self, file_path: Path) -> tuple[int, bool]:
        """(size, is it large?) of a file about to be attached; InvalidInput when it cannot be
        evidence at all (empty, a folder, a link, unreadable…: evidence_store.inspect_source)."""
        size = inspect_source(Path(file_path))
        return size, size > self.large_evidence_bytes()

    @property
    def unit(self) -> str:
        """The ledger's unit, by the name the current plan gives it (see add_plan's our_name)."""
        return self.plan_unit(self.plan_id)

    def plan_unit(self, plan_id: int) -> str:
        """The ledger's unit as plan ``plan_id`` names it (its own name unless the plan was
        imported with another name for it)."""
        return self.setting(f"{PLAN_UNIT_KEY}{plan_id}") or self.setting("unit")

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

    def add_plan(self, plan: dict, *, make_current: bool = True, our_name: str | None = None) -> int:
        """Add another year's plan; returns its id.

        In a unit's ledger the plan must name the unit: by its own name, or by ``our_name`` —
        the name this plan gives it (a new list may call 洛阳市 "洛阳市市场监管局"). A plan that
        names neither is refused with the names it does use (UnknownUnit); nothing is written.
        """
        self.note_changes(everything=True)
        name = self.our_name_in(plan, our_name)
        with dbmod.transaction(self.db):
            plan_id = insert_plan(self.db, plan)
            if make_current:
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'current_plan'", [str(plan_id)])
            if name and name != self.setting("unit"):
                self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                [f"{PLAN_UNIT_KEY}{plan_id}", name])
            record_audit(self.db, self.user, "add_plan", plan["title"],
                         {"year": plan["year"],
                          **({"as": name} if name and name != self.setting("unit") else {})})
        return plan_id

    def our_name_in(self, plan: dict, our_name: str | None = None) -> str | None:
        """The name ``plan`` gives this ledger's unit: ``our_name`` if it names that unit,
        else the ledger's own name if the plan has it. UnknownUnit (listing the plan's names)
        when it has neither. A provincial ledger needs no name: it returns None."""
        if self.role != CITY:
            return None
        names = plan_unit_names(plan)
        if our_name is not None:
            our_name = our_name.strip()
            if our_name not in names:
                raise UnknownUnit(f"任务清单的单位名单中没有“{our_name}”。清单中的单位："
                                  f"{candidates_text(names)}")
            return our_name
        own = self.setting("unit")
        if own in names:
            return own
        raise UnknownUnit(f"任务清单没有提到本台账的单位“{own}”，未导入。请指明清单中哪个名称指本单位"
                          f"（命令行：import-plan 文件 --as 名称）。清单中的单位：{candidates_text(names)}")

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
            if unit == self.unit and self.role == PROVINCE_ROLE:
                raise UnknownUnit(f"省级台账（{unit}）本身不填报：请用 --unit 指定单位或处室"
                                  "（运行 units 查看名单；处室用 division add 添加）")
            raise UnknownUnit(f"单位“{unit}”不在本方案的单位名单中（运行 units 查看名单）")
        return unit

    # ---- measures as a unit sees them --------------------------------------------------------
    def measures(self, *, unit: str | None = None, status: str | None = None,
                 on: date | None = None) -> list[MeasureRow]:
        """Every measure ``unit`` reports on or must confirm (not province-only ones)."""
        unit = self.check_unit(unit)
        sql, params = MEASURE_SELECT, self.measure_params(unit)
        if status:
            sql += " AND COALESCE(r.status, '未启动') = :status"
            params["status"] = normalize_status(status)
        on = on or self.today()
        pace = self.pace()
        return [measure_row(row, on, pace) for row in self.db.query(sql + _ORDER, params)]

    def measure(self, code: str, *, unit: str | None = None) -> MeasureDetail:
        """One measure with everything the unit recorded for it."""
        unit = self.check_unit(unit)
        mid = self._measure_pk(code)
        rows = list(self.db.query(MEASURE_SELECT + " AND m.id = :mid",
                                  {**self.measure_params(unit), "mid": mid}))
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
                                          " AND date <= ? ORDER BY date, id",
                                          [mid, unit, self.cutoff or NO_CUTOFF])]
        units = [r["unit"] for r in self.db.query(
            "SELECT unit FROM measure_units WHERE measure_id = ?", [mid])]
        return MeasureDetail(row=measure_row(rows[0], self.today(), self.pace()),
                             responsibility_raw=head[0],
                             units=units, indicators=indicators, entries=entries,
                             evidence=self.evidence_for(code, unit=unit),
                             milestones=self.milestones(code, unit=unit))

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
        """(measure pk, scope as ``unit`` sees it) if ``unit`` reports on ``code``; raise
        otherwise. A unit named as 有关/相关 sees a named measure as "relevant"."""
        mid = self._measure_pk(code)
        scope, named, relevant = self.db.execute(
            "SELECT scope, mu.unit IS NOT NULL, COALESCE(mu.relevant, 0) FROM measures m"
            " LEFT JOIN measure_units mu ON mu.measure_id = m.id AND mu.unit = ?"
            " WHERE m.id = ?", [unit, mid]).fetchone()
        if scope == "issuer" and not named:
            if self.role == PROVINCE_ROLE:
                raise UnknownMeasure(f"举措 {code} 由省级负责（责任地市为“--”），尚未分配给{unit}："
                                     f"先用 assign {code} --division 处室 分配，再用 record {code}"
                                     " --unit 处室 为该处室填报")
            raise UnknownMeasure(f"举措 {code} 由省级负责（责任地市为“--”），地市只能查看、无需填报")
        if scope in ("all", "relevant") and self._unit_kind(unit) in OUTSIDE_KINDS:
            raise UnknownMeasure(f"举措 {code} 由各地市负责，{unit}不在地市名单中，无需填报")
        if scope == "named" and not named:
            raise UnknownMeasure(f"举措 {code} 的责任地市不含{unit}，本单位无需填报")
        return mid, ("relevant" if scope == "named" and relevant else scope)

    # ---- recording ---------------------------------------------------------------------------
    def record(self, code: str, *, status: str | None = None, note: str | None = None,
               date: str | None = None, problems: str | None = None,
               next_steps: str | None = None, value: float | str | None = None,
               involved: bool | None = None, unit: str | None = None,
               author: str | None = None, progress: float | str | None = None,
               reason: str | None = None) -> MeasureRow:
        """Update a measure for a unit; a ``note`` adds a dated progress entry.

        ``progress`` is the 完成进度 in per cent (0–100; "" clears it). ``reason``: why the
        unit is not involved (不涉及), a short text printed in the 完成情况表's 备注. All of it
        is one transaction: a bad value leaves every field as it was.
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
        if note is not None:
            note = clean_text(note, what="进展内容")
            if not note:
                raise InvalidInput("进展内容不能为空")
        # As typed (a leading tab or space is the clerk's); only what breaks files goes.
        problems = (clean_text(problems, what="存在问题", strip=False)
                    if problems is not None else None)
        next_steps = (clean_text(next_steps, what="下一步打算", strip=False)
                      if next_steps is not None else None)
        entry_date = parse_date(date, what="进展日期") if note else None
        if progress is not None:
            from .pace import parse_progress
            progress = parse_progress(progress, code=code)
        indicators = self.db.execute("SELECT id, quantity_unit FROM indicators WHERE measure_id = ?"
                                     " ORDER BY seq", [mid]).fetchall()
        indicator_ids = [r[0] for r in indicators]
        if reason is not None:
            reason = clean_name(reason, what="不涉及的理由")
            if len(reason) > REASON_MAX:
                raise InvalidInput(f"不涉及的理由最多 {REASON_MAX} 个字（现有 {len(reason)} 个）")
        if value is not None and value != "" and not indicator_ids:
            raise InvalidInput(f"举措 {code} 没有量化指标，不能填写完成值")
        number = (_figure(value, indicators[0][1]) if value is not None and value != ""
                  else None)
        author = author if author is not None else self.user
        if new_status == NOT_INVOLVED:
            involved = False
        elif new_status is not None and scope == "relevant" and involved is None:
            involved = True

        if (progress not in (None, "") and (new_status or self._status(mid, unit)) == NOT_INVOLVED
                and involved is not True):
            raise InvalidInput(f"举措 {code} 已确认不涉及，无需填写完成进度")
        if (progress not in (None, "") and progress > 0 and new_status is None
                and self._status(mid, unit) == NOT_STARTED):
            new_status = IN_PROGRESS         # work under way: a measure 未启动 is now 推进中
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
                    " VALUES (?,?,?,?,?,?,?)", [mid, unit, entry_date, author, note, now, now])
            if value is not None and indicator_ids:
                self._write_indicator(indicator_ids[0], unit, number, now)
            if progress is not None:
                self.db.execute("UPDATE assignments SET progress = ? WHERE measure_id = ?"
                                " AND unit = ?", [None if progress == "" else progress, mid, unit])
            self._touch(mid, unit, now)
            detail = dict(changes)
            if progress is not None:
                detail["progress"] = None if progress == "" else progress
            if note:
                detail.update(note=note, date=entry_date)
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
        quantity_unit = self.db.execute("SELECT quantity_unit FROM indicators WHERE id = ?",
                                        [indicator_id]).fetchone()[0]
        number = _figure(value, quantity_unit) if value not in (None, "") else None
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

    # ---- time: deadlines, milestones, rounds (models.schedule, models.rounds) ---------------
    def set_deadline(self, code: str, day: str | None, *, unit: str | None = None) -> MeasureRow:
        """The unit's own deadline for a measure (None: the list's, or the plan's hand-in date)."""
        from .schedule import set_deadline
        return set_deadline(self, code, day, unit=unit)

    def milestones(self, code: str | None = None, *, unit: str | None = None) -> list:
        """The unit's milestones (阶段节点) of a measure, or of every measure of the plan."""
        from .schedule import milestones
        return milestones(self, code, unit=unit)

    def add_milestone(self, code: str, *, text: str, planned: str, done: str | None = None,
                      unit: str | None = None):
        """Add a milestone to a measure (models.schedule.add_milestone)."""
        from .schedule import add_milestone
        return add_milestone(self, code, text=text, planned=planned, done=done, unit=unit)

    def update_milestone(self, milestone_id: int, **changes):
        """Change a milestone's text, planned date or done date (models.schedule)."""
        from .schedule import update_milestone
        return update_milestone(self, milestone_id, **changes)

    def delete_milestone(self, milestone_id: int) -> None:
        """Delete a milestone (models.schedule.delete_milestone)."""
        from .schedule import delete_milestone
        delete_milestone(self, milestone_id)

    def rounds(self) -> list:
        """The current plan's reporting rounds (models.rounds.Round), by cut-off."""
        from .rounds import rounds
        return rounds(self)

    def add_round(self, name: str, *, cutoff: str, due: str):
        """Add a reporting round to the current plan (models.rounds.add_round)."""
        from .rounds import add_round
        return add_round(self, name, cutoff=cutoff, due=due)

    def import_rounds(self, path) -> list[str]:
        """Take the rounds of the province's plan file for this plan (models.rounds)."""
        from .rounds import import_rounds
        return import_rounds(self, path)

    def remove_round(self, name: str) -> None:
        """Remove a round no package was made for (models.rounds.remove_round)."""
        from .rounds import remove_round
        remove_round(self, name)

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
        if text is not None:
            text = clean_text(text, what="进展内容")
            if not text:
                raise InvalidInput("进展内容不能为空")
        new_date = parse_date(date, what="进展日期") if date is not None else old.date
        with dbmod.transaction(self.db):
            now = now_text()
            self.db.execute("UPDATE entries SET text = ?, date = ?, updated_at = ? WHERE id = ?",
                            [text if text is not None else old.text, new_date, now, entry_id])
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
               unit: str | None = None, large_ok: bool = False,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Evidence:
        """Copy a file into the evidence store and link it to a measure.

        The same content attached again reuses the stored file (and its record, if the unit
        already has one) and only adds the link. Refused with one line (InvalidInput): an
        empty file, a folder, a link or shortcut, an unreadable file; a file over the ledger's
        ``evidence_large_mb`` unless ``large_ok`` (the clerk was asked: the package and every
        backup carry it). Without ``date`` the 材料日期 is the one the document records
        (photo EXIF, PDF or Office properties), else today. ``progress(bytes_done,
        bytes_total)`` follows the copy; ``cancelled()`` returning True stops it
        (models.errors.Cancelled) with nothing stored or linked.
        """
        self.note_changes(evidence={code})
        unit = self.check_unit(unit)
        mid, _ = self._reportable(code, unit)
        file_path = Path(file_path)
        note = clean_text(note, what="材料说明", limit=MAX_EVIDENCE_NOTE)
        name = clean_name(file_path.name, what="文件名")
        size, large = self.check_evidence_file(file_path)
        if large and not large_ok:
            raise LargeEvidence(
                f"“{file_path.name}”有 {describe_size(size)}，超过本台账设定的 "
                f"{describe_size(self.large_evidence_bytes())}：报送材料包和每一份备份都要带上它。"
                "确需添加请确认（命令行加 --large-ok）")
        if date is None:
            from .evidence_meta import document_date
            try:
                evidence_date = parse_date(document_date(file_path), what="材料日期")
            except InvalidInput:    # a camera with its clock unset: 1970, 0000…
                evidence_date = parse_date(None)
        else:
            evidence_date = parse_date(date, what="材料日期")
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
                    [unit, sha, name, size, evidence_date, note, now, self.user]).lastrowid
            self.db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id, linked_at)"
                            " VALUES (?,?,?)", [evidence_id, mid, now])
            self._ensure_assignment(mid, unit)
            self._touch(mid, unit, now)
            record_audit(self.db, self.user, "attach", f"{code}@{unit}",
                   {"evidence": evidence_id, "name": name, "sha256": sha, "size": size})
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

    def update_evidence(self, evidence_id: int, *, date: str | None = None,
                        note: str | None = None) -> Evidence:
        """Change an evidence file's own date (材料日期, the document's) or its note (说明).

        One transaction and one audit row with the old and new values; the measures it backs
        are reported changed. ``None`` leaves a field as it is; an empty note clears it.
        """
        old = self.evidence_item(evidence_id)
        self.note_changes(evidence=set(self._evidence_measures_any(evidence_id)))
        new_date = parse_date(date, what="材料日期") if date is not None else old.evidence_date
        new_note = _evidence_note(note) if note is not None else old.note
        if (new_date, new_note) == (old.evidence_date, old.note):
            return old
        with dbmod.transaction(self.db):
            self.db.execute("UPDATE evidence SET evidence_date = ?, note = ? WHERE id = ?",
                            [new_date, new_note, evidence_id])
            record_audit(self.db, self.user, "edit_evidence", f"{old.original_name}@{self._evidence_unit(evidence_id)}",
                         {"evidence": evidence_id, "sha256": old.sha256,
                          "old": {"date": old.evidence_date, "note": old.note},
                          "new": {"date": new_date, "note": new_note}})
        return self.evidence_item(evidence_id)

    def find_evidence(self, ref: str | int, *, unit: str | None = None) -> Evidence:
        """An evidence record by its number (``12``) or its hand-in label (``8.5-1``,
        ``佐证8.5-1``: the first file of measure 8.5 in the unit's package and 汇编)."""
        text = str(ref).strip()
        if text.isdigit():
            return self.evidence_item(int(text))
        label = text.removeprefix("佐证")
        from .summary import evidence_numbers
        for item in evidence_numbers(self, unit=unit):
            if item.number == label:
                return self.evidence_item(item.evidence.id)
        raise InvalidInput(f"没有编号为“{text}”的佐证材料（编号见 evidence 命令的列表，如 12 或 8.5-1）")

    def unlinked_evidence(self) -> list[Evidence]:
        """Evidence records that back no measure of any plan: what ``purge_evidence`` removes."""
        rows = list(self.db.query(
            "SELECT * FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_links el"
            " WHERE el.evidence_id = e.id) ORDER BY e.id"))
        return [_evidence(row, []) for row in rows]

    def purge_evidence(self, *, progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> PurgeResult:
        """Remove unlinked evidence from the ledger and its files from the store.

        Goes: every record that backs no measure (取消关联 of its last link), and every stored
        file no record names that is older than a day (left by an interrupted attach; a
        younger one may be an attach in progress). A file another record still names (the
        same content attached by another unit, a province's imported package) stays. The
        records go in one transaction with one audit row naming every file (name, SHA-256,
        size); the files are deleted after it commits, so a failure can leave a file without
        a record (the next purge removes it), never a record without its file. ``cancelled()``
        is honoured before the transaction; ``progress(done, total)`` counts files.
        """
        import time
        self.note_changes(evidence=set())
        going = self.unlinked_evidence()
        named = self._named_shas()
        going_ids = {item.id for item in going}
        still_named = self._named_shas(excluding=going_ids)
        cutoff = time.time() - ORPHAN_GRACE_SECONDS
        orphans = [(sha, size) for sha, size, mtime in self.evidence.stored()
                   if sha not in named and mtime < cutoff]
        if cancelled and cancelled():
            from .errors import Cancelled
            raise Cancelled("已取消清理，台账未改动")
        files = sorted({item.sha256 for item in going if item.sha256 not in still_named}
                       | {sha for sha, _ in orphans})
        detail = {"records": [{"evidence": item.id, "unit": self._evidence_unit(item.id),
                               "name": item.original_name, "sha256": item.sha256,
                               "size": item.size} for item in going],
                  "unrecorded_files": [{"sha256": sha, "size": size} for sha, size in orphans]}
        if going or orphans:
            with dbmod.transaction(self.db):
                if going_ids:
                    marks = ",".join("?" * len(going_ids))
                    # Only records still unlinked now: a link made meanwhile keeps its record.
                    self.db.execute(f"DELETE FROM evidence WHERE id IN ({marks}) AND NOT EXISTS"
                                    " (SELECT 1 FROM evidence_links el WHERE el.evidence_id ="
                                    " evidence.id)", sorted(going_ids))
                record_audit(self.db, self.user, "purge_evidence", "", detail)
        freed = 0
        for done, sha in enumerate(files, 1):
            # Checked again file by file: nothing that a record names now is ever deleted.
            if sha not in self._named_shas(only=sha):
                freed += self.evidence.remove(sha)
            if progress:
                progress(done, len(files))
        return PurgeResult(records=going, unrecorded=[sha for sha, _ in orphans],
                           files_removed=len(files), bytes_freed=freed)

    def _named_shas(self, *, excluding: set[int] = frozenset(), only: str | None = None) -> set[str]:
        """Hashes that records still name: evidence rows (but ``excluding``) and, on a
        province ledger, the files of every imported package."""
        where, params = [], []
        if excluding:
            where.append(f"id NOT IN ({','.join('?' * len(excluding))})")
            params += sorted(excluding)
        if only is not None:
            where.append("sha256 = ?")
            params.append(only)
        sql = "SELECT sha256 FROM evidence" + (" WHERE " + " AND ".join(where) if where else "")
        shas = {row[0] for row in self.db.execute(sql, params)}
        if self.db["submission_files"].exists():
            extra = " AND sha256 = ?" if only is not None else ""
            shas |= {row[0] for row in self.db.execute(
                "SELECT sha256 FROM submission_files WHERE role != 'data'" + extra,
                [only] if only is not None else [])}
        return shas

    def _evidence_unit(self, evidence_id: int) -> str:
        row = self.db.execute("SELECT unit FROM evidence WHERE id = ?", [evidence_id]).fetchone()
        return row[0] if row else ""

    def _evidence_measures_any(self, evidence_id: int) -> list[str]:
        """Codes of every measure (any plan) the evidence backs."""
        return [row[0] for row in self.db.execute(
            "SELECT m.code FROM evidence_links el JOIN measures m ON m.id = el.measure_id"
            " WHERE el.evidence_id = ?", [evidence_id])]

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
               " JOIN measures m ON m.id = el.measure_id WHERE e.unit = ? AND m.plan_id = ?"
               " AND e.evidence_date <= ?")
        params: list = [unit, self.plan_id, self.cutoff or NO_CUTOFF]
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

    def integrity_problems(self) -> list[str]:
        """What SQLite's own check finds wrong in the database file (empty when healthy).

        A damaged page can sit unnoticed until a write touches it; verify and backups ask.
        """
        return dbmod.integrity_problems(self.db)

    def _all_links(self) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        for row in self.db.query("SELECT el.evidence_id, m.code FROM evidence_links el"
                                 " JOIN measures m ON m.id = el.measure_id"):
            result.setdefault(row["evidence_id"], []).append(row["code"])
        return result

    # ---- the report's narrative (models.narrative) ------------------------------------------
    def entries_by_measure(self, *, unit: str | None = None) -> dict[str, list[Entry]]:
        """Every progress entry of ``unit`` in the current plan, by measure code, oldest first
        (one query: the reports read them all). In an "as of" view (``as_of``), none dated
        after the cut-off."""
        unit = self.check_unit(unit)
        result: dict[str, list[Entry]] = {}
        for r in self.db.query(
                "SELECT e.*, m.code FROM entries e JOIN measures m ON m.id = e.measure_id"
                " WHERE m.plan_id = ? AND e.unit = ? AND e.date <= ? ORDER BY e.date, e.id",
                [self.plan_id, unit, self.cutoff or NO_CUTOFF]):
            result.setdefault(r["code"], []).append(Entry(
                id=r["id"], measure_code=r["code"], date=r["date"], author=r["author"],
                text=r["text"], created_at=r["created_at"], updated_at=r["updated_at"]))
        return result

    def narrative(self, *, unit: str | None = None) -> dict[str, NarrativeText]:
        """The parts of the report's text the clerk saved for ``unit`` in the current plan
        (part key → NarrativeText); a part not listed follows the data."""
        unit = self.check_unit(unit)
        return {r["part"]: NarrativeText(part=r["part"], text=r["text"], draft=r["draft"],
                                         updated_at=r["updated_at"], updated_by=r["updated_by"])
                for r in self.db.query("SELECT * FROM narrative WHERE plan_id = ? AND unit = ?",
                                       [self.plan_id, unit])}

    def save_narrative(self, texts: dict[str, str | None], *,
                       drafts: dict[str, str] | None = None, unit: str | None = None) -> None:
        """Store the clerk's text for the parts in ``texts`` (key → text; "" or None: no text
        of the clerk's, the part follows the data again). ``drafts`` gives the draft each text
        was edited from. One transaction; every part is checked first (models.narrative
        .check_part), so a bad one stores nothing."""
        from .narrative import check_part

        self.note_changes(narrative=True)
        unit = self.check_unit(unit)
        cleaned = {key: check_part(key, text) for key, text in texts.items()}
        drafts = drafts or {}
        with dbmod.transaction(self.db):
            now = now_text()
            old = self.narrative(unit=unit)
            detail = {}
            for key, text in cleaned.items():
                before = old[key].text if key in old else None
                if not text:
                    self.db.execute("DELETE FROM narrative WHERE plan_id = ? AND unit = ? AND part = ?",
                                    [self.plan_id, unit, key])
                else:
                    self.db.execute(
                        "INSERT INTO narrative (plan_id, unit, part, text, draft, updated_at, updated_by)"
                        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(plan_id, unit, part) DO UPDATE SET"
                        " text = excluded.text, draft = excluded.draft,"
                        " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                        [self.plan_id, unit, key, text, printable(drafts.get(key, "")), now, self.user])
                if before != (text or None):
                    detail[key] = {"old": before, "new": text or None}
            record_audit(self.db, self.user, "narrative", unit, detail)

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


def plan_unit_names(plan: dict) -> list[str]:
    """Every unit name a plan definition knows: its list and the names its measures use."""
    from .plan.unit_lists import document_names
    names = [u["name"] for u in plan.get("units", [])]
    return names + [n for n in document_names(plan) if n not in names]


def candidates_text(names: list[str]) -> str:
    """The names for a message: the first MAX_CANDIDATES, then how many more."""
    shown = "、".join(names[:MAX_CANDIDATES]) or "（无）"
    return shown + (f" 等共 {len(names)} 个" if len(names) > MAX_CANDIDATES else "")


def record_audit(db, user: str, action: str, target: str, detail: dict) -> None:
    """Append one row to the audit trail (inside the caller's transaction)."""
    # The plan worked on when the row is written: a measure's history and undo read the rows
    # of its own plan ("8.5" exists in every year's plan).
    db.execute("INSERT INTO audit (at, user, action, target, detail, plan_id) VALUES (?,?,?,?,?,"
               " (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_plan'))",
               [now_text(), user or "", action, target, json.dumps(detail, ensure_ascii=False)])


def _pace_settings(ledger: "Ledger", values: dict) -> dict:
    """The light thresholds and reminder days of ``values`` checked (whole numbers in range,
    yellow no more than red, against the stored one when only one is given)."""
    from .pace import REMINDER_DAYS_RANGE, THRESHOLD_RANGE
    checked = {}
    for key, label, (low, high) in (("light_yellow", "黄灯界限", THRESHOLD_RANGE),
                                    ("light_red", "红灯界限", THRESHOLD_RANGE),
                                    ("reminder_days", "提前提醒天数", REMINDER_DAYS_RANGE)):
        if key not in values:
            continue
        try:
            number = int(str(values[key]).strip())
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            raise InvalidInput(f"{label}“{values[key]}”无效，应为 {low}–{high} 之间的整数")
        checked[key] = str(number)
    current = ledger.pace()
    yellow = int(checked.get("light_yellow", current.yellow))
    red = int(checked.get("light_red", current.red))
    if yellow > red:
        raise InvalidInput(f"黄灯界限（落后 {yellow} 个百分点）不能大于红灯界限（落后 {red} 个百分点）")
    return checked


def _large_mb(value) -> str:
    """The ``evidence_large_mb`` setting checked: a whole number of MB within range."""
    low, high = LARGE_EVIDENCE_MB_RANGE
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if not low <= number <= high:
        raise InvalidInput(f"大文件提醒的界限“{value}”无效，应为 {low}–{high} 之间的整数（MB）")
    return str(number)


def _evidence_note(note) -> str:
    """An evidence note as stored: cleaned, at most MAX_EVIDENCE_NOTE characters."""
    return clean_text(note, what="佐证材料说明", limit=MAX_EVIDENCE_NOTE)


def _link_into_place(building: Path, path: Path) -> None:
    """Give the finished file its name unless that name exists (then LedgerExists)."""
    try:
        if hasattr(os, "link"):
            os.link(building, path)     # atomic and never replaces an existing file
        else:  # pragma: no cover - platforms without hard links
            os.rename(building, path)   # Windows' rename refuses an existing target too
    except FileExistsError:
        raise LedgerExists(f"台账文件已存在：{path}（不会覆盖；如需新建请换一个 --db 路径）") from None
    except OSError as exc:
        if exc.errno in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP) and not path.exists():
            os.rename(building, path)   # a file system without hard links (FAT USB stick)
            return
        raise


def _figure(value, quantity_unit: str) -> float:
    """A unit's figure for an indicator: a share or rate may fall below zero, a count not."""
    return parse_number(value, negative=quantity_unit in ("%", "％"))


def measure_row(row: dict, on: date, pace=None) -> MeasureRow:
    """A MEASURE_SELECT result row as the dataclass views and exports use (deadline state,
    序时进度 and light judged on ``on`` by the ledger's ``pace``, models.pace.Pace)."""
    from .pace import Pace, measure_pace, parse_milestone_dates, plan_start
    pace = pace or Pace()
    involved = row["involved"]
    milestones = parse_milestone_dates(row.get("milestone_dates"))
    progress, expected, shown, late = measure_pace(
        status=row["status"], recorded=row.get("progress"), deadline=row["deadline"],
        start=plan_start(row.get("plan_year") or on.year, row.get("plan_period") or ""),
        milestones=milestones, on=on, pace=pace)
    return MeasureRow(
        code=row["code"], section=row["section"], section_seq=row["section_seq"],
        task_no=row["task_no"], task_content=row["task_content"], text=row["text"],
        responsibility=row["responsibility"], scope=row["scope"], deadline=row["deadline"],
        status=row["status"], involved=None if involved is None else bool(involved),
        problems=row["problems"], next_steps=row["next_steps"], updated_at=row["updated_at"],
        not_involved_reason=row.get("not_involved_reason") or "",
        evidence_count=row["evidence_count"], entry_count=row["entry_count"],
        last_entry_date=row["last_entry_date"],
        deadline_state=deadline_state(row["deadline"], row["status"], on,
                                      days=pace.reminder_days),
        role=row["role"] or "", own_deadline=row["own_deadline"],
        deadline_text=row["deadline_text"] or "", target=row["target"],
        number=row["number"] or "", extra=_extra_columns(row["extra"]),
        review=row.get("review"), review_comment=row.get("review_comment") or "",
        deadline_source=row.get("deadline_source") or ("measure" if row["own_deadline"] else "plan"),
        unit_deadline=row.get("unit_deadline"), deadline_set_by=row.get("deadline_set_by") or "",
        deadline_set_at=row.get("deadline_set_at"), progress=progress,
        recorded_progress=row.get("progress"), expected=expected, light=shown,
        milestone_count=len(milestones), milestones_late=late)


def _extra_columns(text: str | None) -> list[list[str]]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [list(pair) for pair in value if isinstance(pair, list) and len(pair) == 2]


def _evidence(row: dict, measures: list[str]) -> Evidence:
    return Evidence(id=row["id"], sha256=row["sha256"], original_name=row["original_name"],
                    size=row["size"], evidence_date=row["evidence_date"], note=row["note"],
                    added_at=row["added_at"], added_by=row["added_by"], measures=measures)
