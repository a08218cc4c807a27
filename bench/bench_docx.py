"""Benchmark (issue 13): the 工作情况报告 as Word against the same report as PDF, on the big
ledger's current plan; target: the Word file within 2× the PDF's time.

    .venv/bin/python bench/bench_docx.py LEDGER.db [--unit UNIT] [--repeat 3]

LEDGER.db is the ledger bench/big_ledger.py builds (10 plans, 100,000 progress entries,
20,000 evidence records). It is copied to a temporary folder first: nothing in it is
changed. Both reports are written ``--repeat`` times; the best times, the ratio and the
sizes are printed. Exit status 1 if the Word report takes more than twice the PDF's time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TASKLEDGER_TODAY", "2021-11-20")

TARGET_RATIO = 2.0


def _best(write, out: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        write(out)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--unit", help="unit (default the ledger's own)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from exports.docx_report import write_work_report_docx
    from exports.pdf_report import write_work_report
    from models.ledger import Ledger

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        copy = folder / "ledger.db"
        shutil.copy2(args.ledger, copy)
        with Ledger.open(copy) as ledger:
            entries = sum(len(v) for v in ledger.entries_by_measure(unit=args.unit).values())
            measures = len(ledger.measures(unit=args.unit))
            pdf, docx = folder / "报告.pdf", folder / "报告.docx"
            pages = {}

            def write_pdf(out):
                pages["pdf"] = write_work_report(ledger, out, unit=args.unit).pages

            pdf_s = _best(write_pdf, pdf, args.repeat)
            docx_s = _best(lambda out: write_work_report_docx(ledger, out, unit=args.unit),
                           docx, args.repeat)
        ratio = docx_s / pdf_s
        print(f"current plan: {measures} measures, {entries} progress entries")
        print(f"PDF  {pdf_s:6.2f} s  {pages['pdf']} pages  {pdf.stat().st_size / 1e6:.1f} MB")
        print(f"Word {docx_s:6.2f} s  {docx.stat().st_size / 1e6:.1f} MB")
        print(f"Word / PDF = {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
