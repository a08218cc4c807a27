"""``export list``: the measures as filtered (by light, status, deadline, section…), each with its
latest entry, as an Excel sheet or a PDF for the leader (the 举措进展清单)."""
from __future__ import annotations

from pathlib import Path

from models.errors import InvalidInput
from models.pace import LIGHTS, NO_LIGHT
from models.status import STATUSES

from .round_option import add_round_option, round_view


def register(formats) -> None:
    """Add ``list`` to the ``export`` sub-commands."""
    p = formats.add_parser("list", help="举措进展清单（.xlsx 或 .pdf）：按灯、状态、期限等筛选的举措及最近进展，"
                                        "标题写明筛选条件")
    p.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx 或 .pdf）")
    p.add_argument("--light", choices=(*LIGHTS, NO_LIGHT), help="按序时进度的灯筛选")
    p.add_argument("--status", help="按状态筛选：" + " / ".join(STATUSES))
    p.add_argument("--deadline", choices=("逾期", "临期"), help="只列逾期或临期的举措")
    p.add_argument("--search", default="", help="只列举措、进展或佐证材料名称含此文字的")
    p.add_argument("--sort", default="id", choices=("id", "status", "deadline", "light", "updated"),
                   help="排序（默认按编号）")
    p.add_argument("--unit", help="单位（默认本台账的单位）")
    add_round_option(p)
    p.set_defaults(func=cmd_export_list)


def cmd_export_list(args, ledger) -> int:
    from models.queries import MeasureFilter
    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InvalidInput(f"输出文件应以 .xlsx 或 .pdf 结尾：{args.out}")
    if not args.out.parent.is_dir():
        raise InvalidInput(f"输出文件夹不存在：{args.out.parent}")
    view = round_view(args, ledger)
    flt = MeasureFilter(status=args.status, deadline=args.deadline, search=args.search,
                        light=args.light)
    from exports import filtered_list
    if suffix == ".xlsx":
        filtered_list.write_filtered_xlsx(view, args.out, measure_filter=flt, unit=args.unit,
                                          order=args.sort)
    else:
        filtered_list.write_filtered_pdf(view, args.out, measure_filter=flt, unit=args.unit,
                                         order=args.sort)
    lines = filtered_list.list_lines(view, flt, unit=args.unit, order=args.sort)
    print(f"已导出{filtered_list.list_title(view, flt, unit=args.unit)}：{args.out}（{len(lines)} 项）")
    return 0
