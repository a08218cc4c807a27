"""``export feedback`` (the province's 审核反馈 to a unit) and ``export plan`` (the plan file
with the province's divisions, from which a division starts its own ledger)."""
from __future__ import annotations

from pathlib import Path


def register(formats) -> None:
    """Add the feedback and plan-file exports."""
    p = formats.add_parser("feedback", help="（省级台账）审核反馈文件：一个单位，或不给 --unit 时全部已报送单位")
    p.add_argument("--unit", help="单位（不给则为每个已报送单位各写一个文件，--out 为文件夹）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.json）或文件夹")
    p.set_defaults(func=cmd_export_feedback)

    p = formats.add_parser("plan", help="方案文件 .json（含处室及省级举措分工），供处室新建台账")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.json）")
    p.set_defaults(func=cmd_export_plan)


def cmd_export_feedback(args, ledger) -> int:
    from exports.feedback import write_all_feedback, write_feedback
    if args.unit:
        print(f"已导出审核反馈：{write_feedback(ledger, args.out, unit=args.unit)}")
        return 0
    paths = write_all_feedback(ledger, args.out)
    for path in paths:
        print(f"已导出审核反馈：{path}")
    if not paths:
        print("没有已报送的单位，未导出审核反馈")
    return 0


def cmd_export_plan(args, ledger) -> int:
    from exports.plan_file import write_plan_file
    print(f"已导出方案文件：{write_plan_file(ledger, args.out)}")
    return 0
