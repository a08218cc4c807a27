"""Filtering and sorting a unit's measures in SQL, for views that hold ids and fetch rows late.

The workbench table keeps only measure codes; these functions answer "which codes, in what
order" and "the rows for these codes" without loading every measure's detail. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .deadlines import LATE, DUE_SOON, STALE_DAYS, today
from .pace import GREEN, NO_LIGHT, RED, YELLOW
from .ledger import MEASURE_SELECT, measure_row
from .records import MeasureRow
from .search import normalise_query, search_places
from .status import DONE, NOT_INVOLVED, NOT_STARTED, PENDING, normalize_status

# 相关地市 measures the unit has not yet said whether it is involved in: the table shows them
# as 待确认 (PENDING) rather than 未启动.
_PENDING_SQL = "(scope = 'relevant' AND involved IS NULL)"

# Sort keys a view may ask for, mapped to SQL over the measure query's columns.
_MEASURE_NO = "CAST(substr(code, instr(code, '.') + 1) AS INTEGER)"
_LAST_TOUCH = "max(COALESCE(substr(updated_at, 1, 10), ''), COALESCE(last_entry_date, ''))"
_DEADLINE_RANK = ("CASE WHEN status IN ('已完成', '不涉及') OR deadline IS NULL THEN 0"
                  " WHEN deadline < :today THEN 2 WHEN deadline <= :soon THEN 1 ELSE 0 END")
SORT_KEYS = {
    "id": ("task_no", _MEASURE_NO),
    "task": ("task_no",),
    "text": ("text",),
    "scope": ("scope",),
    "status": ("CASE status WHEN '未启动' THEN 0 WHEN '推进中' THEN 1 WHEN '已完成' THEN 2"
               " ELSE 3 END",),
    "updated": (_LAST_TOUCH,),
    "evidence": ("evidence_count",),
    "deadline": (_DEADLINE_RANK,),
    "role": ("CASE role WHEN 'lead' THEN 0 WHEN 'assisting' THEN 1 ELSE 2 END",),
    # The province's result in the feedback imported: 退回修改 first.
    "review": ("CASE review WHEN '退回修改' THEN 0 WHEN '待审核' THEN 1 WHEN '通过' THEN 2"
               " ELSE 3 END",),
}


@dataclass
class MeasureFilter:
    """What a clerk narrows the measure list to; every field left at its default means "all".

    ``deadline`` is 逾期 (deadline passed, not done) or 临期 (due within 7 days);
    ``stale`` means not done and untouched for 30 days, as models.summary counts it.
    ``review`` is the province's result in the feedback the unit imported (退回修改…).
    ``light`` is a 序时进度 light (models.pace: red, yellow, green, or "none" for measures
    without one).
    """
    status: str | None = None
    section: str | None = None
    task_no: int | None = None
    scope: str | None = None
    deadline: str | None = None
    done_without_evidence: bool = False
    stale: bool = False
    search: str = ""
    review: str | None = None
    light: str | None = None


def measure_codes(ledger, flt: MeasureFilter | None = None, *, unit: str | None = None,
                  order: str = "id", descending: bool = False,
                  on: date | None = None, search_hits: dict | None = None) -> list[str]:
    """Codes of the unit's measures passing ``flt``, sorted by ``order`` (a SORT_KEYS key).

    Ties keep plan order, so a sort by status lists each status's measures as the plan does.
    ``flt.status`` may be PENDING (待确认: a 相关地市 measure not yet confirmed), and then
    未启动 means the measures shown as 未启动, without those. ``search_hits``: the answer of
    models.search.search_places for ``flt.search`` when the caller already has it.
    """
    flt = flt or MeasureFilter()
    unit = ledger.check_unit(unit)
    on = on or ledger.today()
    params = {**ledger.measure_params(unit), "today": on.isoformat(),
              "soon": (on + timedelta(days=ledger.pace().reminder_days)).isoformat(),
              "stale": (on - timedelta(days=STALE_DAYS)).isoformat()}
    where = []
    if flt.status == PENDING:
        where.append(_PENDING_SQL)
    elif flt.status:
        where.append("status = :status")
        params["status"] = normalize_status(flt.status)
        if params["status"] == NOT_STARTED:
            where.append(f"NOT {_PENDING_SQL}")
    if flt.section:
        where.append("section = :section")
        params["section"] = flt.section
    if flt.task_no is not None:
        where.append("task_no = :task_no")
        params["task_no"] = int(flt.task_no)
    if flt.scope:
        where.append("scope = :scope")
        params["scope"] = flt.scope
    if flt.deadline == LATE:
        where.append(f"({_DEADLINE_RANK}) = 2")
    elif flt.deadline == DUE_SOON:
        where.append(f"({_DEADLINE_RANK}) = 1")
    if flt.done_without_evidence:
        where.append(f"status = '{DONE}' AND evidence_count = 0")
    if flt.review:
        where.append("review = :review")
        params["review"] = flt.review
    if flt.stale:
        where.append(f"status NOT IN ('{DONE}', '{NOT_INVOLVED}') AND {_LAST_TOUCH} < :stale")
    if order not in SORT_KEYS and order != "light":
        raise ValueError(f"unknown sort key {order!r}")
    direction = " DESC" if descending else ""
    key = ", ".join(part + direction for part in SORT_KEYS.get(order, SORT_KEYS["id"]))
    sql = (f"WITH q AS ({MEASURE_SELECT}) SELECT code FROM q"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {key}, section_seq, task_no, {_MEASURE_NO}")
    codes = [row[0] for row in ledger.db.execute(sql, params).fetchall()]
    if normalise_query(flt.search):
        hits = search_hits if search_hits is not None else search_places(ledger, flt.search,
                                                                          unit=unit)
        codes = [code for code in codes if code in hits]
    if flt.light or order == "light":
        # The light depends on dates, milestones and the ledger's thresholds: judged on the
        # rows (one query), in the same way every view and output judges it.
        rows = measure_rows(ledger, codes, unit=unit, on=on)
        if flt.light:
            wanted = None if flt.light == NO_LIGHT else flt.light
            codes = [code for code in codes if rows[code].light == wanted]
        if order == "light":
            rank = {RED: 0, YELLOW: 1, GREEN: 2, None: 3}
            codes.sort(key=lambda code: rank[rows[code].light], reverse=descending)
    return codes


def measure_rows(ledger, codes: list[str], *, unit: str | None = None,
                 on: date | None = None) -> dict[str, MeasureRow]:
    """The MeasureRow of each code in ``codes`` (one query), keyed by code."""
    if not codes:
        return {}
    unit = ledger.check_unit(unit)
    params = ledger.measure_params(unit)
    marks = []
    for index, code in enumerate(codes):
        params[f"c{index}"] = code
        marks.append(f":c{index}")
    sql = MEASURE_SELECT + f" AND m.code IN ({', '.join(marks)})"
    on = on or ledger.today()
    pace = ledger.pace()
    return {row["code"]: measure_row(row, on, pace) for row in ledger.db.query(sql, params)}


@dataclass(frozen=True)
class OutlineRow:
    """Where a measure sits in the plan and its status: what the plan tree counts."""
    code: str
    section: str
    task_no: int
    task_content: str
    status: str


def outline_rows(ledger, *, unit: str | None = None) -> list[OutlineRow]:
    """The unit's measures in plan order, with only their place and status — without the
    per-measure counts of entries and evidence (which cost a big ledger most of the query)."""
    unit = ledger.check_unit(unit)
    sql = (f"WITH q AS ({MEASURE_SELECT}) SELECT code, section, task_no, task_content, status"
           f" FROM q ORDER BY section_seq, task_no, {_MEASURE_NO}")
    return [OutlineRow(*row) for row in ledger.db.execute(
        sql, ledger.measure_params(unit)).fetchall()]


def last_touch(row: MeasureRow) -> str:
    """The later of the last edit and the last progress entry's date ("" when never touched)."""
    return max((row.updated_at or "")[:10], row.last_entry_date or "")


