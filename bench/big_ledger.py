"""Build a large ledger through the models layer, for bench/bench_ui.py.

    python bench/big_ledger.py OUT.db [--unit 洛阳市] [--plans 10] [--entries 100000]
                               [--evidence 20000]

10 yearly plans (the built-in 2021 plan and copies with the year changed, via
Ledger.add_plan), then for one unit 100,000 progress entries and 20,000 evidence records
(tiny distinct files) spread over every plan's measures, with statuses, problems and next
steps set through Ledger.record. The latest plan is left current.
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.bulk import add_entries, attach_many  # noqa: E402
from models.ledger import Ledger  # noqa: E402
from models.plan.definition import load_builtin_plan  # noqa: E402

PHRASES = ("召开专题推进会", "印发工作方案", "组织企业培训", "开展专利导航", "推进质押融资",
           "走访重点企业", "完成年度考核", "开展执法检查", "举办宣传周活动", "建设服务平台",
           "培育示范企业", "推动成果转化", "对接高校院所", "开展商标品牌指导", "统计分析数据")
TAILS = ("，参会单位{n}家", "，覆盖企业{n}家", "，受理案件{n}件", "，培训{n}人次", "，完成率{n}%")


def plan_for(year: int) -> dict:
    """The built-in plan moved to ``year`` (title, deadline, measure deadlines)."""
    plan = copy.deepcopy(load_builtin_plan())
    old = str(plan["year"])
    plan["year"] = year
    plan["title"] = plan["title"].replace(old, str(year))
    plan["deadline"] = plan.get("deadline", f"{old}-11-30").replace(old, str(year))
    for section in plan["sections"]:
        for task in section["tasks"]:
            for measure in task["measures"]:
                if measure.get("deadline"):
                    measure["deadline"] = measure["deadline"].replace(old, str(year))
    return plan


def entry_text(rng: random.Random) -> str:
    parts = rng.sample(PHRASES, 2)
    return "、".join(parts) + rng.choice(TAILS).format(n=rng.randint(2, 300)) + "。"


def build(out: Path, *, unit: str, plans: int, entries: int, evidence: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    ledger = Ledger.create(out, unit=unit, user="基准测试")
    plan_ids = [ledger.plan_id]
    for k in range(1, plans):
        plan_ids.append(ledger.add_plan(plan_for(2021 + k)))
    print(f"plans: {len(plan_ids)} ({time.perf_counter() - started:.1f}s)", flush=True)

    per_plan_entries = entries // plans
    per_plan_evidence = evidence // plans
    scratch = Path(tempfile.mkdtemp(prefix="big-ledger-files-"))
    file_no = 0
    for index, plan_id in enumerate(plan_ids):
        ledger.switch_plan(plan_id)
        year = 2021 + index
        codes = [m.code for m in ledger.measures()]
        start = date(year, 1, 4)

        def items(count=per_plan_entries + (entries % plans if index == plans - 1 else 0)):
            for _ in range(count):
                day = start + timedelta(days=rng.randint(0, 320))
                yield rng.choice(codes), day.isoformat(), entry_text(rng)
        add_entries(ledger, items())

        files = []
        count = per_plan_evidence + (evidence % plans if index == plans - 1 else 0)
        for _ in range(count):
            file_no += 1
            path = scratch / f"佐证{file_no:05d}_{rng.choice(PHRASES)}.pdf"
            path.write_bytes(f"%PDF-1.4\n% evidence {file_no}\n".encode())
            files.append((rng.choice(codes), path))
        attach_many(ledger, files, date=f"{year}-10-01")
        for path in scratch.iterdir():
            path.unlink()

        for code in codes:
            status = rng.choice(("已完成", "推进中", "推进中", "未启动"))
            scope_row = ledger.measure(code).row
            if scope_row.scope == "relevant" and rng.random() < 0.2:
                ledger.record(code, involved=False)
                continue
            ledger.record(code, status=status, problems="部分企业参与积极性不高" if rng.random() < 0.3 else None,
                          next_steps="加强督导，按期完成" if rng.random() < 0.5 else None)
        print(f"plan {year}: {len(codes)} measures, {time.perf_counter() - started:.1f}s", flush=True)
    scratch.rmdir()
    ledger.close()
    print(f"done: {out} in {time.perf_counter() - started:.1f}s", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--unit", default="洛阳市")
    parser.add_argument("--plans", type=int, default=10)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--evidence", type=int, default=20_000)
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} 已存在（不会覆盖）")
    build(args.out, unit=args.unit, plans=args.plans, entries=args.entries,
          evidence=args.evidence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
