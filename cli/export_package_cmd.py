"""``export package`` (the submission .zip) and ``export evidence-pdf`` (佐证材料汇编)."""
from __future__ import annotations

import sys
from pathlib import Path

from .output import confirm
from .round_option import add_round_option, round_view


def register(formats) -> None:
    """Add the hand-in export sub-commands."""
    p = formats.add_parser("package", help="报送材料包 .zip：完成情况表、工作情况报告、佐证材料、清单")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.zip）或文件夹")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--yes", action="store_true", help="有缺项时也不询问，直接导出")
    add_round_option(p)
    # Each package is recorded in the ledger (its version and changelog): a write.
    p.set_defaults(func=cmd_export_package, writes=True)

    p = formats.add_parser("evidence-pdf", help="佐证材料汇编 PDF：封面、目录、书签、图片与 PDF 合并、"
                                                "Word/Excel/文本转录、页码")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.pdf）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--size", choices=("标准", "压缩", "standard", "compact"), default="标准",
                   help="标准＝打印用（图片约 200 dpi，默认）；压缩＝发送用（约 120 dpi，文件小得多，"
                        "扫描件也重新压缩）")
    p.add_argument("--convert-office", action="store_true",
                   help="已安装 LibreOffice 时，把 Word/Excel/PowerPoint/WPS 文件转换为 PDF 原样合并"
                        "（较慢；默认按原文转录）")
    add_round_option(p)
    p.set_defaults(func=cmd_export_evidence_pdf)


def cmd_export_package(args, ledger) -> int:
    from exports.package import write_package
    from models.check import check_ledger

    from .province_commands import print_gaps
    view = round_view(args, ledger)          # refuses an unknown round before anything else
    gaps = check_ledger(view, unit=args.unit)
    if gaps:
        sys.stdout.write(f"缺项清单（{len(gaps)} 项）：\n")
        print_gaps(gaps)
        if not args.yes and not confirm("仍要导出报送材料包吗？[y/N] "):
            sys.stderr.write("未导出：存在缺项。补齐后重新导出，或确认无误后加 --yes 导出。\n")
            return 1
    from models.versions import next_package
    for line in next_package(view, unit=args.unit).lines():
        print(line)
    path = write_package(ledger, args.out, unit=args.unit, round_name=args.round)
    print(f"已导出报送材料包：{path}")
    return 0


def cmd_export_evidence_pdf(args, ledger) -> int:
    from exports.evidence_pdf import write_evidence_pdf
    from exports.evidence_pdf import mode_for
    mode = mode_for(args.size)
    result = write_evidence_pdf(round_view(args, ledger), args.out, unit=args.unit, mode=mode,
                                convert_office=args.convert_office)
    for warning in result.warnings:
        sys.stderr.write(f"提示：{warning}\n")
    size = result.path.stat().st_size / 1024 / 1024
    print(f"已导出佐证材料汇编（{mode.label}）：{result.path}（{result.pages} 页，{size:.1f} MB）")
    return 0
