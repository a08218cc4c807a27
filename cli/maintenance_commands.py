"""Maintenance commands: backup, restore, backups."""
from __future__ import annotations

from pathlib import Path

from models import backup as backupmod

from .output import emit_json


def register(sub) -> None:
    """Add backup / restore / backups to an argparse subparsers object."""
    p = sub.add_parser("backup", help="备份台账：数据库为一个 .zip，佐证材料存入同一文件夹的 "
                                      "taskledger_backup_evidence（每个文件只存一份，各次备份共用）")
    p.add_argument("--out", type=Path, default=None,
                   help="备份保存到的文件夹（默认在用户数据目录的 backups 下）")
    p.add_argument("--single-file", action="store_true",
                   help="佐证材料也放进这一个 .zip（便于拷到另一台电脑；每次都完整复制）")
    p.set_defaults(func=cmd_backup, needs_ledger=False)

    p = sub.add_parser("restore", help="从备份恢复台账（先校验备份，并先备份当前台账）")
    p.add_argument("file", type=Path, help="备份文件（.zip）")
    p.set_defaults(func=cmd_restore, needs_ledger=False)

    p = sub.add_parser("backups", help="列出本台账的备份")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups, needs_ledger=False)


def cmd_backup(args) -> int:
    info = backupmod.backup_ledger(args.db, args.out, single_file=args.single_file)
    print(f"已备份：{info.path}")
    where = (f"存于 {info.evidence_store}（新增 {len(info.added_to_store)} 份）"
             if info.evidence_store else "在备份文件内")
    print(f"台账 {args.db}（{info.unit}），佐证材料 {info.evidence_count} 份、"
          f"{_size(info.evidence_size)}，{where}；备份文件 {_size(info.size)}")
    for problem in info.evidence_problems:
        what = "缺失" if problem.get("problem") == "missing" else "已被改动"
        print(f"警告：佐证材料 SHA-256 {problem['sha256'][:16]}… 在台账中{what}，未能备份")
    return 1 if info.evidence_problems else 0


def cmd_restore(args) -> int:
    result = backupmod.restore_backup(args.file, args.db)
    info = result.restored
    print(f"已从备份恢复：{args.file}")
    print(f"备份时间 {info.created_at.replace('T', ' ')}，单位 {info.unit}，"
          f"佐证材料 {info.evidence_count} 份（新放回 {result.evidence_added} 份）→ {args.db}")
    if result.safety_backup:
        print(f"恢复前的台账已另行备份：{result.safety_backup}")
    return 0


def cmd_backups(args) -> int:
    found = backupmod.list_backups(args.db)
    if args.json:
        emit_json([{"path": str(b.path), "created_at": b.created_at, "kind": b.kind,
                    "unit": b.unit, "evidence_count": b.evidence_count, "size": b.size,
                    "program_version": b.program_version} for b in found])
        return 0
    folder = backupmod.backups_dir(args.db)
    if not found:
        print(f"还没有备份（备份目录：{folder}）")
        return 0
    kinds = {backupmod.AUTO: "每日自动", backupmod.MANUAL: "手动",
             backupmod.BEFORE_RESTORE: "恢复前"}
    print(f"备份目录：{folder}")
    for b in found:
        print(f"{b.created_at.replace('T', ' ')}  {kinds.get(b.kind, b.kind):<4}  "
              f"佐证 {b.evidence_count:>3} 份  {_size(b.size):>9}  {b.path.name}")
    return 0


def _size(n: int) -> str:
    for unit in ("字节", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "字节" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)
