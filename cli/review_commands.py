"""The loop with the province: review, import-feedback; the province's divisions: division,
assign. (``export feedback`` and ``export plan`` are in cli/export_review_cmd.py.)"""
from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

from .output import emit_json, table


def register(sub) -> None:
    """Add review, import-feedback, division and assign."""
    p = sub.add_parser("review", help="（省级台账）审核单位的报送：举措的结果与意见，或总体意见")
    p.add_argument("unit", metavar="UNIT", help="单位或处室，如 洛阳市")
    p.add_argument("code", metavar="ID", nargs="?", help="举措编号，如 8.5（不给则针对整份报送）")
    p.add_argument("--result", help="通过 / 退回修改 / 待审核")
    p.add_argument("--comment", help="审核意见（给出举措编号时）或总体意见")
    p.add_argument("--json", action="store_true", help="列出审核情况（JSON）")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("import-feedback", help="导入省级发回的审核反馈文件（.json），可一次多个")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_import_feedback)

    p = sub.add_parser("division", help="（省级台账）处室：add 添加、remove 删除（无填报记录时）")
    actions = p.add_subparsers(dest="action", metavar="操作", required=True, parser_class=type(p))
    add = actions.add_parser("add", help="添加处室，如 division add 保护处")
    add.add_argument("name", metavar="NAME")
    add.set_defaults(func=cmd_division_add, writes=True)
    remove = actions.add_parser("remove", help="删除尚无填报和报送记录的处室")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=cmd_division_remove, writes=True)

    p = sub.add_parser("assign", help="（省级台账）把省级举措（责任地市为“--”）分配给处室")
    p.add_argument("code", metavar="ID", help="举措编号，如 1.1")
    p.add_argument("--division", required=True, help="处室名称，如 保护处")
    p.add_argument("--remove", action="store_true", help="取消该处室的分配")
    p.set_defaults(func=cmd_assign)


def _result_counts(counts: dict) -> str:
    return "，".join(f"{k} {v} 项" for k, v in counts.items())


def cmd_review(args, ledger) -> int:
    from models.errors import InvalidInput
    from models.review import set_review, set_review_comment, submission_review
    if args.code is None and args.result is not None:
        raise InvalidInput("--result 需要举措编号：review 单位 编号 --result 通过|退回修改")
    if args.code is not None and (args.result is not None or args.comment is not None):
        item = set_review(ledger, args.unit, args.code, result=args.result, comment=args.comment)
        print(f"已记录：{args.unit} 举措 {item.code}　{item.result}"
              + (f"　意见：{item.comment}" if item.comment else ""))
        return 0
    if args.code is None and args.comment is not None:
        set_review_comment(ledger, args.unit, args.comment)
        print(f"已记录{args.unit}报送的总体意见")
        return 0
    review = submission_review(ledger, args.unit)
    items = [item for item in review.items if args.code is None or item.code == args.code]
    if args.code is not None and not items:
        review.item(args.code)               # says which submission lacks it
    if args.json:
        data = asdict(review)
        data["items"] = [asdict(item) for item in items]
        data["counts"] = review.counts
        emit_json(data)
        return 0
    print(f"{review.unit} 第{review.version}版（校验码 {review.fingerprint}，制作于 "
          f"{review.made_at[:16].replace('T', ' ')}）：{_result_counts(review.counts)}")
    if review.comment:
        print(f"总体意见：{review.comment}")
    rows = [["编号", "状态", "审核", "本版变化", "意见"]]
    for item in items:
        rows.append([item.code, item.status, item.result, "；".join(item.changes) or "",
                     item.comment])
    print(table(rows, [6, 8, 10, 36, 40]))
    return 0


def cmd_import_feedback(args, ledger) -> int:
    from models.feedback import FeedbackRefused, import_feedback
    refused = 0
    for path in args.files:
        try:
            print(import_feedback(ledger, path).message())
        except FeedbackRefused as exc:
            sys.stderr.write(f"错误：{exc}\n")
            refused += 1
    return 2 if refused else 0


def cmd_division_add(args, ledger) -> int:
    from models.province.divisions import add_division
    division = add_division(ledger, args.name)
    print(f"已添加处室：{division.name}（用 assign 编号 --division {division.name} 分配省级举措）")
    return 0


def cmd_division_remove(args, ledger) -> int:
    from models.province.divisions import remove_division
    remove_division(ledger, args.name)
    print(f"已删除处室：{args.name}")
    return 0


def cmd_assign(args, ledger) -> int:
    from models.province.divisions import assign_division
    measure = assign_division(ledger, args.code, args.division, remove=args.remove)
    carried = "、".join(measure.divisions) or "（无）"
    verb = "已取消分配" if args.remove else "已分配"
    print(f"{verb}：举措 {measure.code} → {args.division}；现由 {carried} 负责")
    return 0