# Measures the province carries itself (责任地市 "--"): units see them read-only (FORMATS.md).
# The same columns as the unit's measure query, with nothing recorded and no deadline state.
_PROVINCE_SELECT = """
SELECT m.id AS mid, m.code, s.title AS section, s.seq AS section_seq, t.no AS task_no,
       t.content AS task_content, m.text, m.responsibility, m.scope,
       COALESCE(m.deadline, p.deadline) AS deadline, m.deadline AS own_deadline,
       m.deadline_text, m.target, m.number, m.extra, '' AS role,
       '' AS status, NULL AS involved, '' AS problems, '' AS next_steps, NULL AS updated_at,
       0 AS evidence_count, 0 AS entry_count, NULL AS last_entry_date,
       NULL AS review, '' AS review_comment
FROM measures m
JOIN tasks t ON t.id = m.task_id
JOIN sections s ON s.id = t.section_id
JOIN plans p ON p.id = m.plan_id
WHERE m.plan_id = :plan AND m.scope = 'issuer'
  -- A division's own ledger reports on the ones assigned to it: not read-only there.
  AND NOT EXISTS (SELECT 1 FROM measure_units mu WHERE mu.measure_id = m.id AND mu.unit = :unit)
"""


def issuer_codes(ledger, flt: MeasureFilter | None = None) -> list[str]:
    """Codes of the current plan's provincial-level measures, in plan order.

    Only ``flt``'s section, task and search text apply: a provincial measure has no status,
    deadline state or evidence of the unit's, so a filter on those leaves none of them.
    ``ledger.measures()`` (what the unit reports on) never includes these.
    """
    flt = flt or MeasureFilter()
    if (flt.status or flt.deadline or flt.done_without_evidence or flt.stale or flt.review
            or flt.light or (flt.scope and flt.scope != "issuer")):
        return []
    sql, params = _PROVINCE_SELECT, {"plan": ledger.plan_id, "unit": ledger.unit}
    if flt.section:
        sql += " AND s.title = :section"
        params["section"] = flt.section
    if flt.task_no is not None:
        sql += " AND t.no = :task_no"
        params["task_no"] = int(flt.task_no)
    words = flt.search.split()
    for index, word in enumerate(words):
        sql += f" AND (m.text LIKE :w{index} OR t.content LIKE :w{index} OR m.code = :c{index})"
        params[f"w{index}"] = f"%{word}%"
        params[f"c{index}"] = word
    sql += f" ORDER BY s.seq, t.no, {_MEASURE_NO.replace('code', 'm.code')}"
    return [row["code"] for row in ledger.db.query(sql, params)]


