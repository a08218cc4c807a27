"""The province's consolidated view: every unit × every measure (and task), indicator figures
added up across units against the provincial target, and who is late.

Reads the provincial ledger as imported packages left it; a unit that has not handed in
shows its measures as 未启动 (nothing reported) and is marked as not submitted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..deadlines import LATE, today
from ..plan.indicators import Indicator
from ..status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUSES
from ..plan.store import DIVISION
from .divisions import units_recorded_directly
from .submissions import current_submissions

# Percentages are shares within each unit: adding them up means nothing, so the province
# sees their average instead.
SUM, MEAN = "sum", "mean"


@dataclass
class MeasureColumn:
    """One measure as a column (or row) of the matrix."""
    code: str
    task_no: int
    task_content: str
    section: str
    text: str
    scope: str
    deadline: str


@dataclass
class TaskProgress:
    """One unit on one task: measures it carries (不涉及 excluded) and how many are done."""
    task_no: int
    carried: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    not_involved: int = 0

    @property
    def share(self) -> float | None:
        """Done / carried, None when the unit carries no measure of the task."""
        return self.done / self.carried if self.carried else None


@dataclass
class IndicatorTotal:
    """One target with every unit's figure and the provincial total (or mean)."""
    measure_code: str
    measure_text: str
    indicator_id: int
    raw: str
    target: str                  # as a clerk reads it: "6–10家", "≥100家"
    min: float
    max: float | None
    quantity_unit: str
    comparator: str
    aggregate: str               # SUM or MEAN
    by_unit: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float | None:
        """The provincial figure: sum of the units' figures (mean for %), None if none."""
        if not self.by_unit:
            return None
        values = list(self.by_unit.values())
        return sum(values) / len(values) if self.aggregate == MEAN else sum(values)

    @property
    def met(self) -> bool | None:
        """Whether the provincial figure reaches the target (None with no figures)."""
        return Indicator(self.raw, self.min, self.max, self.quantity_unit, self.comparator).met_by(self.total)


@dataclass
class UnitLine:
    """One unit's row: statuses by measure, progress by task, counts, lateness, submission."""
    unit: str
    kind: str
    statuses: dict[str, str]                   # measure id → status (only measures it carries)
    tasks: dict[int, TaskProgress]
    counts: dict[str, int]
    late: list[str]                            # measure ids past their deadline, not done
    submitted_at: str | None                   # made_at of the current package, None if none
    imported_at: str | None
    recorded_directly: bool = False            # no package: the province recorded for it (a
                                               # division); submitted_at is its last update
    handed_in_late: bool = False               # its package was made after the round's due date

    @property
    def carried(self) -> int:
        """Measures the unit carries (不涉及 excluded)."""
        return sum(self.counts.values()) - self.counts.get(NOT_INVOLVED, 0)

    @property
    def share_done(self) -> float:
        """Share of carried measures that are done."""
        return self.counts.get(DONE, 0) / self.carried if self.carried else 0.0


@dataclass
class Consolidation:
    """Everything the consolidated workbook and PDF show."""
    plan_title: str
    plan_year: int
    deadline: str
    on: date
    measures: list[MeasureColumn]
    tasks: list[tuple[int, str, str]]          # (no, content, section)
    units: list[UnitLine]
    indicators: list[IndicatorTotal]
    is_province: bool = False                  # a provincial ledger (data only from packages)
    round: object = None                       # models.rounds.Round of a round's view, else None
    checked_on: date | None = None             # the day hand-ins are judged late (today)

    @property
    def late_units(self) -> list[UnitLine]:
        """Units with late measures, that handed in late, or that have not handed in once
        the deadline (a round's due date) passed."""
        overdue = (self.checked_on or self.on) > date.fromisoformat(self.deadline)
        return [u for u in self.units
                if u.late or u.handed_in_late or (overdue and u.submitted_at is None)]

    @property
    def submitted(self) -> list[UnitLine]:
        """Units with a current (not superseded) package."""
        return [u for u in self.units if u.submitted_at is not None]

    def status_of(self, unit: str, measure_code: str) -> str | None:
        """The unit's status on a measure, None when the measure is not the unit's."""
        for line in self.units:
            if line.unit == unit:
                return line.statuses.get(measure_code)
        raise KeyError(unit)


