"""A stored plan written back out as a plan definition (the dict resources/plans/*.json hold),
so what one ledger holds another can start from: the provincial ledger's plan with its
divisions (处室) and, per "--" measure, the divisions carrying it."""
from __future__ import annotations

from .store import DIVISION


def plan_definition(ledger, plan_id: int | None = None) -> dict:
    """The plan ``plan_id`` (default: current) as a plan definition that insert_plan and
    read_plan_file take back: same sections, tasks, measures, 责任地市 cells as written,
    deadlines, units with their kinds, ``divisions`` on the "--" measures assigned, and the
    plan's reporting rounds."""
    db = ledger.db
    plan_id = plan_id or ledger.plan_id
    head = next(db.query("SELECT * FROM plans WHERE id = ?", [plan_id]))
    units = [{"name": r["name"], "kind": r["kind"]} for r in db.query(
        "SELECT name, kind FROM units WHERE plan_id = ? ORDER BY seq, rowid", [plan_id])]
    divisions = {u["name"] for u in units if u["kind"] == DIVISION}
    assigned: dict[int, list[str]] = {}
    for row in db.query("SELECT mu.measure_id, mu.unit FROM measure_units mu JOIN measures m"
                        " ON m.id = mu.measure_id WHERE m.plan_id = ? AND m.scope = 'issuer'"
                        " ORDER BY mu.rowid", [plan_id]):
        if row["unit"] in divisions:
            assigned.setdefault(row["measure_id"], []).append(row["unit"])
    sections = []
    for section in db.query("SELECT id, title FROM sections WHERE plan_id = ? ORDER BY seq",
                            [plan_id]):
        tasks = []
        for task in db.query("SELECT id, no, content FROM tasks WHERE section_id = ? ORDER BY no",
                             [section["id"]]):
            measures = []
            for m in db.query("SELECT id, text, responsibility_raw, deadline FROM measures"
                              " WHERE task_id = ? ORDER BY seq", [task["id"]]):
                item = {"text": m["text"], "responsibility": m["responsibility_raw"]}
                if m["deadline"]:
                    item["deadline"] = m["deadline"]
                if m["id"] in assigned:
                    item["divisions"] = assigned[m["id"]]
                measures.append(item)
            tasks.append({"no": task["no"], "content": task["content"], "measures": measures})
        sections.append({"title": section["title"], "tasks": tasks})
    from ..rounds import rounds
    return {key: head[key] for key in ("year", "title", "subject", "issuer", "doc_no",
                                       "deadline", "recipient", "annex_title")} | {
        "units": units, "sections": sections,
        # the reporting rounds set in this ledger travel with the plan file
        "rounds": [item.to_dict() for item in rounds(ledger, plan_id=plan_id)]}
