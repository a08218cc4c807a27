"""Time in the ledger: deadline, milestone, due, round, rounds."""
from __future__ import annotations

from pathlib import Path

from models.errors import InvalidInput
from models.pace import LIGHT_LABELS

from .output import emit_json, table


def register(sub) -> None:
    """Add the time commands to an argparse subparsers object."""
    p = sub.add_parser("deadline", help="设定本单位某条举措的完成时限（不设时按清单，清单没有时按报送截止日期）")
    p.add_argument("code", metavar="ID", help="举措编号，如 8.5")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--date", help="完成时限 YYYY-MM-DD（须在方案期间内）")
    group.add_argument("--clear", action="store_true", help="取消本单位设定，恢复按清单的完成时限")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("milestone", help="阶段节点：列出、添加，或按内容修改计划日期、勾选完成")
    p.add_argument("code", metavar="ID", help="举措编号，如 8.5")
    p.add_argument("--date", help="计划日期 YYYY-MM-DD（不晚于举措的完成时限）")
    p.add_argument("--text", help="节点内容，如“出台实施方案”；与已有节点相同时修改该节点")
    p.add_argument("--done", help="完成日期 YYYY-MM-DD；写 no 表示尚未完成")
    p.add_argument("--remove", action="store_true", help="删除内容为 --text 的节点")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_milestone)

    p = sub.add_parser("due", help="提醒：已逾期、即将到期的举措和到期的阶段节点")
    p.add_argument("--days", type=int, help="提前多少天提醒（默认按台账设置，初始 7 天）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_due, writes=False)

    p = sub.add_parser("round", help="报送轮次：round add 名称 --cutoff 截至日期 --due 报送日期；round remove 名称；round import 方案文件")
    actions = p.add_subparsers(dest="action", metavar="操作", required=True, parser_class=type(p))
    a = actions.add_parser("add", help="添加报送轮次，如 round add 2021年第三季度 --cutoff 2021-09-30 --due 2021-10-10")
    a.add_argument("name", metavar="NAME", help="轮次名称，如 2021年第三季度")
    a.add_argument("--cutoff", required=True, help="截至日期 YYYY-MM-DD（不能晚于今天）")
    a.add_argument("--due", required=True, help="报送日期 YYYY-MM-DD（不早于截至日期）")
    a.set_defaults(func=cmd_round_add)
    r = actions.add_parser("remove", help="删除尚无报送材料包的轮次")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(func=cmd_round_remove)

    i = actions.add_parser("import", help="从省级台账导出的方案文件（.json）导入报送轮次")
    i.add_argument("file", type=Path, metavar="FILE")
    i.set_defaults(func=cmd_round_import)

    p = sub.add_parser("rounds", help="列出方案的报送轮次")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rounds, writes=False)


def cmd_deadline(args, ledger) -> int:
    row = ledger.set_deadline(args.code, None if args.clear else args.date, unit=args.unit)
    source = "本单位设定" if row.unit_deadline else ("清单" if row.deadline_source == "measure"
                                                   else "报送截止日期（清单未规定）")
    print(f"举措 {row.code} 的完成时限：{row.deadline}（{source}）")
    return 0


