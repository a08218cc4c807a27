"""Benchmark (issue 10): check and restore a backup of a big ledger, with progress and cancel
hooks as the window passes them; (issue 14) ten daily backups of a ledger with 1 GB of evidence.

    .venv/bin/python bench/bench_backup.py LEDGER.db
    .venv/bin/python bench/bench_backup.py --ten-days [--evidence-mb 1024]

--ten-days builds its own ledger in a temporary folder (evidence files of 4 MB of random
bytes, as incompressible as photos and scans), then makes ten daily backups with a day's
work between them (entries, and every third day a new 20 MB scan), rotating as the window
does on closing; prints the time of each, the folder's total size, and a restore of the
oldest kept one.

LEDGER.db is the ledger bench/big_ledger.py builds (10 plans, 100,000 entries, 20,000
evidence records). It is only read: the backup is made from it, then checked, restored over
a copy of the database without its evidence folder (every file is written) and over a full
copy (every file is already in the store), all in a temporary folder. Prints the seconds of
each step and when the progress bar passed each tenth.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(label: str, run) -> None:
    started, tenths = time.perf_counter(), {}

    def progress(done: int, total: int) -> None:
        tenths.setdefault(10 * done // max(1, total), round(time.perf_counter() - started, 1))
    run(progress)
    print(f"{label}: {time.perf_counter() - started:.1f} s; progress tenths at {tenths}",
          flush=True)


def ten_days(evidence_mb: int) -> int:
    from datetime import datetime, timedelta

    work = Path(tempfile.mkdtemp(prefix="bench-backup-ten-"))
    os.environ["TASKLEDGER_DATA_DIR"] = str(work / "userdata")
    from models import backup
    from models.bulk import attach_many
    from models.ledger import Ledger
    try:
        ledger_path = work / "ledger.db"
        src = work / "src"
        src.mkdir()
        with Ledger.create(ledger_path, unit="洛阳市", user="张三") as ledger:
            codes = [row.code for row in ledger.measures()]
            files = []
            for n in range(evidence_mb // 4):
                path = src / f"扫描件{n:04d}.pdf"
                path.write_bytes(os.urandom(4 << 20))
                files.append((codes[n % len(codes)], path))
            ledger.set_settings(evidence_large_mb="4096")
            attach_many(ledger, files, date="2021-06-01")
        evidence = sum(p.stat().st_size for _c, p in files)
        print(f"ledger: {len(files)} evidence files, {evidence >> 20} MB")
        day1, total_time = datetime(2021, 10, 1, 18), 0.0
        for day in range(10):
            with Ledger.open(ledger_path) as ledger:
                ledger.record(codes[day], status="推进中", note=f"第{day + 1}天的进展")
                if day % 3 == 2:
                    scan = src / f"新扫描{day}.pdf"
                    scan.write_bytes(os.urandom(20 << 20))
                    ledger.attach(codes[day], scan)
                    evidence += 20 << 20
            started = time.perf_counter()
            backup.maybe_daily_backup(ledger_path, now=day1 + timedelta(days=day))
            took = time.perf_counter() - started
            total_time += took
            folder = backup.backups_dir(ledger_path)
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            print(f"day {day + 1}: backup {took:.1f} s; backups folder {size >> 20} MB "
                  f"(evidence {evidence >> 20} MB)", flush=True)
        print(f"ten backups: {total_time:.1f} s in all; folder {size >> 20} MB for "
              f"{evidence >> 20} MB of evidence (one zip each before: ≈ "
              f"{10 * evidence >> 20} MB)")
        oldest = backup.list_backups(ledger_path)[0].path
        target = work / "restored" / "ledger.db"
        timed("restore the oldest into an empty folder",
              lambda p: backup.restore_backup(oldest, target, progress=p))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path, nargs="?")
    parser.add_argument("--ten-days", action="store_true",
                        help="ten daily backups of a ledger with --evidence-mb of evidence")
    parser.add_argument("--evidence-mb", type=int, default=1024)
    args = parser.parse_args(argv)
    if args.ten_days:
        return ten_days(args.evidence_mb)
    if args.ledger is None:
        parser.error("LEDGER.db or --ten-days")
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    os.environ["TASKLEDGER_DATA_DIR"] = str(work / "userdata")   # safety backups go here
    from models import backup
    from models.evidence_store import evidence_dir_for
    try:
        started = time.perf_counter()
        made = backup.backup_ledger(args.ledger, work / "backups").path
        print(f"backup: {time.perf_counter() - started:.1f} s ({made.stat().st_size >> 20} MB)")
        never = lambda: False  # noqa: E731 — the window always passes a cancel check
        timed("check", lambda p: backup.check_backup(made, progress=p, cancelled=never))
        bare = work / "bare" / args.ledger.name
        bare.parent.mkdir()
        shutil.copy2(args.ledger, bare)
        timed("restore over the database alone",
              lambda p: backup.restore_backup(made, bare, progress=p, cancelled=never))
        full = work / "full" / args.ledger.name
        full.parent.mkdir()
        shutil.copy2(args.ledger, full)
        shutil.copytree(evidence_dir_for(args.ledger), evidence_dir_for(full))
        timed("restore over the same ledger",
              lambda p: backup.restore_backup(made, full, progress=p, cancelled=never))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
