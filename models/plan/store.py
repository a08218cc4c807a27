"""Writing a plan definition into a ledger and reading it back as dataclasses."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..clock import now_text

from ..records import IndicatorRow, Plan, PlanInfo, PlanMeasure, PlanSection, PlanTask, Unit
from .scope import NAMED, inherit_responsibility, resolve_scope

if TYPE_CHECKING:
    import sqlite_utils

UNIT_KINDS = ("city", "zone", "county", "other")


def insert_plan(db: sqlite_utils.Database, plan: dict) -> int:
    """Store ``plan`` (a checked definition); return its id. Call inside a transaction."""
    # Only storing a plan parses it: reading one (the window's start) needs neither module.
    from .definition import subject_from_title, validate_plan
    from .indicators import parse_indicators
    validate_plan(plan)
    cur = db.execute(
        "INSERT INTO plans (year, title, subject, issuer, doc_no, deadline, recipient,"
        " annex_title, source, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [int(plan["year"]), plan["title"], plan.get("subject") or subject_from_title(plan["title"]),
         plan.get("issuer", ""), plan.get("doc_no", ""),
         plan.get("deadline") or f"{plan['year']}-12-31", plan.get("recipient", ""),
         plan.get("annex_title", ""), plan.get("source", ""), now_text()])
    plan_id = cur.lastrowid
    units = [dict(u) for u in plan.get("units", [])]
    unit_names = [u["name"] for u in units]
    for seq, unit in enumerate(units):
        kind = unit.get("kind") if unit.get("kind") in UNIT_KINDS else "other"
        db.execute("INSERT INTO units (plan_id, name, kind, seq) VALUES (?,?,?,?)",
                   [plan_id, unit["name"], kind, seq])

    raw_cells = [m.get("responsibility", "") for s in plan["sections"]
                 for t in s["tasks"] for m in t["measures"]]
    effective = iter(inherit_responsibility(raw_cells))
    for s_seq, section in enumerate(plan["sections"]):
        section_id = db.execute("INSERT INTO sections (plan_id, seq, title) VALUES (?,?,?)",
                                [plan_id, s_seq, section["title"]]).lastrowid
        for task in section["tasks"]:
            task_id = db.execute(
                "INSERT INTO tasks (plan_id, section_id, no, content) VALUES (?,?,?,?)",
                [plan_id, section_id, int(task["no"]), task["content"]]).lastrowid
            for m_seq, measure in enumerate(task["measures"], 1):
                responsibility = next(effective)
                scope, unknown = resolve_scope(responsibility, unit_names)
                for name in unknown:
                    db.execute("INSERT INTO units (plan_id, name, kind, seq) VALUES (?,?,?,?)",
                               [plan_id, name, "other", len(unit_names)])
                    unit_names.append(name)
                measure_id = db.execute(
                    "INSERT INTO measures (plan_id, task_id, code, seq, text, responsibility_raw,"
                    " responsibility, scope, deadline) VALUES (?,?,?,?,?,?,?,?,?)",
                    [plan_id, task_id, f"{task['no']}.{m_seq}", m_seq, measure["text"],
                     measure.get("responsibility", "") or "", responsibility, scope.kind,
                     measure.get("deadline") or None]).lastrowid
                if scope.kind == NAMED:
                    for name in scope.units:
                        db.execute("INSERT OR IGNORE INTO measure_units (measure_id, unit)"
                                   " VALUES (?,?)", [measure_id, name])
                for i_seq, ind in enumerate(parse_indicators(measure["text"])):
                    db.execute(
                        "INSERT INTO indicators (measure_id, seq, raw, min, max, quantity_unit, comparator)"
                        " VALUES (?,?,?,?,?,?,?)",
                        [measure_id, i_seq, ind.raw, ind.min, ind.max, ind.quantity_unit, ind.comparator])
    return plan_id


def list_plans(db: sqlite_utils.Database) -> list[PlanInfo]:
    """Every plan in the ledger, newest year first."""
    return [PlanInfo(**row) for row in db.query(
        "SELECT id, year, title, doc_no, deadline FROM plans ORDER BY year DESC, id DESC")]


def list_units(db: sqlite_utils.Database, plan_id: int) -> list[Unit]:
    """The plan's units in official order (units of kind "other" last)."""
    return [Unit(**row) for row in db.query(
        "SELECT name, kind FROM units WHERE plan_id = ? ORDER BY seq, rowid", [plan_id])]


def read_plan(db: sqlite_utils.Database, plan_id: int) -> Plan:
    """The whole plan tree."""
    head = next(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    named: dict[int, list[str]] = {}
    for row in db.query("SELECT mu.measure_id, mu.unit FROM measure_units mu JOIN measures m"
                        " ON m.id = mu.measure_id WHERE m.plan_id = ? ORDER BY mu.rowid", [plan_id]):
        named.setdefault(row["measure_id"], []).append(row["unit"])
    all_units = [u.name for u in list_units(db, plan_id) if u.kind != "other"]
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
        units = (all_units if row["scope"] == "all" else named.get(row["id"], []))
        tasks[row["task_id"]].measures.append(PlanMeasure(
            code=row["code"], text=row["text"], responsibility=row["responsibility"],
            responsibility_raw=row["responsibility_raw"], scope=row["scope"], units=list(units),
            deadline=row["deadline"] or head["deadline"],
            indicators=indicators.get(row["id"], [])))
    return Plan(id=head["id"], year=head["year"], title=head["title"], subject=head["subject"],
                issuer=head["issuer"], doc_no=head["doc_no"], deadline=head["deadline"],
                recipient=head["recipient"], annex_title=head["annex_title"],
                sections=list(sections.values()))


def indicator_row(row: dict, value: float | None = None) -> IndicatorRow:
    """An IndicatorRow from an ``indicators`` row."""
    from .indicators import Indicator
    target = Indicator(raw=row["raw"], min=row["min"], max=row["max"],
                       quantity_unit=row["quantity_unit"], comparator=row["comparator"]).describe()
    return IndicatorRow(id=row["id"], raw=row["raw"], min=row["min"], max=row["max"],
                        quantity_unit=row["quantity_unit"], comparator=row["comparator"],
                        target=target, value=value)
