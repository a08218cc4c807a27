"""Benchmark (issue 10): check and restore a backup of a big ledger, with progress and cancel
hooks as the window passes them.

    .venv/bin/python bench/bench_backup.py LEDGER.db

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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    args = parser.parse_args(argv)
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
