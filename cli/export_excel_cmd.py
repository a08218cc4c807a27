"""``export xlsx`` (the 完成情况表, or the province's own workbook filled in) and
``export tasklist`` (the plan alone as the annex table)."""
from __future__ import annotations

import sys
from pathlib import Path

from models.errors import InvalidInput

from .round_option import add_round_option, round_view


def register(sub) -> None:
    """Add ``xlsx`` and ``tasklist`` to the ``export`` sub-commands."""
    p = sub.add_parser("xlsx", help="导出任务完成情况表（.xlsx）；--template 时填写省里发来的原表")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    p.add_argument("--template", type=Path,
                   help="省里发来的任务清单工作簿：复制一份并填入本单位的完成情况")
    p.add_argument("--by", default="", help="填报人（默认设置中的联系人或台账用户）")
    p.add_argument("--date", help="填报日期 YYYY-MM-DD（默认今天）")
    add_round_option(p)
    p.set_defaults(func=cmd_export_xlsx)

    p = sub.add_parser("tasklist", help="只导出任务清单（附件表格，可作为下一年度的空白模板）")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx）")
    p.set_defaults(func=cmd_export_tasklist)


def _check_out(out: Path, *, template: Path | None = None) -> Path:
    if out.suffix.lower() != ".xlsx":
        raise InvalidInput(f"输出文件应以 .xlsx 结尾：{out}")
    if not out.parent.is_dir():
        raise InvalidInput(f"输出文件夹不存在：{out.parent}")
    if out.is_dir():
        raise InvalidInput(f"输出路径是一个文件夹：{out}")
    if template is not None and out.resolve() == template.resolve():
        raise InvalidInput("输出文件不能与原表相同（原表保持不变，请另选保存位置）")
    return out


def cmd_export_xlsx(args, ledger) -> int:
    ledger = round_view(args, ledger)
    if args.template is not None:
        if not args.template.is_file():
            raise InvalidInput(f"找不到原表文件：{args.template}")
        _check_out(args.out, template=args.template)
        from exports.xlsx_template import fill_province_template
        report = fill_province_template(ledger, args.template, args.out, unit=args.unit)
        lines = report.lines()
        print(lines[0])
        for line in lines[1:]:
            stream = sys.stderr if line.startswith(("未能匹配", "表中找不到")) else sys.stdout
            print(line, file=stream)
        # Written, but some rows need a person's eye: say so in the exit code as verify does.
        return 1 if report.unmatched or report.missing else 0
    _check_out(args.out)
    from exports.xlsx_progress import write_progress_workbook
    from models.summary import summarize
    unit = ledger.check_unit(args.unit)
    from datetime import date as _date
    from models.ledger import parse_date
    fill_date = _date.fromisoformat(parse_date(args.date, what="填报日期")) if args.date else None
    path = write_progress_workbook(ledger, args.out, unit=unit, filled_by=args.by,
                                   fill_date=fill_date)
    print(f"已导出任务完成情况表：{path}")
    print(summarize(ledger, unit=unit).sentence())
    return 0


def cmd_export_tasklist(args, ledger) -> int:
    _check_out(args.out)
    from exports.xlsx_tasklist import write_tasklist
    plan = ledger.plan()
    path = write_tasklist(plan, args.out, units=ledger.units())
    count = sum(len(t.measures) for s in plan.sections for t in s.tasks)
    print(f"已导出任务清单：{path}（{len(plan.sections)}个部分，{count}条落实举措）")
    return 0
