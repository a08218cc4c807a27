"""The 缺项清单: what is still missing before a unit hands in, and where to fix each item.

Built on models.summary (so the counts match every report) and Ledger.verify (so a missing or
altered evidence file is found before it ends up, or fails to end up, in the package).

Each gap says where it is fixed twice: ``fix`` for the command line (the command to run) and
``field`` + ``params`` for the window, which words the gap itself (translated) and takes the
clerk to that field.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from dataclasses import field as _field
from typing import Callable

from .dates import FUTURE, doubtful_entries

from .status import DONE, IN_PROGRESS, NOT_INVOLVED, NOT_STARTED
from .summary import summarize

NOT_STARTED_GAP = "not_started"
NO_EVIDENCE = "done_without_evidence"
NO_ENTRY = "no_entry"
NO_INDICATOR = "indicator_missing"
UNCONFIRMED = "unconfirmed"
EVIDENCE_MISSING = "evidence_missing"
EVIDENCE_ALTERED = "evidence_altered"
CONTACT_MISSING = "contact_missing"
RETURNED_GAP = "returned"
DOUBTFUL_DATE = "doubtful_date"
REASON_MISSING = "reason_missing"

KIND_LABELS = {
    NOT_STARTED_GAP: "未启动", NO_EVIDENCE: "已完成但无佐证", NO_ENTRY: "无进展记录",
    NO_INDICATOR: "缺指标完成值", UNCONFIRMED: "未确认是否涉及", EVIDENCE_MISSING: "佐证文件缺失",
    EVIDENCE_ALTERED: "佐证文件被改动", CONTACT_MISSING: "联系信息未填",
    RETURNED_GAP: "省级退回修改",
    DOUBTFUL_DATE: "进展日期存疑", REASON_MISSING: "不涉及未写理由",
}

# Where the window fixes each kind of gap (ui.check_dialog takes the clerk there).
FIELD_STATUS, FIELD_INVOLVED, FIELD_INDICATOR = "status", "involved", "indicator"
FIELD_ENTRIES, FIELD_EVIDENCE, FIELD_SETTINGS = "entries", "evidence", "settings"

CONTACT_FIELDS = {"unit_full_name": "单位全称", "contact_person": "填报人（联系人）",
                  "contact_phone": "联系电话"}


@dataclass
class Gap:
    """One item of the 缺项清单."""
    kind: str
    measure_code: str        # "" for gaps that are not about one measure (contacts)
    message: str
    fix: str                 # how to fix it on the command line
    field: str = ""          # where the window fixes it: FIELD_STATUS, FIELD_ENTRIES…
    params: dict = _field(default_factory=dict)   # what the window's own wording needs

    @property
    def label(self) -> str:
        """The kind as the clerk reads it (未启动, 已完成但无佐证…)."""
        return KIND_LABELS.get(self.kind, self.kind)

    def to_dict(self) -> dict:
        """JSON-ready, with the label."""
        return dict(asdict(self), label=self.label)


def check_ledger(ledger, *, unit: str | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[Gap]:
    """Every gap in ``unit``'s hand-in, measures in task-list order, then evidence, then contacts.

    A measure the province sent back (退回修改, in the feedback imported) is listed until its
    content differs from what was handed in.

    ``progress``/``cancelled`` are passed to the evidence re-hash, the only slow part.
    """
    unit = ledger.check_unit(unit)
    summary = summarize(ledger, unit=unit)
    gaps: list[Gap] = []
    unconfirmed = {row.code for row in summary.unconfirmed}
    no_evidence = {row.code for row in summary.done_without_evidence}
    missing_figures: dict[str, list[str]] = {}
    for item in summary.indicators:
        if item.indicator.value is None:
            missing_figures.setdefault(item.measure_code, []).append(item.indicator.raw)
    doubtful: dict[str, list] = {}
    for entry, warnings in doubtful_entries(ledger, unit=unit):
        doubtful.setdefault(entry["code"], []).append((entry, warnings))

    # 退回修改 by the province and not changed since it was handed in (models.feedback).
    from .feedback import returned_measures
    returned = {r.code: r.comment for r in returned_measures(ledger, unit=unit) if not r.changed}

    for row in summary.rows:
        where = f"举措 {row.code}"
        if row.code in returned:
            comment = f"：{returned[row.code]}" if returned[row.code] else ""
            gaps.append(Gap(RETURNED_GAP, row.code, f"{where}被省级退回修改{comment}",
                            "按审核意见修改该举措（状态、进展、佐证或完成值）后重新导出报送材料包；"
                            f"命令：record {row.code} …", FIELD_STATUS,
                            {"comment": returned[row.code] or ""}))
        if row.code in unconfirmed:
            gaps.append(Gap(UNCONFIRMED, row.code,
                            f"{where}（相关地市）尚未确认本单位是否涉及",
                            f"运行 record {row.code} --status 不涉及 --reason 理由"
                            f"（涉及则填报实际状态）", FIELD_INVOLVED))
        if row.status == NOT_STARTED:
            gaps.append(Gap(NOT_STARTED_GAP, row.code, f"{where}仍为“未启动”",
                            f"运行 record {row.code} --status 推进中 --note …", FIELD_STATUS))
        if row.code in no_evidence:
            gaps.append(Gap(NO_EVIDENCE, row.code, f"{where}已完成，但没有佐证材料",
                            f"运行 attach {row.code} 文件", FIELD_EVIDENCE))
        if row.status in (IN_PROGRESS, DONE) and row.entry_count == 0:
            gaps.append(Gap(NO_ENTRY, row.code, f"{where}为“{row.status}”，但没有任何进展记录",
                            f"运行 record {row.code} --note … --date YYYY-MM-DD", FIELD_ENTRIES,
                            {"status": row.status}))
        if row.status != NOT_INVOLVED and row.code in missing_figures:
            targets = "、".join(missing_figures[row.code])
            gaps.append(Gap(NO_INDICATOR, row.code, f"{where}的量化指标（{targets}）未填本单位完成值",
                            f"运行 record {row.code} --value 数字", FIELD_INDICATOR,
                            {"targets": missing_figures[row.code]}))
        if row.status == NOT_INVOLVED and not row.not_involved_reason:
            gaps.append(Gap(REASON_MISSING, row.code, f"{where}已确认不涉及，但没有写理由",
                            f"运行 record {row.code} --status 不涉及 --reason 理由",
                            FIELD_INVOLVED))
        for entry, warnings in doubtful.get(row.code, []):
            future = any(w.kind == FUTURE for w in warnings)
            gaps.append(Gap(DOUBTFUL_DATE, row.code,
                            f"{where}的一条进展日期存疑：" + "；".join(w.message() for w in warnings),
                            f"在窗口中修改这条进展（{entry['date']}）的日期（命令行不能修改进展）",
                            FIELD_ENTRIES,
                            {"entry_id": entry["id"], "date": entry["date"], "future": future,
                             "start": warnings[0].start, "end": warnings[0].end}))

    own = {r[0] for r in ledger.db.execute("SELECT id FROM evidence WHERE unit = ?", [unit])}
    for problem in ledger.verify(progress=progress, cancelled=cancelled):
        if problem.evidence_id not in own:
            continue
        measures = "、".join(problem.measures) or "无"
        measure_code = problem.measures[0] if problem.measures else ""
        params = {"name": problem.original_name, "measures": problem.measures}
        if problem.problem == "missing":
            gaps.append(Gap(EVIDENCE_MISSING, measure_code,
                            f"佐证材料“{problem.original_name}”（举措 {measures}）的文件已从台账文件夹中缺失",
                            f"运行 attach {measure_code or '编号'} 原文件（重新添加原文件）",
                            FIELD_EVIDENCE, params))
        else:
            gaps.append(Gap(EVIDENCE_ALTERED, measure_code,
                            f"佐证材料“{problem.original_name}”（举措 {measures}）的文件已被改动，与登记时的 SHA-256 不符",
                            f"运行 attach {measure_code or '编号'} 原文件（重新添加正确的原文件，再运行 verify 确认）",
                            FIELD_EVIDENCE, params))

    settings = ledger.settings()
    for key, label in CONTACT_FIELDS.items():
        if not (settings.get(key) or "").strip():
            gaps.append(Gap(CONTACT_MISSING, "", f"{label}未填写（报表和报告中要用）",
                            f"在窗口的“文件 → 台账设置”中填写{label}", FIELD_SETTINGS,
                            {"key": key}))
    return gaps
