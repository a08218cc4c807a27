"""What changed between two versions of a unit's submission, measure by measure.

Both sides use it on two data.json documents (models.handin.unit_data): the unit writes the
changelog into its package from version 2 on and shows it before exporting; the province
compares what it received with the version before ("查看上一版") and sends the measures that
changed back to 待审核. A measure changed when its printed content changed
(models.fingerprint.measure_digest); the details say how, in the clerk's words.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .fingerprint import measure_content

# Kinds of change, in the order they are listed.
STATUS, INVOLVED, ENTRIES, FIGURES, EVIDENCE, PROBLEMS, NEXT_STEPS, ADDED, REMOVED = (
    "status", "involved", "entries", "figures", "evidence", "problems", "next_steps",
    "added", "removed")
DEADLINE, PROGRESS, MILESTONES = "deadline", "progress", "milestones"
KIND_LABELS = {STATUS: "状态", INVOLVED: "是否涉及", ENTRIES: "进展", FIGURES: "指标完成值",
               EVIDENCE: "佐证材料", PROBLEMS: "存在问题", NEXT_STEPS: "下一步打算",
               ADDED: "新增举措", REMOVED: "移除举措", DEADLINE: "完成时限",
               PROGRESS: "完成进度", MILESTONES: "阶段节点"}
MAX_SHOWN = 3        # names of added/removed files listed before "等N个"


@dataclass
class MeasureChange:
    """One measure that differs between two versions: what kinds of change, and how."""
    code: str
    kinds: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: ``状态：推进中→已完成；进展：新增1条``."""
        return "；".join(self.details)

    def to_dict(self) -> dict:
        """JSON-ready (the package's changelog, ``submissions --json``)."""
        return asdict(self)


def _names(items: list[str]) -> str:
    shown = "、".join(items[:MAX_SHOWN])
    return shown + (f"等{len(items)}个" if len(items) > MAX_SHOWN else "")


def _percent(value) -> str:
    return "未填" if value is None else f"{value:g}%"


def _number(value) -> str:
    if value is None:
        return "未填"
    return f"{value:g}"


def compare_measure(code: str, old: dict | None, new: dict | None) -> MeasureChange | None:
    """How measure ``code`` differs between two data.json measure entries (None: absent)."""
    if old is None and new is None:
        return None
    if old is None:
        return MeasureChange(code, [ADDED], ["本版新增此举措"])
    if new is None:
        return MeasureChange(code, [REMOVED], ["本版不再包含此举措"])
    a, b = measure_content(old), measure_content(new)
    if a == b:
        return None
    change = MeasureChange(code)

    def note(kind: str, text: str) -> None:
        change.kinds.append(kind)
        change.details.append(text)

    if a["status"] != b["status"]:
        note(STATUS, f"状态：{a['status'] or '未填'}→{b['status'] or '未填'}")
    if a["involved"] != b["involved"] and a["status"] == b["status"]:
        words = {True: "涉及", False: "不涉及", None: "未确认"}
        note(INVOLVED, f"是否涉及：{words[a['involved']]}→{words[b['involved']]}")
    if a["entries"] != b["entries"]:
        before, after = [tuple(e) for e in a["entries"]], [tuple(e) for e in b["entries"]]
        added = [e for e in after if e not in before]
        removed = [e for e in before if e not in after]
        parts = []
        if added:
            parts.append(f"新增{len(added)}条")
        if removed:
            parts.append(f"删除或修改{len(removed)}条")
        note(ENTRIES, "进展：" + ("，".join(parts) or "顺序调整"))
    if a["figures"] != b["figures"]:
        pairs = [f"{_number(x)}→{_number(y)}" for x, y in zip(a["figures"], b["figures"]) if x != y]
        note(FIGURES, "指标完成值：" + ("，".join(pairs) or "调整"))
    if a["evidence"] != b["evidence"]:
        before = {e[5]: e[1] for e in a["evidence"]}
        after = {e[5]: e[1] for e in b["evidence"]}
        added = [after[sha] for sha in after if sha not in before]
        removed = [before[sha] for sha in before if sha not in after]
        parts = []
        if added:
            parts.append(f"新增 {_names(added)}")
        if removed:
            parts.append(f"移除 {_names(removed)}")
        note(EVIDENCE, "佐证材料：" + ("；".join(parts) or "说明或日期修改"))
    if a["problems"] != b["problems"]:
        note(PROBLEMS, "存在问题已修改")
    if a["next_steps"] != b["next_steps"]:
        note(NEXT_STEPS, "下一步打算已修改")
    if a.get("deadline_set") != b.get("deadline_set"):
        note(DEADLINE, f"完成时限：{a.get('deadline_set') or '按清单'}→{b.get('deadline_set') or '按清单'}")
    if a.get("progress") != b.get("progress"):
        note(PROGRESS, f"完成进度：{_percent(a.get('progress'))}→{_percent(b.get('progress'))}")
    if a.get("milestones", []) != b.get("milestones", []):
        before, after = a.get("milestones", []), b.get("milestones", [])
        ticked = sum(1 for step in after if step[2] and [step[0], step[1], ""] in before)
        note(MILESTONES, "阶段节点：" + (f"完成{ticked}个" if ticked and len(before) == len(after)
                                     else f"{len(before)}个→{len(after)}个"
                                     if len(before) != len(after) else "调整"))
    return change


def compare_unit_data(old: dict, new: dict) -> list[MeasureChange]:
    """Every measure that differs between two data.json documents, in ``new``'s order
    (measures only ``old`` had come last)."""
    def by_code(data: dict) -> dict[str, dict]:
        measures = data.get("measures") if isinstance(data.get("measures"), list) else []
        return {m.get("id"): m for m in measures if isinstance(m, dict) and isinstance(m.get("id"), str)}
    before, after = by_code(old), by_code(new)
    codes = list(after) + [code for code in before if code not in after]
    changes = []
    for code in codes:
        change = compare_measure(code, before.get(code), after.get(code))
        if change is not None:
            changes.append(change)
    return changes


def changes_from_dicts(items) -> list[MeasureChange]:
    """MeasureChanges from their stored JSON form (a package's changelog, a submission's);
    anything malformed is left out."""
    changes = []
    for item in items if isinstance(items, list) else []:
        if not (isinstance(item, dict) and isinstance(item.get("code"), str)):
            continue
        kinds = [k for k in item.get("kinds", []) if isinstance(k, str)] \
            if isinstance(item.get("kinds"), list) else []
        details = [d for d in item.get("details", []) if isinstance(d, str)] \
            if isinstance(item.get("details"), list) else []
        changes.append(MeasureChange(item["code"], kinds, details))
    return changes
