"""The submission package: ``{单位}-{年度}-报送材料.zip``.

Holds the 完成情况表 (.xlsx), the 工作情况报告 (.pdf), 佐证材料/ with each evidence file under
its number (佐证8.5-1_原名.ext), data.json (the unit's ledger data for the province) and
manifest.json (format and program version, plan, unit, time made, and every other file's
path, size and SHA-256). The zip is written under a temporary name beside the target and
renamed only when complete, so a half-written package never carries the final name.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from .atomic import atomic_output
from models.fsutil import copy_hashed
from models.handin import (DATA_NAME, MANIFEST_NAME, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION,
                           ROLE_DATA, ROLE_EVIDENCE, ROLE_REPORT, ROLE_XLSX, now_stamp,
                           package_file_name, plan_identity, program_version, safe_member_name,
                           unit_data)

# Already-compressed evidence gains nothing from deflate; storing it keeps export and import fast.
_STORED_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".zip", ".rar", ".7z", ".mp4", ".mp3",
                    ".docx", ".xlsx", ".pptx", ".webp", ".heic"}


def default_package_path(ledger, folder: Path, *, unit: str | None = None,
                         round_name: str | None = None) -> Path:
    """``folder/洛阳市-2021-报送材料.zip`` (with the round's name for a reporting round)."""
    unit = ledger.check_unit(unit)
    return Path(folder) / package_file_name(unit, ledger.plan().year, round_name or "")


def write_package(ledger, out_zip: Path, *, unit: str | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, record: bool = True,
                  round_name: str | None = None) -> Path:
    """Write the unit's submission package to ``out_zip``; return its path.

    ``out_zip`` may be a folder: the package then gets its standard name inside it. When
    ``cancelled()`` turns True, models.errors.Cancelled is raised and nothing is left behind; an
    existing file at ``out_zip`` stays as it was until the new package is complete.

    The package carries its version and, from version 2 on, the changelog against the unit's
    previous package of the same round (models.versions), and the fingerprint printed in the
    footers of its 完成情况表 and 工作情况报告. Everything is read in one snapshot; once the
    file is complete the package is recorded in the ledger (``record``; a write, so in the
    window this runs as a WRITE job).

    ``round_name`` makes it the package of that reporting round (models.rounds): everything
    is read through ``ledger.as_of(round_name=…)`` (entries and evidence after the round's
    cut-off left out, the documents say 截至 it), the manifest records the round, and its
    version counts within the round.
    """
    unit = ledger.check_unit(unit)
    view = ledger.as_of(round_name=round_name) if round_name else ledger
    with ledger.snapshot():
        out_zip, planned, made_at = _write_package(view, Path(out_zip), unit, progress,
                                                   cancelled)
    if record:
        from models.fsutil import sha256_file
        from models.versions import record_package
        record_package(ledger, planned, file_name=out_zip.name,
                       package_sha256=sha256_file(out_zip), made_at=made_at, unit=unit)
    return out_zip


def _write_package(ledger, out_zip: Path, unit: str, progress, cancelled):
    from exports.pdf_common import check_cancel
    from exports.pdf_report import write_work_report
    from exports.xlsx_progress import write_progress_workbook
    from models.summary import evidence_numbers
    from models.versions import next_package

    plan = ledger.plan()
    round_item = getattr(ledger, "round", None)
    if out_zip.is_dir():
        out_zip = out_zip / package_file_name(unit, plan.year, round_item.name if round_item else "")
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    numbered = evidence_numbers(ledger, unit=unit)
    # The data first: its fingerprint goes into the footers of the documents.
    planned = next_package(ledger, unit_data(ledger, unit=unit), unit=unit)
    data = planned.data
    total = len(numbered) + 4
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)
        check_cancel(cancelled)

    made_at = now_stamp()
    stem = f"{unit}{plan.year}年"
    xlsx_name = safe_member_name(f"{stem}任务完成情况表.xlsx")
    report_name = safe_member_name(f"{stem}工作情况报告.pdf")
    files: list[dict] = []
    workdir = Path(tempfile.mkdtemp(prefix="taskledger-package-"))
    try:
        with atomic_output(out_zip, suffix=".part") as part, \
                zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            xlsx_path = workdir / "progress.xlsx"
            write_progress_workbook(ledger, xlsx_path, unit=unit, cancelled=cancelled,
                                    fingerprint=planned.fingerprint)
            step()
            files.append(_add_file(zf, xlsx_path, xlsx_name, ROLE_XLSX))

            report_path = workdir / "report.pdf"
            write_work_report(ledger, report_path, unit=unit, cancelled=cancelled,
                              fingerprint=planned.fingerprint)
            step()
            files.append(_add_file(zf, report_path, report_name, ROLE_REPORT))

            data_bytes = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
            zf.writestr(_info(DATA_NAME), data_bytes, compress_type=zipfile.ZIP_DEFLATED)
            files.append({"path": DATA_NAME, "role": ROLE_DATA, "size": len(data_bytes),
                          "sha256": hashlib.sha256(data_bytes).hexdigest()})
            step()

            member_of = {(m["id"], e["id"]): e["path"]
                         for m in data["measures"] for e in m["evidence"]}
            for item in numbered:
                source = ledger.evidence_path(item.evidence.sha256)
                member = member_of[(item.measure_code, item.evidence.id)]
                entry = _add_file(zf, source, member, ROLE_EVIDENCE)
                if entry["sha256"] != item.evidence.sha256:
                    from models.errors import InvalidInput
                    raise InvalidInput(f"佐证材料“{item.evidence.original_name}”（佐证{item.number}）"
                                       "已被改动，与台账记录的 SHA-256 不符；请先运行 verify 检查")
                files.append(entry)
                step()

            manifest = {
                "format": PACKAGE_FORMAT,
                "format_version": PACKAGE_FORMAT_VERSION,
                "program": "TaskLedger",
                "program_version": program_version(),
                "plan": plan_identity(plan),
                "unit": unit,
                "unit_full_name": ledger.setting("unit_full_name"),
                "made_at": made_at,
                "made_by": ledger.user,
                "counts": data["counts"],
                **({"round": round_item.to_dict()} if round_item else {}),
                "version": planned.version,
                "fingerprint": planned.fingerprint,
                "previous": ({"version": planned.previous.version,
                              "made_at": planned.previous.made_at,
                              "package_sha256": planned.previous.package_sha256}
                             if planned.previous else None),
                "changelog": [c.to_dict() for c in planned.changes],
                "files": files,
            }
            zf.writestr(_info(MANIFEST_NAME),
                        json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        if progress:
            progress(total, total)
        return out_zip, planned, made_at
    except FileNotFoundError as exc:
        from models.errors import InvalidInput
        raise InvalidInput(f"打包时找不到文件：{exc.filename}（佐证材料可能已缺失，请先运行 verify）") from None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_zip_time())
    info.external_attr = 0o644 << 16     # a plain file: the importer refuses anything else
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _zip_time() -> tuple[int, int, int, int, int, int]:
    from datetime import datetime
    now = datetime.now()
    return (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)


def _add_file(zf: zipfile.ZipFile, source: Path, member: str, role: str) -> dict:
    """Stream ``source`` into the zip as ``member``, hashing what was written."""
    info = _info(member)
    if Path(member).suffix.lower() in _STORED_SUFFIXES:
        info.compress_type = zipfile.ZIP_STORED
    with zf.open(info, "w", force_zip64=True) as dst:
        sha, size = copy_hashed(source, dst)
    return {"path": member, "role": role, "size": size, "sha256": sha}
