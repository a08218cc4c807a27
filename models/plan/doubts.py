"""What a clerk should look at before a task list read from a file is added to the ledger.

A reader never drops anything in silence: a column it did not understand is kept as text, a
unit name missing from the unit list is added as an "other" unit, a measure without a unit is
read as the issuing office's own. Each such case is a doubt, listed in the preview (and by
``import-plan``) before anything is written, so the clerk can fix the file or the unit list.
"""
from __future__ import annotations

from dataclasses import dataclass

from .store import effective_unit_texts
from .units import parse_unit_text, resolve_unit_text

UNKNOWN_COLUMN = "unknown_column"     # a column kept as text on each measure
NOT_ON_LIST = "not_on_list"           # a unit name the unit list lacks
NO_UNITS = "no_units"                 # a measure nobody is named for
EMPTY_COLLECTIVE = "empty_collective" # 各街道 with no 街道 on the unit list
SET_ASIDE = "set_aside"               # 预期性指标: text among the units that names no unit
OPEN_LIST = "open_list"               # 市发改委等: the list may name more than it says
PASSED_OVER = "passed_over"           # a heading with no unit under it (一、总体要求)
NO_DATE = "no_date"                   # a 完成时限 that names no date (长期坚持)

KIND_TITLES = {UNKNOWN_COLUMN: "未识别的列", NOT_ON_LIST: "不在单位名单中的名称",
               NO_UNITS: "没有责任单位的举措", EMPTY_COLLECTIVE: "名单中没有对应单位的统称",
               SET_ASIDE: "责任单位中不是单位的文字", OPEN_LIST: "以“等”结尾的单位",
               PASSED_OVER: "未读作任务的标题", NO_DATE: "没有具体日期的完成时限"}


@dataclass(frozen=True)
class Doubt:
    """One thing to check: its kind, where (a measure code, a column) and what, in one line."""
    kind: str
    where: str
    text: str

    @property
    def line(self) -> str:
        """The doubt as one Chinese line."""
        return f"{KIND_TITLES[self.kind]}：{self.where}{'：' if self.where else ''}{self.text}"


def plan_doubts(plan: dict) -> list[Doubt]:
    """Every doubt about ``plan`` (a definition read from a file), in plan order."""
    doubts: list[Doubt] = []
    reading = plan.get("reading") or {}
    for label in reading.get("unknown_columns", []):
        doubts.append(Doubt(UNKNOWN_COLUMN, f"“{label}”列", "内容作为文字保存在每条举措上"))
    units = plan.get("units") or []
    listed = {u["name"] for u in units if u.get("kind") != "other"}
    has_list = plan.get("units_source") not in (None, "", "document")
    texts = iter(effective_unit_texts(plan))
    seen_unknown: set[str] = set()
    for section in plan["sections"]:
        for task in section["tasks"]:
            for index, measure in enumerate(task["measures"], 1):
                code = f"{task['no']}.{index}"
                text = next(texts)
                resolution = resolve_unit_text(text, units)
                if resolution.scope == "issuer" and not text.strip():
                    doubts.append(Doubt(NO_UNITS, f"举措 {code}", "清单未写责任单位，将作为发文单位"
                                        "自身的举措（各单位只能查看）"))
                for name in resolution.empty:
                    doubts.append(Doubt(EMPTY_COLLECTIVE, f"举措 {code}",
                                        f"“{name}”在单位名单中没有对应的单位"))
                for note in resolution.notes:
                    doubts.append(Doubt(SET_ASIDE, f"举措 {code}", f"“{note}”"))
                if has_list:
                    for member in resolution.members:
                        name = member.name
                        if name not in listed and name not in seen_unknown:
                            seen_unknown.add(name)
                            doubts.append(Doubt(NOT_ON_LIST, f"举措 {code}",
                                                f"“{name}”将作为其他单位加入"))
                if parse_unit_text(text).open_list:
                    doubts.append(Doubt(OPEN_LIST, f"举措 {code}", f"“{text[-24:]}”只按写明的单位分配"))
                if measure.get("deadline_text") and not measure.get("deadline"):
                    doubts.append(Doubt(NO_DATE, f"举措 {code}",
                                        f"“{measure['deadline_text']}”，按报送截止日期提示"))
    for title in reading.get("skipped", []):
        doubts.append(Doubt(PASSED_OVER, "", f"“{title[:40]}”"))
    return doubts
