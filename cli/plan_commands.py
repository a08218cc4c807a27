"""``import-plan FILE``: add another year's task list to the ledger and work on it."""
from __future__ import annotations

from pathlib import Path

from models.errors import InvalidInput, UnknownUnit
from models.plan.reader import read_plan_file
from models.plan.scope import inherit_responsibility, resolve_scope


def register(sub) -> None:
    """Add ``import-plan``."""
    p = sub.add_parser("import-plan",
                       help="导入任务清单（.xlsx/.docx/.txt/.json）为新方案，并设为当前方案")
    p.add_argument("file", type=Path, help="省里发来的任务清单文件")
    p.set_defaults(func=cmd_import_plan, writes=True)


def plan_unit_names(plan: dict) -> tuple[list[str], list[str]]:
    """(units on the plan's list, names only the 责任地市 cells bring in — kind "other")."""
    listed = [u["name"] for u in plan.get("units", []) if u.get("kind") != "other"]
    extra = [u["name"] for u in plan.get("units", []) if u.get("kind") == "other"]
    cells = [m.get("responsibility", "") for s in plan["sections"] for t in s["tasks"]
             for m in t["measures"]]
    for text in inherit_responsibility(cells):
        _, unknown = resolve_scope(text, listed + extra)
        extra.extend(name for name in unknown if name not in extra)
    return listed, extra


def cmd_import_plan(args, ledger) -> int:
    # Everything is checked before the ledger is touched; add_plan is one transaction.
    plan = read_plan_file(args.file)
    for info in ledger.plans():
        if info.year == plan["year"] and info.title == plan["title"]:
            raise InvalidInput(f"台账中已有方案“{info.title}”（{info.year}年），未重复导入；"
                               "如需切换请在窗口中选择方案")
    listed, extra = plan_unit_names(plan)
    if ledger.role == "city" and ledger.unit not in listed + extra:
        raise UnknownUnit(f"{Path(args.file).name}：本台账的单位“{ledger.unit}”不在该任务清单的单位名单中，"
                          "未导入")
    plan_id = ledger.add_plan(plan, make_current=True)
    tasks = sum(len(s["tasks"]) for s in plan["sections"])
    measures = sum(len(t["measures"]) for s in plan["sections"] for t in s["tasks"])
    print(f"已导入方案：{plan['title']}（{plan['year']}年，编号 {plan_id}），"
          f"{len(plan['sections'])}个部分、{tasks}项任务、{measures}条落实举措；已设为当前方案")
    if extra:
        print(f"责任单位中不在单位名单里的名称已作为“其他”单位加入：{'、'.join(extra)}")
    if ledger.role == "city":
        print(f"{ledger.unit}需填报或确认的举措：{len(ledger.measures())} 项")
    return 0
