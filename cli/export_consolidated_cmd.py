"""``export consolidated-xlsx`` / ``consolidated-pdf``: the province's summary of all units."""
from __future__ import annotations

import sys
from pathlib import Path


def register(formats) -> None:
    """Add the provincial consolidation exports."""
    p = formats.add_parser("consolidated-xlsx", help="（省级台账）全省汇总表 .xlsx：汇总矩阵、指标合计、各单位完成情况表")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx）")
    p.add_argument("--round", metavar="NAME", help="报送轮次：按各单位该轮的报送汇总（见 rounds）")
    p.set_defaults(func=cmd_consolidated_xlsx)

    p = formats.add_parser("consolidated-pdf", help="（省级台账）全省汇总 PDF（横排矩阵，便于打印）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.pdf）")
    p.add_argument("--round", metavar="NAME", help="报送轮次：按各单位该轮的报送汇总（见 rounds）")
    p.set_defaults(func=cmd_consolidated_pdf)


def cmd_consolidated_xlsx(args, ledger) -> int:
    from exports.consolidated_xlsx import write_consolidated_workbook
    path = write_consolidated_workbook(ledger, args.out, round_name=args.round)
    print(f"已导出全省汇总表：{path}")
    return 0


def cmd_consolidated_pdf(args, ledger) -> int:
    from exports.consolidated_pdf import write_consolidated_pdf
    result = write_consolidated_pdf(ledger, args.out, round_name=args.round)
    for warning in result.warnings:
        sys.stderr.write(f"提示：{warning}\n")
    print(f"已导出全省汇总 PDF：{result.path}（{result.pages} 页）")
    return 0
