"""What the ledger hands out: plain dataclasses, never cursors or Qt objects."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Unit:
    name: str
    kind: str


@dataclass
class IndicatorRow:
    id: int
    raw: str
    min: float
    max: float | None
    quantity_unit: str
    comparator: str
    target: str
    value: float | None = None


@dataclass
class PlanMeasure:
    code: str                    # "task.measure", e.g. "8.5"
    text: str
    responsibility: str          # effective 责任地市 (merged cells resolved)
    responsibility_raw: str      # the cell as written ("" where merged with the row above)
    scope: str
    units: list[str]
    deadline: str
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class PlanTask:
    no: int
    content: str
    measures: list[PlanMeasure]


@dataclass
class PlanSection:
    title: str
    tasks: list[PlanTask]


@dataclass
class Plan:
    id: int
    year: int
    title: str
    subject: str
    issuer: str
    doc_no: str
    deadline: str
    recipient: str
    annex_title: str
    sections: list[PlanSection]

    def measures(self):
        """Every measure in task-list order."""
        for section in self.sections:
            for task in section.tasks:
                yield from task.measures


@dataclass
class PlanInfo:
    id: int
    year: int
    title: str
    doc_no: str
    deadline: str


@dataclass
class MeasureRow:
    """A measure as one unit sees it in its ledger."""
    code: str
    section: str
    section_seq: int
    task_no: int
    task_content: str
    text: str
    responsibility: str
    scope: str
    deadline: str
    status: str
    involved: bool | None
    problems: str
    next_steps: str
    updated_at: str | None
    evidence_count: int
    entry_count: int
    last_entry_date: str | None
    deadline_state: str = ""
    not_involved_reason: str = ""     # why the unit is not involved (不涉及), for 备注

    def to_dict(self) -> dict:
        """The row for ``tasks --json``; "id" repeats the code for scripts written for the
        first version, which named it so."""
        data = asdict(self)
        data["id"] = self.code
        return data


@dataclass
class Entry:
    id: int
    measure_code: str
    date: str
    author: str
    text: str
    created_at: str
    updated_at: str


@dataclass
class Evidence:
    id: int
    sha256: str
    original_name: str
    size: int
    evidence_date: str
    note: str
    added_at: str
    added_by: str
    measures: list[str] = field(default_factory=list)


@dataclass
class MeasureDetail:
    row: MeasureRow
    responsibility_raw: str
    units: list[str]
    indicators: list[IndicatorRow]
    entries: list[Entry]
    evidence: list[Evidence]


@dataclass
class VerifyProblem:
    evidence_id: int
    sha256: str
    original_name: str
    measures: list[str]
    problem: str                 # "missing" or "altered"


@dataclass
class AuditRecord:
    id: int
    at: str
    user: str
    action: str
    target: str
    detail: str
    plan_id: int | None = None       # the plan worked on when it was written (None: older rows)
