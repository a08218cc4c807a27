"""Writing a plan definition into a ledger and reading it back as dataclasses."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..clock import now_text
from ..records import IndicatorRow, Plan, PlanInfo, PlanMeasure, PlanSection, PlanTask, Unit
from .deadlines import parse_deadline
from .scope import ISSUER, NAMED, inherit_responsibility
from .units import ASSISTING, KIND_LABELS, LEAD, OUTSIDE_KINDS, RESPONSIBLE, resolve_unit_text

if TYPE_CHECKING:
    import sqlite_utils

# Kinds a unit list may give its units (the schema leaves the list to models, migration 0004).
UNIT_KINDS = tuple(KIND_LABELS)


def effective_unit_texts(plan: dict) -> list[str]:
    """Every measure's unit text in plan order, "as above" cells filled from the row above
    (tables merge them); a running-text list's empty text stays empty (it names nobody)."""
    cells = [m.get("responsibility", "") or "" for s in plan["sections"]
             for t in s["tasks"] for m in t["measures"]]
    if plan.get("responsibility_inherits", True):
        return inherit_responsibility(cells)
    return [cell.strip() for cell in cells]
# The province's own divisions (处室): they carry the issuer's ("--") measures the provincial
# ledger assigns them, and report on nothing else (like every kind in OUTSIDE_KINDS).
DIVISION = "division"


def insert_plan(db: sqlite_utils.Database, plan: dict) -> int:
    """Store ``plan`` (a checked definition); return its id. Call inside a transaction."""
    # Only storing a plan parses it: reading one (the window's start) needs neither module.
    from .definition import subject_from_title, validate_plan
    from .indicators import parse_indicators
    validate_plan(plan)
    cur = db.execute(
        "INSERT INTO plans (year, title, subject, issuer, doc_no, deadline, recipient,"
        " annex_title, source, created_at, period, units_source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [int(plan["year"]), plan["title"], plan.get("subject") or subject_from_title(plan["title"]),
         plan.get("issuer", ""), plan.get("doc_no", ""),
         plan.get("deadline") or f"{plan['year']}-12-31", plan.get("recipient", ""),
         plan.get("annex_title", ""), plan.get("source", ""), now_text(),
         plan.get("period") or str(plan["year"]), plan.get("units_source", "")])
    plan_id = cur.lastrowid
    units = []
    for unit in plan.get("units", []):
        if unit["name"] not in {u["name"] for u in units}:
            units.append({"name": unit["name"],
                          "kind": unit.get("kind") if unit.get("kind") in UNIT_KINDS else "other"})
    for seq, unit in enumerate(units):
        db.execute("INSERT INTO units (plan_id, name, kind, seq) VALUES (?,?,?,?)",
                   [plan_id, unit["name"], unit["kind"], seq])

    effective = iter(effective_unit_texts(plan))
    for s_seq, section in enumerate(plan["sections"]):
        section_id = db.execute("INSERT INTO sections (plan_id, seq, title) VALUES (?,?,?)",
                                [plan_id, s_seq, section["title"]]).lastrowid
        for task in section["tasks"]:
            task_id = db.execute(
                "INSERT INTO tasks (plan_id, section_id, no, content) VALUES (?,?,?,?)",
                [plan_id, section_id, int(task["no"]), task["content"]]).lastrowid
            for m_seq, measure in enumerate(task["measures"], 1):
                responsibility = next(effective)
                resolution = resolve_unit_text(responsibility, units)
                deadline = measure.get("deadline") or None
                if deadline is None and resolution.deadline_text and not measure.get("deadline_text"):
                    # 2022年6月底前完成 written among the units: the measure's 完成时限
                    deadline = parse_deadline(resolution.deadline_text, int(plan["year"]))
                for name in resolution.unknown:
                    if name not in {u["name"] for u in units}:
                        db.execute("INSERT INTO units (plan_id, name, kind, seq) VALUES (?,?,?,?)",
                                   [plan_id, name, "other", len(units)])
                        units.append({"name": name, "kind": "other"})
                measure_id = db.execute(
                    "INSERT INTO measures (plan_id, task_id, code, seq, text, responsibility_raw,"
                    " responsibility, scope, deadline, deadline_text, target, number, extra)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [plan_id, task_id, f"{task['no']}.{m_seq}", m_seq, measure["text"],
                     measure.get("responsibility", "") or "", responsibility, resolution.scope,
                     deadline, measure.get("deadline_text") or resolution.deadline_text or "",
                     measure.get("target") or None, measure.get("number") or "",
                     json.dumps(measure.get("extra") or [], ensure_ascii=False)]).lastrowid
                if resolution.scope == NAMED:
                    for member in resolution.members:
                        db.execute("INSERT OR IGNORE INTO measure_units (measure_id, unit, role,"
                                   " relevant) VALUES (?,?,?,?)",
                                   [measure_id, member.name, member.role, int(member.relevant)])
                elif resolution.scope == ISSUER:
                    # A provincial ledger's plan file names the divisions carrying the measure.
                    for name in measure.get("divisions") or []:
                        db.execute("INSERT OR IGNORE INTO measure_units (measure_id, unit)"
                                   " VALUES (?,?)", [measure_id, name])
                for i_seq, ind in enumerate(parse_indicators(measure["text"])):
                    db.execute(
                        "INSERT INTO indicators (measure_id, seq, raw, min, max, quantity_unit, comparator)"
                        " VALUES (?,?,?,?,?,?,?)",
                        [measure_id, i_seq, ind.raw, ind.min, ind.max, ind.quantity_unit, ind.comparator])
    if plan.get("rounds"):
        from ..rounds import checked_rounds, store_rounds
        store_rounds(db, plan_id, checked_rounds(plan["rounds"], source="任务清单"))
    return plan_id


