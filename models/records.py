"""What the ledger hands out: plain dataclasses, never cursors or Qt objects."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .plan.scope import RELEVANT
from .status import PENDING


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
    units: list[str]             # every unit that reports on it (all of them for scope "all")
    deadline: str | None         # the date its 完成时限 names; None: none (the plan's applies)
    indicators: list[IndicatorRow] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)        # responsible / 牵头 units
    assisting: list[str] = field(default_factory=list)   # 配合/协办/参与 (and 责任 beside 牵头)
    deadline_text: str = ""      # the 完成时限 as written (2021年6月底前, 长期坚持)
    target: str | None = None    # 任务目标 / 工作目标 / 预期成果
    number: str = ""             # the office's own numbering ("（1）", "3")
    extra: list[list[str]] = field(default_factory=list)   # [column, text] kept from the list
    roles_given: bool = False    # the list tells lead and assisting units apart


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
    period: str = ""             # "2021", or "2022—2023" for a list covering several years
    units_source: str = ""       # where the unit list came from (built-in list id, file, document)

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
    role: str = ""               # the unit's role: "lead", "assisting", "" (the list gives none)
    own_deadline: str | None = None   # the date the list gives; None: ``deadline`` is the plan's
    deadline_text: str = ""      # the 完成时限 as written
    target: str | None = None
    number: str = ""             # the office's own numbering
    extra: list[list[str]] = field(default_factory=list)
    review: str | None = None        # the province's result in the feedback imported (unit ledger)
    review_comment: str = ""
    # Time (issue 12): where the deadline comes from ("measure": the unit's own or the list's
    # 完成时限; "plan": the hand-in date standing in), the one the unit set (who, when), the
    # 完成进度 shown (100 when 已完成) and as recorded, 序时进度, the light (models.pace).
    deadline_source: str = "plan"
    unit_deadline: str | None = None
    deadline_set_by: str = ""
    deadline_set_at: str | None = None
    progress: float | None = None
    recorded_progress: float | None = None
    expected: float = 0.0
    light: str | None = None
    milestone_count: int = 0
    milestones_late: int = 0
    not_involved_reason: str = ""     # why the unit is not involved (不涉及), for 备注

    @property
    def pending(self) -> bool:
        """A 相关地市 measure whose unit has not yet said whether it is involved."""
        return self.scope == RELEVANT and self.involved is None

    @property
    def shown_status(self) -> str:
        """The status as every view and document names it: 待确认 while pending (未启动 is
        what is stored), else the stored status."""
        return PENDING if self.pending else self.status

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
class PurgeResult:
    """What ``Ledger.purge_evidence`` removed."""
    records: list[Evidence]            # unlinked evidence records deleted
    unrecorded: list[str]              # hashes of stored files no record named
    files_removed: int
    bytes_freed: int


@dataclass
class MeasureDetail:
    row: MeasureRow
    responsibility_raw: str
    units: list[str]
    indicators: list[IndicatorRow]
    entries: list[Entry]
    evidence: list[Evidence]
    milestones: list = field(default_factory=list)     # models.schedule.Milestone, by date


@dataclass
class NarrativeText:
    """One part of the report's text as the clerk saved it (models.narrative.PARTS)."""
    part: str
    text: str
    draft: str                   # the draft the clerk started from, when saved
    updated_at: str
    updated_by: str


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
