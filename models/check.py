"""The 缺项清单: what is still missing before a unit hands in, and where to fix each item.

Built on models.summary (so the counts match every report) and Ledger.verify (so a missing or
altered evidence file is found before it ends up, or fails to end up, in the package).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Callable

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

KIND_LABELS = {
    NOT_STARTED_GAP: "未启动", NO_EVIDENCE: "已完成但无佐证", NO_ENTRY: "无进展记录",
    NO_INDICATOR: "缺指标完成值", UNCONFIRMED: "未确认是否涉及", EVIDENCE_MISSING: "佐证文件缺失",
    EVIDENCE_ALTERED: "佐证文件被改动", CONTACT_MISSING: "联系信息未填",
    RETURNED_GAP: "省级退回修改",
}

CONTACT_FIELDS = {"unit_full_name": "单位全称", "contact_person": "填报人（联系人）",
                  "contact_phone": "联系电话"}


@dataclass
class Gap:
    """One item of the 缺项清单."""
    kind: str
    measure_code: str        # "" for gaps that are not about one measure (contacts)
    message: str
    fix: str                 # where to fix it, in the window and on the command line

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

    # 退回修改 by the province and not changed since it was handed in (models.feedback).
    from .feedback import returned_measures
    returned = {r.code: r.comment for r in returned_measures(ledger, unit=unit) if not r.changed}

    for row in summary.rows:
        where = f"举措 {row.code}"
        if row.code in returned:
            comment = f"：{returned[row.code]}" if returned[row.code] else ""
            gaps.append(Gap(RETURNED_GAP, row.code, f"{where}被省级退回修改{comment}",
                            "按审核意见修改该举措（状态、进展、佐证或完成值）后重新导出报送材料包；"
                            f"命令：record {row.code} …"))
        if row.code in unconfirmed:
            gaps.append(Gap(UNCONFIRMED, row.code,
                            f"{where}（相关地市）尚未确认本单位是否涉及",
                            f"在“填报”中确认是否涉及，或选“不涉及”；命令：record {row.code} --status 不涉及"
                            f"（涉及则填报实际状态）"))
        if row.status == NOT_STARTED:
            gaps.append(Gap(NOT_STARTED_GAP, row.code, f"{where}仍为“未启动”",
                            f"在“填报”中更新状态并写进展；命令：record {row.code} --status 推进中 --note …"))
        if row.code in no_evidence:
            gaps.append(Gap(NO_EVIDENCE, row.code, f"{where}已完成，但没有佐证材料",
                            f"在“佐证材料”中添加文件；命令：attach {row.code} 文件"))
        if row.status in (IN_PROGRESS, DONE) and row.entry_count == 0:
            gaps.append(Gap(NO_ENTRY, row.code, f"{where}为“{row.status}”，但没有任何进展记录",
                            f"在“填报”中新增进展；命令：record {row.code} --note … --date YYYY-MM-DD"))
        if row.status != NOT_INVOLVED and row.code in missing_figures:
            targets = "、".join(missing_figures[row.code])
            gaps.append(Gap(NO_INDICATOR, row.code, f"{where}的量化指标（{targets}）未填本单位完成值",
                            f"在“填报”的量化指标栏填写；命令：record {row.code} --value 数字"))

    own = {r[0] for r in ledger.db.execute("SELECT id FROM evidence WHERE unit = ?", [unit])}
    for problem in ledger.verify(progress=progress, cancelled=cancelled):
        if problem.evidence_id not in own:
            continue
        measures = "、".join(problem.measures) or "无"
        measure_code = problem.measures[0] if problem.measures else ""
        if problem.problem == "missing":
            gaps.append(Gap(EVIDENCE_MISSING, measure_code,
                            f"佐证材料“{problem.original_name}”（举措 {measures}）的文件已从台账文件夹中缺失",
                            f"在“佐证材料”中移除后重新添加原文件；命令：attach {measure_code or '编号'} 原文件"))
        else:
            gaps.append(Gap(EVIDENCE_ALTERED, measure_code,
                            f"佐证材料“{problem.original_name}”（举措 {measures}）的文件已被改动，与登记时的 SHA-256 不符",
                            f"重新添加正确的原文件；命令：attach {measure_code or '编号'} 原文件（再运行 verify 确认）"))

    settings = ledger.settings()
    for key, label in CONTACT_FIELDS.items():
        if not (settings.get(key) or "").strip():
            gaps.append(Gap(CONTACT_MISSING, "", f"{label}未填写（报表和报告中要用）",
                            f"在“设置”中填写{label}"))
    return gaps
