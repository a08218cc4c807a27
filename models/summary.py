"""Where a unit stands: counts and shares by status, per-section completion, what needs
attention (late, due soon, not started, done without evidence, stale), indicators, and the
numbering of evidence that every output (sheet, report, package) shares.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .deadlines import DUE_SOON, LATE, STALE_DAYS, days_left
from .pace import LIGHTS, NO_LIGHT, RED, YELLOW
from .records import Evidence, IndicatorRow, MeasureRow
from .status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED, STATUSES


@dataclass
class SectionProgress:
    title: str
    total: int          # measures the unit carries in this section (不涉及 excluded)
    done: int

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass
class IndicatorStatus:
    measure_code: str
    measure_text: str
    indicator: IndicatorRow

    @property
    def met(self) -> bool | None:
        from .plan.indicators import Indicator
        i = self.indicator
        return Indicator(i.raw, i.min, i.max, i.quantity_unit, i.comparator).met_by(i.value)


@dataclass
class EvidenceNumber:
    """Evidence as numbered in the hand-in: 佐证8.5-1 is the first file backing measure 8.5."""
    number: str                    # "8.5-1"
    measure_code: str
    evidence: Evidence

    @property
    def label(self) -> str:
        return f"佐证{self.number}"

    @property
    def package_name(self) -> str:
        return f"佐证{self.number}_{self.evidence.original_name}"


@dataclass
class Summary:
    unit: str
    on: date
    deadline: str
    days_left: int
    rows: list[MeasureRow]
    counts: dict[str, int]
    carried: int                       # measures the unit carries (all but 不涉及)
    sections: list[SectionProgress]
    late: list[MeasureRow] = field(default_factory=list)
    due_soon: list[MeasureRow] = field(default_factory=list)
    not_started: list[MeasureRow] = field(default_factory=list)
    done_without_evidence: list[MeasureRow] = field(default_factory=list)
    stale: list[MeasureRow] = field(default_factory=list)
    unconfirmed: list[MeasureRow] = field(default_factory=list)
    indicators: list[IndicatorStatus] = field(default_factory=list)
    # 序时进度 lights (models.pace): measures per light, and the red and yellow ones
    lights: dict[str, int] = field(default_factory=dict)
    red: list[MeasureRow] = field(default_factory=list)
    yellow: list[MeasureRow] = field(default_factory=list)
    cutoff: str | None = None          # a report "截至" this day (Ledger.as_of), else None
    round_name: str = ""

    def share(self, status: str) -> float:
        """Share of ``status`` among the measures the unit carries (0 when none)."""
        return self.counts.get(status, 0) / self.carried if self.carried else 0.0

    def sentence(self) -> str:
        """共承担落实举措38项，其中已完成20项（占52.6%），推进中15项（占39.5%），未启动3项（占7.9%）。"""
        parts = [f"{status}{self.counts.get(status, 0)}项（占{self.share(status) * 100:.1f}%）"
                 for status in (DONE, IN_PROGRESS, NOT_STARTED)]
        text = f"共承担落实举措{self.carried}项，其中" + "，".join(parts)
        if self.counts.get(NOT_INVOLVED):
            text += f"；另有{self.counts[NOT_INVOLVED]}项经确认不涉及"
        return text + "。"


def summarize(ledger, *, unit: str | None = None, on: date | None = None) -> Summary:
    """Everything a status report or dashboard shows, for ``unit`` (default the ledger's)."""
    unit = ledger.check_unit(unit)
    on = on or ledger.today()
    rows = ledger.measures(unit=unit, on=on)
    counts = {status: 0 for status in STATUSES}
    for row in rows:
        counts[row.status] += 1
    sections: dict[str, SectionProgress] = {}
    for row in rows:
        progress = sections.setdefault(row.section, SectionProgress(row.section, 0, 0))
        if row.status != NOT_INVOLVED:
            progress.total += 1
            progress.done += row.status == DONE
    plan = ledger.plan()
    stale_cutoff = on.toordinal() - STALE_DAYS
    summary = Summary(unit=unit, on=on, deadline=plan.deadline,
                      days_left=days_left(plan.deadline, on), rows=rows, counts=counts,
                      carried=len(rows) - counts[NOT_INVOLVED], sections=list(sections.values()),
                      lights={light: 0 for light in (*LIGHTS, NO_LIGHT)},
                      cutoff=getattr(ledger, "cutoff", None),
                      round_name=getattr(getattr(ledger, "round", None), "name", ""))
    for row in rows:
        if row.status != NOT_INVOLVED:
            summary.lights[row.light or NO_LIGHT] += 1
        if row.light == RED:
            summary.red.append(row)
        elif row.light == YELLOW:
            summary.yellow.append(row)
        if row.deadline_state == LATE:
            summary.late.append(row)
        elif row.deadline_state == DUE_SOON:
            summary.due_soon.append(row)
        if row.status == NOT_STARTED:
            summary.not_started.append(row)
        if row.status == DONE and row.evidence_count == 0:
            summary.done_without_evidence.append(row)
        if row.status not in (DONE, NOT_INVOLVED) and _last_touch(row) < stale_cutoff:
            summary.stale.append(row)
        if row.pending:
            summary.unconfirmed.append(row)
    carried_ids = {r.code for r in rows if r.status != NOT_INVOLVED}
    for measure in plan.measures():
        if measure.code in carried_ids and measure.indicators:
            detail = ledger.measure(measure.code, unit=unit)
            for indicator in detail.indicators:
                summary.indicators.append(IndicatorStatus(measure.code, measure.text, indicator))
    return summary


def _last_touch(row: MeasureRow) -> int:
    stamps = [s for s in (row.updated_at, row.last_entry_date) if s]
    if not stamps:
        return 0
    return datetime.fromisoformat(max(s[:10] for s in stamps)).toordinal()


def evidence_numbers(ledger, *, unit: str | None = None) -> list[EvidenceNumber]:
    """Every (measure, evidence) pair of the unit, numbered per measure in task-list order."""
    unit = ledger.check_unit(unit)
    numbered = []
    for row in ledger.measures(unit=unit):
        if row.evidence_count == 0:
            continue
        for k, item in enumerate(ledger.evidence_for(row.code, unit=unit), 1):
            numbered.append(EvidenceNumber(f"{row.code}-{k}", row.code, item))
    return numbered


