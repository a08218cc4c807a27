"""Finding text in a unit's ledger, and saying where it was found.

A clerk searches for a word she remembers — from the measure, its task, a progress entry, an
evidence file's name or note, what she wrote under 存在问题 or 下一步打算 — and wants to know
which of these matched. Every query is limited to the current plan's measures and the unit's
own rows through the indexes (entries by measure and unit, links by measure), so a ledger
holding ten years of work searches the year on screen, not the decade. No Qt.
"""
from __future__ import annotations

CODE, TEXT, TASK, ENTRY, EVIDENCE, PROBLEMS, NEXT_STEPS = (
    "code", "text", "task", "entry", "evidence", "problems", "next_steps")
# In the order the window names them.
PLACES = (CODE, TEXT, TASK, ENTRY, EVIDENCE, PROBLEMS, NEXT_STEPS)
PLACE_LABELS = {CODE: "编号", TEXT: "举措内容", TASK: "任务", ENTRY: "进展记录",
                EVIDENCE: "佐证材料", PROBLEMS: "存在问题", NEXT_STEPS: "下一步打算"}
MAX_QUERY = 200              # characters: a longer "search" is a paste gone wrong

# (place, SQL giving measure codes). Parameters: :plan, :unit, :q (lower-cased text).
# lower() folds ASCII only, which is what a file name like "PDF" needs; Chinese has no case.
_SOURCES = (
    (CODE, "SELECT m.code FROM measures m WHERE m.plan_id = :plan AND m.code = :raw"),
    (TEXT, "SELECT m.code FROM measures m WHERE m.plan_id = :plan"
           " AND instr(lower(m.text), :q) > 0"),
    (TASK, "SELECT m.code FROM measures m JOIN tasks t ON t.id = m.task_id"
           " WHERE m.plan_id = :plan AND instr(lower(t.content), :q) > 0"),
    (ENTRY, "SELECT DISTINCT m.code FROM measures m JOIN entries e"
            " ON e.measure_id = m.id AND e.unit = :unit"
            " WHERE m.plan_id = :plan AND instr(lower(e.text), :q) > 0"),
    (EVIDENCE, "SELECT DISTINCT m.code FROM measures m"
               " JOIN evidence_links el ON el.measure_id = m.id"
               " JOIN evidence ev ON ev.id = el.evidence_id AND ev.unit = :unit"
               " WHERE m.plan_id = :plan AND (instr(lower(ev.original_name), :q) > 0"
               " OR instr(lower(ev.note), :q) > 0)"),
    (PROBLEMS, "SELECT m.code FROM measures m JOIN assignments a"
               " ON a.measure_id = m.id AND a.unit = :unit"
               " WHERE m.plan_id = :plan AND instr(lower(a.problems), :q) > 0"),
    (NEXT_STEPS, "SELECT m.code FROM measures m JOIN assignments a"
                 " ON a.measure_id = m.id AND a.unit = :unit"
                 " WHERE m.plan_id = :plan AND instr(lower(a.next_steps), :q) > 0"),
)


def normalise_query(text: str | None) -> str:
    """The text searched for: trimmed, inner whitespace kept, cut at MAX_QUERY characters."""
    return (text or "").strip()[:MAX_QUERY]


def search_places(ledger, text: str, *, unit: str | None = None,
                  plan_id: int | None = None) -> dict[str, set[str]]:
    """For each measure of the current plan where ``text`` occurs, the places it occurs in
    (CODE, TEXT, TASK, ENTRY, EVIDENCE, PROBLEMS, NEXT_STEPS). Empty text: nothing.

    Matching is by substring, ASCII letters in any case. Only ``unit``'s own entries,
    evidence and notes count (a provincial ledger holds every unit's).
    """
    query = normalise_query(text)
    if not query:
        return {}
    unit = unit or ledger.unit
    params = {"plan": plan_id or ledger.plan_id, "unit": unit, "q": query.lower(), "raw": query}
    found: dict[str, set[str]] = {}
    for place, sql in _SOURCES:
        for (code,) in ledger.db.execute(sql, params).fetchall():
            found.setdefault(code, set()).add(place)
    return found

