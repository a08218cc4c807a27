"""``export docx``: the 工作情况报告 as an editable Word file (公文 form), the same report as
``export pdf``. python-docx is imported only when it runs."""
from __future__ import annotations

import sys
from pathlib import Path

from models.errors import InvalidInput


def register(sub) -> None:
    """Add ``docx`` to the ``export`` sub-commands."""
    p = sub.add_parser("docx", help="导出工作情况报告（Word，党政机关公文格式，可修改后盖章；内容与 PDF 相同）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.docx）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--page-numbers", choices=("outer", "center"),
                   help="页码位置：outer＝单页居右、双页居左（默认，GB/T 9704）；center＝居中")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（默认：报告正文中保存的日期，否则今天）")
    p.set_defaults(func=cmd_export_docx)


def cmd_export_docx(args, ledger) -> int:
    from datetime import date

    from models.ledger import parse_date

    out = args.out
    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"输出文件应以 .docx 结尾：{out}")
    if out.is_dir():
        raise InvalidInput(f"输出路径是一个文件夹：{out}")
    if not out.parent.is_dir():
        raise InvalidInput(f"输出文件夹不存在：{out.parent}")
    on = date.fromisoformat(parse_date(args.date, what="成文日期")) if args.date else None
    from exports.docx_report import write_work_report_docx
    result = write_work_report_docx(ledger, out, unit=args.unit, page_numbers=args.page_numbers,
                                    on=on)
    print(f"已导出工作情况报告（Word）：{result.path}")
    for line in result.warnings:
        print(line if line.startswith(("提示", "警告")) else f"警告：{line}", file=sys.stderr)
    for line in result.fonts:
        print(f"字体　{line}")
    return 0
