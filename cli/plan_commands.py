"""``import-plan FILE``: add another year's task list to the ledger and work on it."""
from __future__ import annotations

from pathlib import Path

from models.errors import InvalidInput
from models.plan.doubts import plan_doubts
from models.plan.reader import read_plan_file
from models.plan.unit_lists import apply_unit_choice, source_label

UNITS_HELP = ("单位名单：内置名单（如 henan-2023）、document（清单中出现的单位）或名单文件"
              "（.txt/.xlsx，每行一个单位名称）；默认按清单自动选择")


def register(sub) -> None:
    """Add ``import-plan``."""
    p = sub.add_parser("import-plan",
                       help="导入任务清单（.xlsx/.docx/.txt/.json）为新方案，并设为当前方案")
    p.add_argument("file", type=Path, help="发来的任务清单文件")
    p.add_argument("--as", dest="our_name", metavar="名称",
                   help="清单中指本单位的名称（清单没有用本台账的单位名称时）")
    p.add_argument("--units", metavar="名单", help=UNITS_HELP)
    p.set_defaults(func=cmd_import_plan, writes=True)


def read_with_units(path: Path, units: str | None) -> dict:
    """The plan in ``path``, read with the unit list ``units`` when one is given."""
    plan = read_plan_file(path)
    if units:
        apply_unit_choice(plan, units)
    return plan


def cmd_import_plan(args, ledger) -> int:
    # Everything is checked before the ledger is touched; add_plan is one transaction.
    plan = read_with_units(args.file, args.units)
    for info in ledger.plans():
        if info.year == plan["year"] and info.title == plan["title"]:
            raise InvalidInput(f"台账中已有方案“{info.title}”（{info.year}年），未重复导入；"
                               "如需切换请在窗口中选择方案")
    plan_id = ledger.add_plan(plan, make_current=True, our_name=args.our_name)
    tasks = sum(len(s["tasks"]) for s in plan["sections"])
    measures = sum(len(t["measures"]) for s in plan["sections"] for t in s["tasks"])
    period = plan.get("period") or str(plan["year"])
    print(f"已导入方案：{plan['title']}（{period}年，编号 {plan_id}），"
          f"{len(plan['sections'])}个部分、{tasks}项任务、{measures}条落实举措；已设为当前方案")
    print(f"单位名单：{source_label(plan.get('units_source', ''))}，共 {len(plan.get('units', []))} 个")
    doubts = plan_doubts(plan)
    if doubts:
        print(f"请核对（{len(doubts)} 处）：")
        for doubt in doubts[:50]:
            print(f"  {doubt.line}")
        if len(doubts) > 50:
            print(f"  …另有 {len(doubts) - 50} 处，见窗口中的导入预览")
    if ledger.role == "city":
        print(f"{ledger.unit}需填报或确认的举措：{len(ledger.measures())} 项")
    return 0
