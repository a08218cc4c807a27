"""Benchmark (issue 14): the 佐证材料汇编 of phone photos and scanned PDFs — peak memory, time
and size, in 标准 and 压缩.

    .venv/bin/python bench/bench_evidence_pdf.py [--photos 100 500] [--scans 50]

Builds a ledger in a temporary folder with the largest --photos count of 4000×3000 JPEGs
(about 4 MB each, as a phone takes them; distinct files made from a few pictures by a JPEG
comment, so every one is decoded) and --scans PDFs of three A4 pages scanned at 300 dpi,
attached over the plan's measures. Then, for each photo count (the first N photos, plus
the scans) and each mode, writes the book in a fresh process and reports that process's
peak resident memory (VmHWM; ru_maxrss where there is no /proc), the time, the time per photo, the size and the size per
photo.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from models.ledger import Ledger
from exports.evidence_pdf import write_evidence_pdf
started = time.perf_counter()
with Ledger.open({db!r}) as ledger:
    result = write_evidence_pdf(ledger, {out!r}, mode={mode!r})
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    # VmHWM is this program's own peak; ru_maxrss on Linux also counts the parent's pages
    # the child held between fork and exec.
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({{"seconds": time.perf_counter() - started, "pages": result.pages,
                   "peak_kb": peak}}))
"""


def _pictures(folder: Path, count: int = 6) -> list[bytes]:
    """A few 4000×3000 photo-like JPEGs (smooth shapes with sensor-like noise)."""
    from PIL import Image, ImageDraw, ImageFilter
    out = []
    for n in range(count):
        base = Image.effect_noise((4000, 3000), 40 + 8 * n).convert("RGB")
        draw = ImageDraw.Draw(base, "RGBA")
        for k in range(40):
            x, y = (k * 397 + n * 911) % 4000, (k * 733 + n * 277) % 3000
            draw.ellipse([x - 300, y - 200, x + 300, y + 200],
                         fill=((k * 37) % 255, (k * 91 + n * 40) % 255, (k * 53) % 255, 150))
        base = base.filter(ImageFilter.GaussianBlur(1.2))
        path = folder / f"base{n}.jpg"
        base.save(path, "JPEG", quality=92)
        out.append(path.read_bytes())
    return out


def _with_comment(jpeg: bytes, text: str) -> bytes:
    """The same picture with a COM segment after SOI: another file, the same decoding work."""
    payload = text.encode("utf-8")
    segment = b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload
    return jpeg[:2] + segment + jpeg[2:]


def _scan(path: Path, n: int) -> None:
    from PIL import Image, ImageDraw
    pages = []
    for k in range(3):
        page = Image.effect_noise((2480, 3508), 25).convert("RGB").point(lambda v: 200 + v // 5)
        draw = ImageDraw.Draw(page)
        for line in range(40):
            draw.rectangle([200, 300 + line * 75, 2280 - (line * 37 + n) % 900, 330 + line * 75],
                           fill=(40, 40, 40))
        pages.append(page)
    pages[0].save(path, "PDF", resolution=300, save_all=True, append_images=pages[1:],
                  title=f"扫描件 {n}")


def build(folder: Path, photos: int, scans: int) -> tuple[Path, int]:
    from models.bulk import attach_many
    from models.ledger import Ledger
    src = folder / "src"
    src.mkdir(parents=True)
    pictures = _pictures(folder)
    db = folder / "ledger.db"
    with Ledger.create(db, unit="洛阳市", user="张三") as ledger:
        codes = [row.code for row in ledger.measures()]
        items = []
        for n in range(photos):
            path = src / f"现场照片{n:04d}.jpg"
            path.write_bytes(_with_comment(pictures[n % len(pictures)], f"photo {n}"))
            items.append((codes[n % len(codes)], path))
        photo_bytes = sum(p.stat().st_size for _c, p in items)
        scan_base = src / "scan-base.pdf"
        _scan(scan_base, 0)
        for n in range(scans):
            path = src / f"扫描件{n:03d}.pdf"
            data = scan_base.read_bytes()
            path.write_bytes(data + f"%scan {n}\n".encode())    # another file, same pages
            items.append((codes[(n * 7) % len(codes)], path))
        attach_many(ledger, items, date="2021-06-01")
    print(f"ledger: {photos} photos ({photo_bytes >> 20} MB), {scans} scanned PDFs", flush=True)
    return db, photo_bytes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--scans", type=int, default=50)
    parser.add_argument("--modes", nargs="+", default=["standard", "compact"])
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-evidence-pdf-"))
    os.environ["TASKLEDGER_DATA_DIR"] = str(work / "userdata")
    try:
        full_db, _ = build(work / "full", max(args.photos), args.scans)
        seen: dict[tuple[int, str], tuple[float, int]] = {}
        for count in sorted(args.photos):
            db = _ledger_with(full_db, work / f"n{count}", count, args.scans)
            for mode in args.modes:
                out = work / f"book-{count}-{mode}.pdf"
                code = CHILD.format(root=str(ROOT), db=str(db), out=str(out), mode=mode)
                proc = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                      text=True, env={**os.environ})
                if proc.returncode:
                    print(proc.stderr, file=sys.stderr)
                    return 1
                got = json.loads(proc.stdout.strip().splitlines()[-1])
                size = out.stat().st_size
                print(f"{count} photos + {args.scans} scans, {mode}: {got['seconds']:.0f} s "
                      f"({got['seconds'] / (count + args.scans):.2f} s per file), "
                      f"{got['pages']} pages, {size / 1e6:.0f} MB "
                      f"({size / 1e6 / (count + args.scans):.2f} MB per file), "
                      f"peak memory {got['peak_kb'] / 1024:.0f} MB", flush=True)
                seen[count, mode] = (got["seconds"], size)
                out.unlink()
        low, high = min(args.photos), max(args.photos)
        for mode in args.modes if high > low else []:
            (t0, s0), (t1, s1) = seen[low, mode], seen[high, mode]
            print(f"{mode}: each photo beyond the first {low} adds {(t1 - t0) / (high - low):.2f} s "
                  f"and {(s1 - s0) / 1e6 / (high - low):.2f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _ledger_with(full_db: Path, folder: Path, photos: int, scans: int) -> Path:
    """A copy of the full ledger keeping only the first ``photos`` photos and the scans."""
    from models.evidence_store import evidence_dir_for
    from models.ledger import Ledger
    folder.mkdir()
    db = folder / full_db.name
    shutil.copy2(full_db, db)
    os.symlink(evidence_dir_for(full_db), evidence_dir_for(db))
    with Ledger.open(db) as ledger:
        photos_seen = 0
        for item in sorted(ledger.evidence_for(), key=lambda e: e.id):
            if item.original_name.endswith(".jpg"):
                photos_seen += 1
                if photos_seen > photos:
                    for code in item.measures:
                        ledger.unlink_evidence(item.id, code)
    return db


if __name__ == "__main__":
    sys.exit(main())