def list_plans(db: sqlite_utils.Database) -> list[PlanInfo]:
    """Every plan in the ledger, newest year first."""
    return [PlanInfo(**row) for row in db.query(
        "SELECT id, year, title, doc_no, deadline FROM plans ORDER BY year DESC, id DESC")]


def list_units(db: sqlite_utils.Database, plan_id: int) -> list[Unit]:
    """The plan's units in official order (names only the document brought in last)."""
    return [Unit(**row) for row in db.query(
        "SELECT name, kind FROM units WHERE plan_id = ? ORDER BY seq, rowid", [plan_id])]


def read_plan(db: sqlite_utils.Database, plan_id: int) -> Plan:
    """The whole plan tree."""
    head = next(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    named: dict[int, list[tuple[str, str]]] = {}
    for row in db.query("SELECT mu.measure_id, mu.unit, mu.role FROM measure_units mu"
                        " JOIN measures m ON m.id = mu.measure_id WHERE m.plan_id = ?"
                        " ORDER BY mu.rowid", [plan_id]):
        named.setdefault(row["measure_id"], []).append((row["unit"], row["role"]))
    all_units = [u.name for u in list_units(db, plan_id) if u.kind not in OUTSIDE_KINDS]
    indicators: dict[int, list[IndicatorRow]] = {}
    for row in db.query("SELECT i.* FROM indicators i JOIN measures m ON m.id = i.measure_id"
                        " WHERE m.plan_id = ? ORDER BY i.measure_id, i.seq", [plan_id]):
        indicators.setdefault(row["measure_id"], []).append(indicator_row(row))

    sections: dict[int, PlanSection] = {}
    tasks: dict[int, PlanTask] = {}
    for row in db.query("SELECT id, title FROM sections WHERE plan_id = ? ORDER BY seq", [plan_id]):
        sections[row["id"]] = PlanSection(title=row["title"], tasks=[])
    for row in db.query("SELECT id, section_id, no, content FROM tasks WHERE plan_id = ?"
                        " ORDER BY no", [plan_id]):
        tasks[row["id"]] = PlanTask(no=row["no"], content=row["content"], measures=[])
        sections[row["section_id"]].tasks.append(tasks[row["id"]])
    for row in db.query("SELECT * FROM measures WHERE plan_id = ? ORDER BY task_id, seq", [plan_id]):
        members = named.get(row["id"], [])
        if row["scope"] == "all":
            units, lead, assisting = list(all_units), list(all_units), []
        else:
            units = [name for name, _ in members]
            lead = [name for name, role in members if role in (LEAD, RESPONSIBLE)]
            assisting = [name for name, role in members if role == ASSISTING]
        tasks[row["task_id"]].measures.append(PlanMeasure(
            code=row["code"], text=row["text"], responsibility=row["responsibility"],
            responsibility_raw=row["responsibility_raw"], scope=row["scope"], units=units,
            deadline=row["deadline"], indicators=indicators.get(row["id"], []),
            lead=lead, assisting=assisting, deadline_text=row["deadline_text"] or "",
            target=row["target"], number=row["number"] or "", extra=_extra(row["extra"]),
            roles_given=any(role in (LEAD, ASSISTING) for _, role in members)))
    return Plan(id=head["id"], year=head["year"], title=head["title"], subject=head["subject"],
                issuer=head["issuer"], doc_no=head["doc_no"], deadline=head["deadline"],
                recipient=head["recipient"], annex_title=head["annex_title"],
                sections=list(sections.values()), period=head["period"] or str(head["year"]),
                units_source=head["units_source"] or "")


def _extra(text: str | None) -> list[list[str]]:
    try:
        value = json.loads(text or "[]")
    except json.JSONDecodeError:
        return []
    return [list(pair) for pair in value if isinstance(pair, list) and len(pair) == 2]


def indicator_row(row: dict, value: float | None = None) -> IndicatorRow:
    """An IndicatorRow from an ``indicators`` row."""
    from .indicators import Indicator
    target = Indicator(raw=row["raw"], min=row["min"], max=row["max"],
                       quantity_unit=row["quantity_unit"], comparator=row["comparator"]).describe()
    return IndicatorRow(id=row["id"], raw=row["raw"], min=row["min"], max=row["max"],
                        quantity_unit=row["quantity_unit"], comparator=row["comparator"],
                        target=target, value=value)