def consolidate(ledger, *, on: date | None = None,
                round_name: str | None = None) -> Consolidation:
    """Build the consolidated view of the provincial ledger's current plan.

    Works on any ledger (a city's too, where only that unit has data), one query per unit.
    For a reporting round (``round_name``, models.rounds) the statuses and figures are those
    of each unit's latest package of that round, judged on the round's cut-off; a unit
    without one is 未报送, and one made after the round's due date is marked late.
    """
    chosen = None
    if round_name:
        from ..rounds import find_round
        from .submissions import round_data
        chosen = find_round(ledger, round_name)
        handed = round_data(ledger, chosen.name)
    on = on or (date.fromisoformat(chosen.cutoff) if chosen else today())
    plan = ledger.plan()
    measures, tasks = [], []
    # The issuer's ("--") measures count once the province assigned them to a division.
    assigned = issuer_measures_assigned(ledger)
    for section in plan.sections:
        for task in section.tasks:
            reportable = [m for m in task.measures if m.scope != "issuer" or m.code in assigned]
            if reportable:
                tasks.append((task.no, task.content, section.title))
            for m in reportable:
                measures.append(MeasureColumn(m.code, task.no, task.content, section.title,
                                              m.text, m.scope, m.deadline or plan.deadline))
    current = current_submissions(ledger, plan_id=plan.id,
                                  round_name=chosen.name if chosen else None)
    province = ledger.role == "province"
    round_statuses: dict[str, dict[str, str]] = {}
    direct = units_recorded_directly(ledger) if province else {}
    lines = []
    for unit in ledger.units():
        if unit.kind == "other":
            continue
        rows = ledger.measures(unit=unit.name, on=on)
        if unit.kind == DIVISION and not rows:
            continue                     # a division that carries nothing yet
        if chosen:
            rows = _as_handed_in(rows, handed.get(unit.name), on,
                                 {m.code: m.deadline for m in measures})
            round_statuses[unit.name] = {r.code: r.status for r in rows}
        counts = {status: 0 for status in STATUSES}
        progress: dict[int, TaskProgress] = {}
        for row in rows:
            counts[row.status] += 1
            tp = progress.setdefault(row.task_no, TaskProgress(row.task_no))
            if row.status == NOT_INVOLVED:
                tp.not_involved += 1
                continue
            tp.carried += 1
            tp.done += row.status == DONE
            tp.in_progress += row.status == IN_PROGRESS
            tp.not_started += row.status == NOT_STARTED
        sub = current.get(unit.name)
        recorded = sub is None and unit.name in direct and not chosen
        lines.append(UnitLine(
            unit=unit.name, kind=unit.kind, statuses={r.code: r.status for r in rows},
            tasks=progress, counts=counts,
            # A unit that has handed nothing in has no statuses of its own to be late on;
            # it is late as a unit once the deadline passes (Consolidation.late_units).
            late=([] if (province and sub is None and not recorded)
                  else [r.code for r in rows if r.deadline_state == LATE]),
            submitted_at=sub.made_at if sub else (direct[unit.name] or None) if recorded else None,
            imported_at=sub.imported_at if sub else None, recorded_directly=recorded,
            handed_in_late=bool(sub and sub.late)))
    figures = _round_figures(ledger, plan, handed) if chosen else None
    return Consolidation(plan_title=plan.title, plan_year=plan.year,
                         deadline=chosen.due if chosen else plan.deadline,
                         on=on, measures=measures, tasks=tasks, units=lines,
                         indicators=_indicator_totals(ledger, plan, {u.unit for u in lines},
                                                      figures, round_statuses if chosen else None),
                         is_province=province, round=chosen,
                         checked_on=today() if chosen else None)