def issuer_rows(ledger, codes: list[str]) -> dict[str, MeasureRow]:
    """The read-only MeasureRow of each provincial-level code in ``codes``, keyed by code.

    ``status`` is "" (the unit records nothing on them) and ``deadline_state`` None.
    """
    if not codes:
        return {}
    params = {"plan": ledger.plan_id, "unit": ledger.unit}
    marks = []
    for index, code in enumerate(codes):
        params[f"c{index}"] = code
        marks.append(f":c{index}")
    sql = _PROVINCE_SELECT + f" AND m.code IN ({', '.join(marks)})"
    on = today()
    return {row["code"]: replace(measure_row(row, on), deadline_state=None, light=None,
                                 progress=None)
            for row in ledger.db.query(sql, params)}


def evidence_count(ledger) -> int:
    """How many evidence records the ledger holds (every unit's): what ``verify`` checks."""
    return ledger.db.execute("SELECT count(*) FROM evidence").fetchone()[0]


def describe_filter(flt: MeasureFilter | None, *, task_content: str = "") -> str:
    """The filter in the clerk's words, for the title of a list printed from it: ``红灯 ·
    状态：推进中 · 一、强化… · 搜索“专利”`` ("全部举措" when it narrows nothing)."""
    from .pace import LIGHT_LABELS
    from .plan.scope import SCOPE_LABELS
    flt = flt or MeasureFilter()
    parts = []
    if flt.light:
        parts.append(LIGHT_LABELS.get(flt.light, flt.light))
    if flt.status:
        parts.append(f"状态：{flt.status}")
    if flt.deadline:
        parts.append(flt.deadline)
    if flt.section:
        parts.append(flt.section.split("，")[0])
    if flt.task_no is not None:
        parts.append(f"任务{flt.task_no}" + (f"：{task_content[:20]}" if task_content else ""))
    if flt.scope:
        parts.append(f"范围：{SCOPE_LABELS.get(flt.scope, flt.scope)}")
    if flt.done_without_evidence:
        parts.append("已完成无佐证")
    if flt.stale:
        parts.append(f"{STALE_DAYS}天未更新")
    if flt.review:
        parts.append(f"省级审核：{flt.review}")
    if flt.search.strip():
        parts.append(f"搜索“{flt.search.strip()}”")
    return " · ".join(parts) or "全部举措"


def latest_entries(ledger, codes: list[str], *, unit: str | None = None) -> dict:
    """The latest progress entry (models.records.Entry) of each of ``codes`` that has one
    (in an "as of" view, the latest up to its cut-off), in one query."""
    from .records import Entry
    unit = ledger.check_unit(unit)
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    latest = {}
    for row in ledger.db.execute(
            "SELECT e.id, m.code, e.date, e.author, e.text, e.created_at, e.updated_at"
            " FROM entries e JOIN measures m ON m.id = e.measure_id"
            f" WHERE e.unit = ? AND m.plan_id = ? AND m.code IN ({marks}) AND e.date <= ?"
            " ORDER BY e.date, e.id",
            [unit, ledger.plan_id, *codes, ledger.measure_params(unit)["cutoff"]]).fetchall():
        latest[row[1]] = Entry(*row)
    return latest
