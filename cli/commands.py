"""Ledger commands: init, units, plan, tasks, record, attach, verify."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from models.errors import InvalidInput
from models.ledger import Ledger
from models.plan.definition import load_builtin_plan
from models.plan.scope import SCOPE_LABELS
from models.plan.units import KIND_LABELS
from models.queries import evidence_count
from models.status import STATUSES

from .output import emit_json, table
from .plan_commands import UNITS_HELP, read_with_units
from .time_commands import light_text

SCOPE_HELP = "、".join(f"{k}={v}" for k, v in SCOPE_LABELS.items())


def register(sub) -> None:
    """Add the ledger commands to an argparse subparsers object."""
    p = sub.add_parser("init", help="新建台账（默认使用内置的2021年河南省方案）")
    p.add_argument("--unit", help="本单位名称，如 洛阳市（--province 时不用）")
    p.add_argument("--province", action="store_true",
                   help="新建省级台账：同一方案、全部单位，用于导入各单位的报送材料包")
    p.add_argument("--user", default="", help="填报人姓名")
    p.add_argument("--plan", type=Path, help="任务清单文件（.json/.txt/.xlsx/.docx），默认内置方案")
    p.add_argument("--units", metavar="名单", help=UNITS_HELP)
    p.set_defaults(func=cmd_init, needs_ledger=False)

    p = sub.add_parser("units", help="列出方案的单位名单")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_units)

    p = sub.add_parser("plan", help="显示方案及任务清单")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("tasks", help="列出本单位需填报或确认的落实举措")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--status", help="按状态筛选：" + " / ".join(STATUSES))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("record", help="填报一条举措的状态、进展、问题、打算或完成值")
    p.add_argument("code", metavar="ID", help="举措编号，如 8.5")
    p.add_argument("--status", help=" / ".join(STATUSES))
    p.add_argument("--note", help="新增一条进展记录的内容")
    p.add_argument("--date", help="进展日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--problems", help="存在问题")
    p.add_argument("--next", dest="next_steps", help="下一步打算")
    p.add_argument("--value", help="量化指标的本单位完成值")
    p.add_argument("--progress", help="完成进度（百分比 0–100，如 60；写空串 \"\" 清除）")
    p.add_argument("--reason", help="不涉及的理由（印在完成情况表的备注中）")
    p.add_argument("--unit", help=("单位（默认本台账的单位）"))
    p.set_defaults(func=cmd_record)

    p = sub.add_parser("attach", help="为举措添加佐证材料（复制入台账，原文件不变）")
    p.add_argument("code", metavar="ID", help="举措编号，如 8.5")
    p.add_argument("file", type=Path)
    p.add_argument("--note", default="", help="说明")
    p.add_argument("--date", help="材料日期 YYYY-MM-DD（默认取文件自身记录的日期，没有时为今天）")
    p.add_argument("--large-ok", action="store_true",
                   help="确认添加超过大文件界限（台账设置，默认 100 MB）的文件：报送材料包和备份都会带上它")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("verify", help="检查台账数据库的完整性，并重新校验全部佐证材料的 SHA-256")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def cmd_init(args) -> int:
    if args.province:
        from .province_commands import cmd_init_province
        return cmd_init_province(args)
    if not args.unit:
        raise InvalidInput("请用 --unit 指定本单位名称，如 --unit 洛阳市（省级台账用 --province）")
    if args.units and not args.plan:
        raise InvalidInput("--units 须与 --plan 同用：名单用于读取该任务清单")
    plan = read_with_units(args.plan, args.units) if args.plan else load_builtin_plan()
    with Ledger.create(args.db, unit=args.unit, user=args.user, plan=plan) as ledger:
        count = len(ledger.measures())
        print(f"已创建台账：{args.db}")
        print(f"单位：{args.unit}　方案：{plan['title']}　本单位需填报或确认的举措：{count} 项")
    return 0


def cmd_units(args, ledger: Ledger) -> int:
    units = ledger.units()
    carried = {}
    if any(u.kind == "division" for u in units):
        from models.province.divisions import divisions
        carried = {d.name: d.measures for d in divisions(ledger)}
    if args.json:
        emit_json([{"name": u.name, "kind": u.kind}
                   | ({"measures": carried.get(u.name, [])} if u.kind == "division" else {})
                   for u in units])
        return 0
    for unit in units:
        extra = (f"\t{'、'.join(carried.get(unit.name, [])) or '未分配举措'}"
                 if unit.kind == "division" else "")
        print(f"{unit.name}\t{KIND_LABELS.get(unit.kind, unit.kind)}{extra}")
    return 0


def measure_json(m) -> dict:
    """One measure of ``plan --json``: what the list says of it, as stored."""
    return {"code": m.code, "id": m.code, "number": m.number, "text": m.text,
            "responsibility": m.responsibility, "responsibility_raw": m.responsibility_raw,
            "scope": m.scope, "units": m.units, "lead": m.lead, "assisting": m.assisting,
            "deadline": m.deadline, "deadline_text": m.deadline_text, "target": m.target,
            "extra": {column: text for column, text in m.extra},
            "indicators": [asdict(i) for i in m.indicators]}


def cmd_plan(args, ledger: Ledger) -> int:
    plan = ledger.plan()
    if args.json:
        emit_json({
            "year": plan.year, "period": plan.period, "title": plan.title, "issuer": plan.issuer,
            "doc_no": plan.doc_no, "deadline": plan.deadline, "recipient": plan.recipient,
            "units_source": plan.units_source,
            "sections": [{"title": s.title, "tasks": [
                {"no": t.no, "content": t.content, "measures": [measure_json(m) for m in t.measures]}
                for t in s.tasks]} for s in plan.sections]})
        return 0
    print(f"{plan.title}（{plan.doc_no}）" if plan.doc_no else plan.title)
    print(f"年度：{plan.period}　发文单位：{plan.issuer}　报送截止：{plan.deadline}　报送至：{plan.recipient}")
    for section in plan.sections:
        print(f"\n{section.title}")
        for task in section.tasks:
            print(f"  {task.no}. {task.content}")
            for m in task.measures:
                print(f"    {m.code:<5} [{SCOPE_LABELS[m.scope]}] {m.text}")
                if m.scope == "named" and m.roles_given:
                    print(f"          牵头：{'、'.join(m.lead) or '—'}　配合：{'、'.join(m.assisting) or '—'}")
                elif m.scope == "named":
                    print(f"          责任地市：{m.responsibility}")
                if m.deadline_text:
                    print(f"          完成时限：{m.deadline_text}")
    return 0


def cmd_tasks(args, ledger: Ledger) -> int:
    rows = ledger.measures(unit=args.unit, status=args.status)
    if args.json:
        emit_json([row.to_dict() for row in rows])
        return 0
    unit = args.unit or ledger.unit
    body = [["编号", "状态", "范围", "进展", "佐证", "期限", "进度", "灯", "落实举措"]]
    for r in rows:
        shown = "" if r.progress is None else f"{r.progress:g}%"
        body.append([r.code, r.status, SCOPE_LABELS[r.scope], str(r.entry_count),
                     str(r.evidence_count), r.deadline_state or "", shown, light_text(r.light),
                     r.text])
    print(f"{unit}：共 {len(rows)} 项")
    print(table(body, [6, 8, 10, 5, 5, 6, 6, 6, 60]))
    return 0


def cmd_record(args, ledger: Ledger) -> int:
    if all(v is None for v in (args.status, args.note, args.problems, args.next_steps, args.value,
                               args.progress, args.reason)):
        raise InvalidInput("没有要填报的内容：请至少给出 --status、--note、--problems、--next、--value、"
                           "--progress 或 --reason 之一")
    row = ledger.record(args.code, status=args.status, note=args.note, date=args.date,
                        problems=args.problems, next_steps=args.next_steps, value=args.value,
                        unit=args.unit, progress=args.progress, reason=args.reason)
    pace = ""
    if row.progress is not None or row.light:
        shown = "未填" if row.progress is None else f"{row.progress:g}%"
        pace = f"　完成进度 {shown}（序时进度 {row.expected:.0f}%）" + (
            f" {light_text(row.light)}" if row.light else "")
    print(f"已保存：举措 {row.code}　状态 {row.status}　进展 {row.entry_count} 条　佐证 {row.evidence_count} 份"
          + pace)
    if args.note:
        # The window asks first; the command line says it after saving (check lists it too).
        from models.dates import date_warnings
        from models.ledger import parse_date
        plan = ledger.plan()
        for warning in date_warnings(parse_date(args.date, what="进展日期"), year=plan.year,
                                     deadline=plan.deadline):
            print(f"注意：{warning.message()}，请确认是否写错")
    return 0


def cmd_attach(args, ledger: Ledger) -> int:
    item = ledger.attach(args.code, args.file, note=args.note, date=args.date,
                         large_ok=args.large_ok)
    print(f"已添加佐证材料：{item.original_name}（{item.size} 字节，SHA-256 {item.sha256[:16]}…）"
          f" → 举措 {'、'.join(item.measures)}")
    return 0


def cmd_verify(args, ledger: Ledger) -> int:
    damage = ledger.integrity_problems()
    problems = ledger.verify()
    total = evidence_count(ledger)
    if args.json:
        emit_json({"checked": total, "problems": [asdict(p) for p in problems],
                   "database": damage})
        return 1 if problems or damage else 0
    if damage:
        print(f"台账数据库已损坏（SQLite 完整性检查）：{'；'.join(damage[:5])}")
        print("请不要再写入这个台账，用 restore 从最近的备份恢复。")
    if not problems:
        print(f"佐证材料校验通过：共 {total} 份，全部完好。")
    else:
        labels = {"missing": "缺失", "altered": "已被改动"}
        for p in problems:
            print(f"{labels[p.problem]}：{p.original_name}（举措 {'、'.join(p.measures) or '无'}，"
                  f"SHA-256 {p.sha256[:16]}…）")
        print(f"共 {total} 份佐证材料，{len(problems)} 份有问题。")
    return 1 if problems or damage else 0