def cmd_milestone(args, ledger) -> int:
    unit = ledger.check_unit(args.unit)
    steps = ledger.milestones(args.code, unit=unit)
    changing = args.text is not None or args.date is not None or args.done is not None or args.remove
    if changing:
        if args.text is None:
            raise InvalidInput("请用 --text 写明节点内容（修改已有节点时写它的内容）")
        text = args.text.strip()
        done = args.done
        if done is not None and done.strip().lower() in ("no", "none", "否", "未完成", ""):
            done = ""
        same = next((m for m in steps if m.text == text), None)
        if args.remove:
            if same is None:
                raise InvalidInput(f"举措 {args.code} 没有内容为“{text}”的阶段节点")
            ledger.delete_milestone(same.id)
            print(f"已删除阶段节点：{same.planned} {same.text}")
        elif same is None:
            if args.date is None:
                raise InvalidInput("添加阶段节点需要 --date 计划日期")
            item = ledger.add_milestone(args.code, text=text, planned=args.date,
                                        done=done or None, unit=unit)
            print(f"已添加阶段节点：{item.planned} {item.text}" + (f"（{item.done} 完成）" if item.done else ""))
        else:
            changes = {"planned": args.date} if args.date else {}
            if done is not None:
                changes["done"] = done
            item = ledger.update_milestone(same.id, **changes)
            print(f"已修改阶段节点：{item.planned} {item.text}" + (f"（{item.done} 完成）" if item.done else "（未完成）"))
        steps = ledger.milestones(args.code, unit=unit)
    if args.json:
        emit_json([m.to_dict() for m in steps])
        return 0
    if not changing:
        if not steps:
            print(f"举措 {args.code} 没有阶段节点（添加：milestone {args.code} --date 日期 --text 内容）")
        on = ledger.today()
        words = {"done": "已完成", "late": "已逾期", "open": "未完成"}
        for m in steps:
            print(f"{m.planned}　{words[m.state(on)]}{'（' + m.done + '）' if m.done else ''}　{m.text}")
    return 0


def cmd_due(args, ledger) -> int:
    from models.deadlines import days_left
    from models.reminders import reminders
    found = reminders(ledger, days=args.days, unit=args.unit)
    if args.json:
        emit_json(found.to_dict())
        return 0
    if not found:
        print(f"没有逾期或 {found.days} 天内到期的举措和阶段节点。")
        return 0
    if found.overdue:
        print(f"已逾期 {len(found.overdue)} 项：")
        for r in found.overdue:
            print(f"  {r.code:<6} {r.deadline}（逾期 {-days_left(r.deadline, found.on)} 天）{r.status}　{r.text}")
    if found.due_soon:
        print(f"{found.days} 天内到期 {len(found.due_soon)} 项：")
        for r in found.due_soon:
            print(f"  {r.code:<6} {r.deadline}（还有 {days_left(r.deadline, found.on)} 天）{r.status}　{r.text}")
    if found.milestones:
        print(f"阶段节点 {len(found.milestones)} 个：")
        for m in found.milestones:
            when = f"逾期 {-m.days_left} 天" if m.late else f"还有 {m.days_left} 天"
            print(f"  {m.measure_code:<6} {m.planned}（{when}）{m.text}")
    return 0


def cmd_round_add(args, ledger) -> int:
    item = ledger.add_round(args.name, cutoff=args.cutoff, due=args.due)
    print(f"已添加报送轮次：{item.name}（截至 {item.cutoff}，报送 {item.due}）")
    return 0


def cmd_round_remove(args, ledger) -> int:
    ledger.remove_round(args.name)
    print(f"已删除报送轮次：{args.name}")
    return 0


def cmd_round_import(args, ledger) -> int:
    from models.rounds import import_rounds
    added = import_rounds(ledger, args.file)
    print(f"已导入报送轮次 {len(added)} 个" + (f"：{'、'.join(added)}" if added else "（方案文件中的轮次本台账都已有）"))
    return 0


def cmd_rounds(args, ledger) -> int:
    items = ledger.rounds()
    if args.json:
        emit_json([item.to_dict() for item in items])
        return 0
    if not items:
        print("本方案尚未设置报送轮次（添加：round add 名称 --cutoff 截至日期 --due 报送日期）")
        return 0
    rows = [["轮次", "截至", "报送"]] + [[i.name, i.cutoff, i.due] for i in items]
    print(table(rows, [24, 12, 12]))
    return 0


def light_text(light: str | None) -> str:
    """A light as the terminal shows it (红灯/黄灯/绿灯, "" for none)."""
    return LIGHT_LABELS.get(light, "") if light else ""