def _as_handed_in(rows, data: dict | None, on: date, deadlines: dict[str, str]):
    """The unit's rows with the statuses (and own deadlines) of a round's package: what it
    handed in for the round, 未启动 where the package says nothing. ``deadlines``: each
    measure's deadline from the list (or the plan's hand-in date)."""
    from dataclasses import replace

    from ..deadlines import deadline_state
    measures = {m.get("id"): m for m in (data or {}).get("measures", []) if isinstance(m, dict)}
    shown = []
    for row in rows:
        m = measures.get(row.code, {})
        status = m.get("status") if m.get("status") in STATUSES else NOT_STARTED
        own = m.get("deadline_set")
        deadline = own if isinstance(own, str) and own else deadlines.get(row.code, row.deadline)
        shown.append(replace(row, status=status, deadline=deadline,
                             deadline_state=deadline_state(deadline, status, on)))
    return shown


def _round_figures(ledger, plan, handed: dict[str, dict]) -> dict[int, dict[str, float]]:
    """indicator id → unit → the figure each unit's round package gave."""
    ids: dict[str, list[int]] = {}
    for measure in plan.measures():
        ids[measure.code] = [ind.id for ind in measure.indicators]
    values: dict[int, dict[str, float]] = {}
    for unit, data in handed.items():
        for m in data.get("measures", []):
            if not isinstance(m, dict):
                continue
            for k, ind in enumerate(m.get("indicators") or []):
                value = ind.get("value") if isinstance(ind, dict) else None
                if isinstance(value, (int, float)) and not isinstance(value, bool) \
                        and k < len(ids.get(m.get("id"), [])):
                    values.setdefault(ids[m["id"]][k], {})[unit] = float(value)
    return values


def issuer_measures_assigned(ledger) -> set[str]:
    """Codes of the current plan's "--" measures assigned to at least one division."""
    return {row[0] for row in ledger.db.execute(
        "SELECT DISTINCT m.code FROM measures m JOIN measure_units mu ON mu.measure_id = m.id"
        " JOIN units u ON u.plan_id = m.plan_id AND u.name = mu.unit"
        " WHERE m.plan_id = ? AND m.scope = 'issuer' AND u.kind = ?",
        [ledger.plan_id, DIVISION]).fetchall()}


def _indicator_totals(ledger, plan, units: set[str], figures=None,
                      statuses: dict[str, dict[str, str]] | None = None) -> list[IndicatorTotal]:
    values: dict[int, dict[str, float]] = {}
    if figures is not None:
        values = {iid: {u: v for u, v in by_unit.items() if u in units}
                  for iid, by_unit in figures.items()}
    else:
        for row in ledger.db.query(
                "SELECT iv.indicator_id, iv.unit, iv.value FROM indicator_values iv"
                " JOIN indicators i ON i.id = iv.indicator_id JOIN measures m ON m.id = i.measure_id"
                " WHERE m.plan_id = ? ORDER BY iv.unit", [plan.id]):
            if row["unit"] in units:
                values.setdefault(row["indicator_id"], {})[row["unit"]] = row["value"]
    # A unit that confirmed 不涉及 has no figure to add, even if one was typed earlier.
    if statuses is not None:
        not_involved = {(code, unit) for unit, by_code in statuses.items()
                        for code, status in by_code.items() if status == NOT_INVOLVED}
    else:
        not_involved = {(row["code"], row["unit"]) for row in ledger.db.query(
            "SELECT m.code, r.unit FROM assignments r JOIN measures m ON m.id = r.measure_id"
            " WHERE m.plan_id = ? AND r.status = ?", [plan.id, NOT_INVOLVED])}
    totals = []
    for measure in plan.measures():
        for ind in measure.indicators:
            by_unit = {u: v for u, v in values.get(ind.id, {}).items()
                       if (measure.code, u) not in not_involved}
            totals.append(IndicatorTotal(
                measure_code=measure.code, measure_text=measure.text, indicator_id=ind.id,
                raw=ind.raw, target=ind.target, min=ind.min, max=ind.max, quantity_unit=ind.quantity_unit,
                comparator=ind.comparator, aggregate=MEAN if ind.quantity_unit in ("%", "％") else SUM,
                by_unit=by_unit))
    return totals
