"""Hand-in and province commands: check (缺项清单), import-package, submissions.

``init --province`` is an option of ``init`` (cli/commands.py) and lands in cmd_init_province.
"""
from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

from .output import emit_json, table


def register(sub) -> None:
    """Add check, import-package and submissions to an argparse subparsers object."""
    p = sub.add_parser("check", help="缺项清单：报送前检查未启动、无佐证、无进展、缺指标、未确认、文件缺失、联系信息")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check, writes=False)

    p = sub.add_parser("import-package", help="（省级台账）导入各单位的报送材料包 .zip，可一次多个")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--max-file-mb", type=int, default=256, help="单个文件解压后的上限（MB，默认 256）")
    p.add_argument("--max-total-mb", type=int, default=2048, help="整个材料包解压后的上限（MB，默认 2048）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_package)

    p = sub.add_parser("submissions", help="（省级台账）各单位报送情况：已报送、何时、状态统计；未报送单位")
    p.add_argument("--json", action="store_true")
    p.add_argument("--history", action="store_true", help="列出历次导入的全部材料包（含已被替换的）")
    p.add_argument("--round", metavar="NAME", help="报送轮次：各单位该轮的报送、是否逾期、未报送单位（见 rounds）")
    p.set_defaults(func=cmd_submissions, writes=False)


def cmd_init_province(args) -> int:
    from models.plan.definition import load_builtin_plan
    from models.province.recording import create_province_ledger

    from .plan_commands import read_with_units
    plan = read_with_units(args.plan, getattr(args, "units", None)) if args.plan else load_builtin_plan()
    with create_province_ledger(args.db, user=args.user, plan=plan, office=args.unit) as ledger:
        units = ledger.units()
        print(f"已创建省级台账：{args.db}")
        print(f"单位：{ledger.unit}　方案：{plan['title']}　汇总单位：{len(units)} 个")
    return 0


def print_gaps(gaps, stream=None) -> None:
    """The 缺项清单 as readable lines."""
    stream = stream or sys.stdout
    for gap in gaps:
        stream.write(f"【{gap.label}】{gap.message}\n    处理：{gap.fix}\n")


def cmd_check(args, ledger) -> int:
    from models.check import check_ledger
    gaps = check_ledger(ledger, unit=args.unit)
    if args.json:
        emit_json({"unit": args.unit or ledger.unit, "gaps": [g.to_dict() for g in gaps]})
    elif not gaps:
        print("缺项清单：没有发现缺项，可以导出报送材料。")
    else:
        print_gaps(gaps)
        kinds: dict[str, int] = {}
        for gap in gaps:
            kinds[gap.label] = kinds.get(gap.label, 0) + 1
        print(f"共 {len(gaps)} 项缺项：" + "，".join(f"{k} {v} 项" for k, v in kinds.items()))
    return 1 if gaps else 0


def cmd_import_package(args, ledger) -> int:
    from models.province.checking import PackageRefused
    from models.province.recording import import_packages
    results = import_packages(ledger, args.files, max_member_bytes=args.max_file_mb * 2**20,
                              max_total_bytes=args.max_total_mb * 2**20)
    refused = [r for r in results if isinstance(r, PackageRefused)]
    if args.json:
        emit_json([{"error": str(r)} if isinstance(r, PackageRefused) else asdict(r)
                   for r in results])
    else:
        for result in results:
            if isinstance(result, PackageRefused):
                sys.stderr.write(f"错误：{result}\n")
            else:
                print(result.message())
    return 2 if refused else 0


def cmd_submissions(args, ledger) -> int:
    from models.province.submissions import submission_history, submission_status
    if args.history:
        history = submission_history(ledger)
        if args.json:
            emit_json([asdict(s) for s in history])
            return 0
        rows = [["编号", "单位", "版本", "材料包", "制作时间", "导入时间", "状态", "变化举措"]]
        for s in history:
            state = "当前" if s.superseded_by is None else f"已被 {s.superseded_by} 替换"
            rows.append([str(s.id), s.unit, f"第{s.version}版", s.package_name,
                         s.made_at[:16].replace("T", " "), s.imported_at[:16].replace("T", " "),
                         state, "、".join(s.changes)])
        print(table(rows, [5, 14, 7, 30, 17, 17, 14, 30]))
        return 0
    status = submission_status(ledger, round_name=args.round)
    if args.json:
        emit_json({
            "plan": status.plan_title, "deadline": status.deadline,
            "round": status.round.to_dict() if status.round else None,
            "handed_in": [dict(asdict(s), late=s.late,
                               earlier_submissions=status.history.get(s.unit, 0))
                          for s in status.handed_in],
            "missing": status.missing, "recorded_directly": status.recorded_directly})
        return 0
    total = len(status.handed_in) + len(status.missing)
    if status.round:
        print(f"{status.plan_title}　报送轮次：{status.round.name}（截至 {status.round.cutoff}，"
              f"报送 {status.round.due}）")
    else:
        print(f"{status.plan_title}　报送截止：{status.deadline}")
    print(f"已报送 {len(status.handed_in)} / {total} 个单位")
    if status.late:
        print("逾期报送：" + "、".join(s.unit for s in status.late))
    if status.handed_in:
        rows = [["单位", "版本", "校验码", "制作时间", "导入时间", "已完成", "推进中", "未启动",
                 "不涉及", "历次", "审核（通过/退回/待审）"]]
        for s in status.handed_in:
            review = "/".join(str(s.review.get(k, 0)) for k in ("通过", "退回修改", "待审核"))
            rows.append([s.unit, f"第{s.version}版", s.fingerprint, s.made_at[:16].replace("T", " "),
                         s.imported_at[:16].replace("T", " "),
                         *(str(s.counts.get(k, 0)) for k in ("已完成", "推进中", "未启动", "不涉及")),
                         str(status.history.get(s.unit, 0) + 1), review])
        print(table(rows, [14, 7, 15, 17, 17, 7, 7, 7, 7, 5, 22]))
    if status.recorded_directly:
        print("省局直接填报：" + "、".join(status.recorded_directly))
    if status.missing:
        print("未报送：" + "、".join(status.missing))
    return 0
