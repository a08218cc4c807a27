"""Benchmark (issue 4): export the current plan's 完成情况表 (and the task list) of a big ledger;
target ≤ 2 s for the 完成情况表.

    .venv/bin/python bench/bench_export_xlsx.py [LEDGER.db] [--unit UNIT] [--repeat 3]

LEDGER.db is the ledger bench/big_ledger.py builds (10 plans, 100,000 entries, 20,000 evidence
records). Without it a stand-in is made in a temporary folder: the 2021 plan with a tenth of
that (10,000 entries and 2,000 evidence records on the current plan), written straight into
the tables so that set-up takes seconds. The ledger is opened read-only in spirit: nothing in
it is changed. Exit status 1 if over target.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TASKLEDGER_TODAY", "2021-11-20")

TARGET_SECONDS = 2.0


def make_stand_in(path: Path, *, entries: int = 10_000, evidence: int = 2_000) -> Path:
    """A ledger of 洛阳市 on the 2021 plan with many entries and evidence records."""
    from models import db as dbmod
    from models.ledger import Ledger

    rng = random.Random(4)
    with Ledger.create(path, unit="洛阳市", user="基准") as ledger:
        rows = ledger.measures()
        ids = {r[1]: r[0] for r in ledger.db.execute(
            "SELECT id, code FROM measures WHERE plan_id = ?", [ledger.plan_id]).fetchall()}
        now = "2021-11-01T09:00:00"
        with dbmod.transaction(ledger.db):
            for row in rows:
                ledger.db.execute("INSERT OR IGNORE INTO assignments (measure_id, unit, status, problems,"
                                  " next_steps, updated_at) VALUES (?,?,?,?,?,?)",
                                  [ids[row.code], "洛阳市", rng.choice(["已完成", "推进中", "未启动"]),
                                   "部分县区工作进展不平衡。", "继续推进，按期完成。", now])
            for k in range(entries):
                mid = ids[rng.choice(rows).code]
                day = f"2021-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
                ledger.db.execute(
                    "INSERT INTO entries (measure_id, unit, date, author, text, created_at,"
                    " updated_at) VALUES (?,?,?,?,?,?,?)",
                    [mid, "洛阳市", day, "基准", f"第{k}次推进：召开专题会议，部署落实工作，形成会议纪要。",
                     now, now])
            for k in range(evidence):
                sha = f"{k:064x}"
                eid = ledger.db.execute(
                    "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note,"
                    " added_at, added_by) VALUES (?,?,?,?,?,?,?,?)",
                    ["洛阳市", sha, f"材料{k}.pdf", 1000 + k, "2021-06-01", "会议纪要", now,
                     "基准"]).lastrowid
                ledger.db.execute("INSERT INTO evidence_links (evidence_id, measure_id, linked_at)"
                                  " VALUES (?,?,?)", [eid, ids[rng.choice(rows).code], now])
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", nargs="?", type=Path, help="台账文件（默认临时生成一个）")
    parser.add_argument("--unit", help="单位（默认台账的单位）")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from exports.xlsx_progress import write_progress_workbook
    from exports.xlsx_tasklist import write_tasklist
    from models.ledger import Ledger

    work = Path(tempfile.mkdtemp(prefix="bench-xlsx-"))
    try:
        path = args.ledger
        if path is None:
            started = time.perf_counter()
            path = make_stand_in(work / "stand-in.db")
            print(f"stand-in ledger made in {time.perf_counter() - started:.1f} s: {path}")
        with Ledger.open(path) as ledger:
            counts = ledger.db.execute(
                "SELECT (SELECT count(*) FROM plans), (SELECT count(*) FROM entries),"
                " (SELECT count(*) FROM evidence)").fetchone()
            print(f"ledger: {counts[0]} plans, {counts[1]} entries, {counts[2]} evidence records;"
                  f" current plan {ledger.plan().year} ({ledger.plan_id})")
            best = {}
            for name, work_fn in (
                    ("完成情况表", lambda out: write_progress_workbook(ledger, out, unit=args.unit)),
                    ("任务清单", lambda out: write_tasklist(ledger.plan(), out, units=ledger.units()))):
                times = []
                for k in range(args.repeat):
                    out = work / f"{name}-{k}.xlsx"
                    started = time.perf_counter()
                    work_fn(out)
                    times.append(time.perf_counter() - started)
                best[name] = min(times)
                print(f"{name}: best {best[name]:.2f} s of {args.repeat}"
                      f" ({', '.join(f'{t:.2f}' for t in times)}), {out.stat().st_size:,} bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ok = best["完成情况表"] <= TARGET_SECONDS
    print(f"target ≤ {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
