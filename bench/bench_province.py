"""Benchmark (issue 6): import 28 units' packages of 50 evidence files each into a provincial
ledger and export the consolidated workbook; target ≤ 30 s for both together.

    .venv/bin/python bench/bench_province.py [--units 28] [--files 50] [--kb 120] [--work DIR]

Making the packages (city ledgers, their workbooks and reports) is set-up and is not timed;
with --work the packages are kept and reused by the next run. Exit status 1 if over target.
"""
from __future__ import annotations

import argparse
import json
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

TARGET_SECONDS = 30.0


def _evidence_files(folder: Path, count: int, kb: int, seed: int) -> list[Path]:
    """A realistic mix: scanned PDFs, photos, text; random bytes so nothing compresses away."""
    from PIL import Image
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for k in range(count):
        kind = k % 5
        if kind in (0, 1):
            path = folder / f"文件{k:02d}.pdf"
            body = rng.randbytes(rng.randint(kb // 2, kb * 3 // 2) * 1024)
            path.write_bytes(b"%PDF-1.4\n%" + body + b"\n%%EOF\n")
        elif kind in (2, 3):
            path = folder / f"照片{k:02d}.jpg"
            Image.frombytes("RGB", (160, 120), rng.randbytes(160 * 120 * 3)).save(path, quality=95)
            with open(path, "ab") as handle:          # pad to the size a phone photo has
                handle.write(rng.randbytes(kb * 1024))
        else:
            path = folder / f"名单{k:02d}.txt"
            path.write_text("\n".join(f"第{i}行 {rng.random()}" for i in range(kb * 20)),
                            encoding="utf-8")
        files.append(path)
    return files


def make_packages(work: Path, units: list[str], files: int, kb: int) -> list[Path]:
    """One package per unit (reused when already in ``work``)."""
    from exports.package import write_package
    from models.ledger import Ledger
    from models.status import DONE, IN_PROGRESS

    packages = []
    for n, unit in enumerate(units):
        out = work / "packages" / f"{unit}-2021-报送材料.zip"
        if out.is_file():
            packages.append(out)
            continue
        folder = work / "cities" / unit
        shutil.rmtree(folder, ignore_errors=True)
        with Ledger.create(folder / "ledger.db", unit=unit, user="填报人") as city:
            city.set_settings(unit_full_name=f"{unit}知识产权局", contact_person="填报人",
                              contact_phone="0371-00000000")
            rows = city.measures()
            for k, row in enumerate(rows):
                status = DONE if k % 3 == 0 else IN_PROGRESS
                city.record(row.code, status=status, note=f"{unit}推进{row.code}", date="2021-09-01",
                            problems="无" if k % 2 else "", next_steps="继续推进")
                for indicator in city.measure(row.code).indicators:
                    city.set_indicator_value(indicator.id, (n % 5) + 1)
            for k, path in enumerate(_evidence_files(folder / "src", files, kb, seed=n)):
                city.attach(rows[k % len(rows)].code, path, note="佐证", date="2021-09-02")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_package(city, out)
        packages.append(out)
        print(f"  准备材料包 {n + 1}/{len(units)}：{out.name}（{out.stat().st_size // 1024} KB）",
              flush=True)
    return packages


def run(units_count: int, files: int, kb: int, work: Path | None) -> dict:
    """Set up, then time the import of every package and the consolidated workbook."""
    from models.plan.definition import load_builtin_plan
    from models.province.recording import IMPORTED, create_province_ledger, import_package

    units = [u["name"] for u in load_builtin_plan()["units"]][:units_count]
    own_work = work is None
    work = Path(work or tempfile.mkdtemp(prefix="taskledger-bench-"))
    try:
        t0 = time.perf_counter()
        packages = make_packages(work, units, files, kb)
        setup = time.perf_counter() - t0
        province_dir = work / "province"
        shutil.rmtree(province_dir, ignore_errors=True)
        province_dir.mkdir(parents=True)

        from exports.consolidated_xlsx import write_consolidated_workbook
        t1 = time.perf_counter()
        with create_province_ledger(province_dir / "province.db") as province:
            for package in packages:
                result = import_package(province, package)
                assert result.outcome == IMPORTED, result
            t2 = time.perf_counter()
            write_consolidated_workbook(province, province_dir / "全省汇总.xlsx")
        t3 = time.perf_counter()
        return {"units": len(packages), "evidence_per_unit": files,
                "package_mb": round(sum(p.stat().st_size for p in packages) / 2**20, 1),
                "setup_s": round(setup, 1), "import_s": round(t2 - t1, 2),
                "consolidated_xlsx_s": round(t3 - t2, 2), "total_s": round(t3 - t1, 2),
                "target_s": TARGET_SECONDS}
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=28)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--kb", type=int, default=120, help="typical evidence file size in KB")
    parser.add_argument("--work", type=Path, help="keep and reuse packages in this folder")
    args = parser.parse_args(argv)
    result = run(args.units, args.files, args.kb, args.work)
    print(json.dumps(result, ensure_ascii=False))
    ok = result["total_s"] <= TARGET_SECONDS
    print(f"导入 {result['units']} 个材料包 {result['import_s']} 秒，全省汇总表 "
          f"{result['consolidated_xlsx_s']} 秒，合计 {result['total_s']} 秒"
          f"（目标 ≤ {TARGET_SECONDS:g} 秒）：{'达标' if ok else '未达标'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
