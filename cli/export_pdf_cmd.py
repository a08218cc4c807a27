"""``export pdf`` (the 工作情况报告 to the province, GB/T 9704 form) and ``export status-pdf``
(the managers' one-glance 进度报告). ReportLab is imported only when one of them runs."""
from __future__ import annotations

import sys
from pathlib import Path

from models.errors import InvalidInput

from .round_option import add_round_option, round_view


def register(sub) -> None:
    """Add ``pdf`` and ``status-pdf`` to the ``export`` sub-commands."""
    p = sub.add_parser("pdf", help="导出工作情况报告（PDF，党政机关公文格式，附完成情况表和佐证材料清单）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.pdf）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--page-numbers", choices=("outer", "center"),
                   help="页码位置：outer＝单页居右、双页居左（默认，GB/T 9704）；center＝居中")
    p.add_argument("--font", action="append", default=[], metavar="[用途=]路径",
                   help="指定 TrueType 字体文件（.ttf/.ttc，.ttc 可加 #序号）。只给路径时用于正文（仿宋）；"
                        "也可写 黑体=路径、楷体=路径、宋体=路径、标题=路径；可重复")
    p.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）")
    add_round_option(p)
    p.set_defaults(func=cmd_export_pdf)

    p = sub.add_parser("status-pdf", help="导出进度报告（PDF，供领导一览：状态统计、逾期临期、指标）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.pdf）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--font", action="append", default=[], metavar="[用途=]路径",
                   help="指定 TrueType 字体文件，写法同 export pdf 的 --font")
    add_round_option(p)
    p.set_defaults(func=cmd_export_status_pdf)


def _check_out(out: Path) -> Path:
    if out.suffix.lower() != ".pdf":
        raise InvalidInput(f"输出文件应以 .pdf 结尾：{out}")
    if out.is_dir():
        raise InvalidInput(f"输出路径是一个文件夹：{out}")
    if not out.parent.is_dir():
        raise InvalidInput(f"输出文件夹不存在：{out.parent}")
    return out


def parse_font_options(values: list[str]) -> dict[str, str]:
    """``["黑体=C:/f/simhei.ttf", "D:/fs.ttf"]`` → {"黑体": …, "fangsong": …}."""
    chosen: dict[str, str] = {}
    for value in values:
        role, sep, path = value.partition("=")
        if sep and role and not Path(value).exists():
            chosen[role.strip()] = path.strip()
        else:
            chosen["fangsong"] = value
    return chosen


def _print_result(result, what: str) -> None:
    print(f"已导出{what}：{result.path}（共 {result.pages} 页）")
    for line in result.warnings:
        print(line if line.startswith(("提示", "警告")) else f"警告：{line}", file=sys.stderr)


def cmd_export_pdf(args, ledger) -> int:
    from models.ledger import parse_date

    _check_out(args.out)
    from datetime import date
    on = date.fromisoformat(parse_date(args.date, what="成文日期")) if args.date else None
    from exports.pdf_report import write_work_report
    result = write_work_report(round_view(args, ledger), args.out, unit=args.unit, page_numbers=args.page_numbers,
                               fonts=parse_font_options(args.font) or None, on=on)
    _print_result(result, "工作情况报告")
    for line in result.fonts:
        print(f"字体　{line}")
    return 0


def cmd_export_status_pdf(args, ledger) -> int:
    _check_out(args.out)
    from exports.pdf_status import write_status_report
    result = write_status_report(round_view(args, ledger), args.out, unit=args.unit,
                                 fonts=parse_font_options(args.font) or None)
    _print_result(result, "进度报告")
    return 0
