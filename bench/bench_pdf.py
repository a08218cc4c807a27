"""Benchmark (issue 5): write a ~100-page 工作情况报告 PDF; the issue asks ≤ 3 s.

    .venv/bin/python bench/bench_pdf.py [--entries 300] [--repeat 3] [--keep DIR]

A ledger of 洛阳市 on the 2021 plan is filled through the models layer (Ledger.record: status,
dated entries, problems, next steps) in a temporary folder, then the report is written
``--repeat`` times; the best and median times are reported with the page count. The status
report is timed once as well. Exit status 1 if the report takes longer than the target.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TASKLEDGER_TODAY", "2021-11-20")

TARGET_SECONDS = 3.0
PHRASES = ["召开专题推进会，研究部署年度重点任务，明确责任分工和时间节点",
           "组织重点企业开展专利导航和高价值专利培育，走访企业逐一登记需求",
           "联合金融机构开展知识产权质押融资“入园惠企”活动，现场签约项目若干个",
           "印发《工作方案》，建立月调度、季通报机制，压实县区责任",
           "开展知识产权保护专项行动，查办案件并公开典型案例，R&D投入同比增长<5%>"]


def fill(path: Path, entries: int) -> None:
    """A ledger with ``entries`` dated progress entries spread over every measure."""
    from models.ledger import Ledger

    rng = random.Random(5)
    with Ledger.create(path, unit="洛阳市", user="基准") as ledger:
        ledger.set_settings(unit_full_name="洛阳市市场监督管理局（洛阳市知识产权局）",
                            contact_person="张三", contact_phone="0379-63900000")
        rows = [r for r in ledger.measures() if r.scope != "relevant"]
        for k in range(entries):
            row = rows[k % len(rows)]
            day = f"2021-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
            note = "；".join(rng.sample(PHRASES, 2)) + "。"
            ledger.record(row.code, note=note, date=day,
                          status=rng.choice(["已完成", "推进中"]) if k < len(rows) else None,
                          problems="部分县区工作进展不平衡，专业人才不足。" if k % 7 == 0 else None,
                          next_steps="继续推进，确保按期完成。" if k % 5 == 0 else None)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the ledger and PDFs in this folder")
    args = parser.parse_args(argv)

    from models.ledger import Ledger
    from exports.pdf_report import write_work_report
    from exports.pdf_status import write_status_report

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TASKLEDGER_DATA_DIR", str(folder / "data"))
    db = folder / "bench.db"
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    fill(db, args.entries)
    print(f"ledger filled through the models layer: {args.entries} entries "
          f"in {time.perf_counter() - started:.1f} s")

    times, pages = [], 0
    with Ledger.open(db) as ledger:
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = write_work_report(ledger, folder / "report.pdf")
            times.append(time.perf_counter() - started)
            pages = result.pages
        started = time.perf_counter()
        status = write_status_report(ledger, folder / "status.pdf")
        status_time = time.perf_counter() - started
    best, median = min(times), statistics.median(times)
    print(f"工作情况报告: {pages} pages, best {best:.2f} s, median {median:.2f} s "
          f"over {len(times)} runs (target ≤ {TARGET_SECONDS:.0f} s)")
    print(f"进度报告: {status.pages} pages in {status_time:.2f} s")
    if args.keep:
        print(f"kept in {folder}")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
