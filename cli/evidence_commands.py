"""Evidence commands: ``evidence`` (list, show, edit date and note) and ``purge``."""
from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from models.errors import InvalidInput
from models.evidence_store import describe_size
from models.ledger import Ledger

from .output import confirm, emit_json, table


class _Edits(argparse.Action):
    """Stores the value and marks the command as writing: listing runs beside an open
    window, editing takes the ledger's lock (cli.main)."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)
        namespace.writes = True


def register(sub) -> None:
    """Add ``evidence`` and ``purge`` to an argparse subparsers object."""
    p = sub.add_parser("evidence", help="列出佐证材料；给出编号时显示一份，并可修改其材料日期和说明")
    p.add_argument("ref", metavar="ID", nargs="?",
                   help="佐证材料编号：列表中的序号（如 12）或报送编号（如 8.5-1、佐证8.5-1）")
    p.add_argument("--date", action=_Edits, help="材料日期 YYYY-MM-DD（文件本身的日期）")
    p.add_argument("--note", action=_Edits, help="说明（空字符串清除）")
    p.add_argument("--unlinked", action="store_true",
                   help="只列出未关联任何举措的文件（purge 将删除的）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_evidence, writes=False)

    p = sub.add_parser("purge", help="从台账中删除未关联任何举措的佐证材料文件（记入操作日志）")
    p.add_argument("--yes", action="store_true", help="不询问，直接删除")
    p.set_defaults(func=cmd_purge)


def cmd_evidence(args, ledger: Ledger) -> int:
    if args.ref is None:
        if args.date is not None or args.note is not None:
            raise InvalidInput("请给出要修改的佐证材料编号，如 evidence 12 --note …")
        return _list(args, ledger)
    item = ledger.find_evidence(args.ref)
    if args.date is not None or args.note is not None:
        item = ledger.update_evidence(item.id, date=args.date, note=args.note)
        print(f"已保存：佐证材料 {item.id}　{item.original_name}")
    if args.json:
        emit_json(asdict(item))
        return 0
    for label, value in (("编号", str(item.id)), ("文件名", item.original_name),
                         ("材料日期", item.evidence_date), ("说明", item.note or "—"),
                         ("大小", f"{describe_size(item.size)}"), ("SHA-256", item.sha256),
                         ("所属举措", "、".join(item.measures) or "（未关联）"),
                         ("添加", f"{item.added_at.replace('T', ' ')} {item.added_by}".strip())):
        print(f"{label}：{value}")
    return 0


def _list(args, ledger: Ledger) -> int:
    if args.unlinked:
        items, labels = ledger.unlinked_evidence(), {}
    else:
        from models.summary import evidence_numbers
        numbered = evidence_numbers(ledger)
        labels = {}
        for n in numbered:
            labels.setdefault(n.evidence.id, []).append(n.number)
        items = ledger.evidence_for()
    if args.json:
        emit_json([{**asdict(item), "numbers": labels.get(item.id, [])} for item in items])
        return 0
    if not items:
        print("没有未关联的佐证材料。" if args.unlinked else "还没有佐证材料。")
        return 0
    body = [["编号", "报送编号", "材料日期", "大小", "文件名", "说明"]]
    for item in items:
        body.append([str(item.id), "、".join(labels.get(item.id, [])) or "—", item.evidence_date,
                     describe_size(item.size), item.original_name, item.note])
    print(table(body, [6, 14, 10, 10, 36, 30]))
    if args.unlinked:
        print(f"共 {len(items)} 份未关联的佐证材料，可用 purge 删除。")
    return 0


def cmd_purge(args, ledger: Ledger) -> int:
    going = ledger.unlinked_evidence()
    if going:
        print(f"将从台账中删除 {len(going)} 份未关联任何举措的佐证材料：")
        for item in going[:50]:
            print(f"  {item.original_name}（{describe_size(item.size)}，SHA-256 {item.sha256[:16]}…）")
        if len(going) > 50:
            print(f"  ……另有 {len(going) - 50} 份")
        if not args.yes and not confirm("确定删除吗？备份中仍保留这些文件。[y/N] "):
            sys.stderr.write("未删除。确认无误后可加 --yes 直接删除。\n")
            return 1
    result = ledger.purge_evidence()
    if not result.files_removed and not result.records:
        print("没有需要清理的文件。")
        return 0
    print(f"已删除 {len(result.records)} 份未关联的佐证材料"
          + (f"和 {len(result.unrecorded)} 个未登记的文件" if result.unrecorded else "")
          + f"，释放 {describe_size(result.bytes_freed)}（已记入操作日志）。")
    return 0
