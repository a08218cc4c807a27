"""Time reading big task lists and adding them to a ledger.

    .venv/bin/python bench/bench_plan_import.py [MEASURES]

Builds (in a temporary folder) a two-level .xlsx with merged task and 牵头单位 cells, 配合单位
and 完成时限 columns, and the same list as running text (.txt), MEASURES measures each
(default 2000), then times read_plan_file and Ledger.add_plan for each.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from models.ledger import Ledger  # noqa: E402
from models.plan.reader import read_plan_file  # noqa: E402

DEPARTMENTS = ["市发改委", "市财政局", "市科技局", "市工信局", "市市场监管局", "市商务局"]


def build_xlsx(path: Path, measures: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年重点工作任务分解表"])
    ws.append(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"])
    row = 3
    for n in range(measures // 4):
        if n % 10 == 0:
            ws.append([f"{'一二三四五六七八九十'[n // 10 % 10]}、第{n // 10 + 1}部分"])
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            row += 1
        first = row
        for k in range(4):
            ws.append([n + 1 if k == 0 else None, f"任务{n + 1}" if k == 0 else None,
                       f"（{k + 1}）落实第{n + 1}项任务的第{k + 1}条措施，建设项目不少于{k + 2}个。",
                       DEPARTMENTS[n % 6] if k == 0 else None,
                       f"{DEPARTMENTS[(n + 1) % 6]}、各县（市、区）人民政府", f"2023年{k + 3}月底前"])
            row += 1
        for col in (1, 2, 4):
            ws.merge_cells(start_row=first, start_column=col, end_row=row - 1, end_column=col)
    wb.save(path)
    return path


def build_txt(path: Path, measures: int) -> Path:
    lines = ["2023年重点工作任务分工方案"]
    for n in range(measures // 4):
        lines.append(f"（{'一二三四五六七八九十'[n % 10]}）任务{n + 1}")
        for k in range(4):
            lines.append(f"{n * 4 + k + 1}.落实第{n + 1}项任务的第{k + 1}条措施。"
                         f"（{DEPARTMENTS[n % 6]}牵头，{DEPARTMENTS[(n + 1) % 6]}、各县（市、区）人民政府配合）")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    measures = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, build in (("xlsx", build_xlsx), ("txt", build_txt)):
            path = build(folder / f"list.{name}", measures)
            start = time.perf_counter()
            plan = read_plan_file(path)
            read = time.perf_counter() - start
            count = sum(len(t["measures"]) for s in plan["sections"] for t in s["tasks"])
            db = folder / f"{name}.db"
            with Ledger.create(db, unit="洛阳市") as ledger:
                start = time.perf_counter()
                ledger.add_plan(plan, our_name=DEPARTMENTS[0])
                stored = time.perf_counter() - start
                rows = len(ledger.measures())
            print(f"{name}: {count} measures read in {read:.2f} s, stored in {stored:.2f} s; "
                  f"{DEPARTMENTS[0]} reports on {rows}")


if __name__ == "__main__":
    main()
