"""The provincial office's side: importing units' submission packages and tracking hand-ins.

A package is untrusted input. Before anything is written it must pass every check: a real zip;
no absolute paths, ``..``, links, encrypted or duplicate members; no member over the size
limit and no archive that expands beyond the total limit (declared sizes are checked first,
and bytes are counted again while reading, because declared sizes can lie); manifest and data
for this plan and a unit of it; every file's size and SHA-256 as the manifest says; no file the
manifest does not list. Only then do the files move into the evidence store and the data enter
the ledger, in one transaction. The same package again changes nothing; a newer one from the
same unit replaces the unit's data, and the older submission stays in the history.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from . import db as dbmod
from .errors import LedgerError
from .handin import (DATA_FORMAT, DATA_NAME, MANIFEST_NAME, PACKAGE_FORMAT,
                     PACKAGE_FORMAT_VERSION, ROLE_DATA, ROLE_EVIDENCE, plan_identity)
from .ledger import PROVINCE_ROLE, _audit, _now, parse_date
from .status import NOT_INVOLVED, STATUSES

DEFAULT_MAX_MEMBER_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBERS = 20000
MAX_JSON_BYTES = 64 * 1024 * 1024
CHUNK = 1 << 20

IMPORTED, UNCHANGED, OLDER, CANCELLED = "imported", "unchanged", "older", "cancelled"


class PackageRefused(LedgerError):
    """A package that fails a check; nothing was changed."""


@dataclass
class ImportResult:
    """What importing one package did."""
    package: str
    unit: str
    outcome: str                   # IMPORTED, UNCHANGED (seen before), OLDER (kept as history)
    submission_id: int | None
    made_at: str = ""
    replaced: int | None = None    # the submission this one superseded
    files: int = 0

    def message(self) -> str:
        """One Chinese line for the clerk."""
        name = Path(self.package).name
        if self.outcome == IMPORTED:
            extra = "，替换了该单位此前的报送" if self.replaced else ""
            return f"已导入：{name}（{self.unit}，制作于 {self.made_at}，{self.files} 个文件{extra}）"
        if self.outcome == UNCHANGED:
            return f"未改动：{name} 此前已导入过（{self.unit}）"
        if self.outcome == OLDER:
            return (f"已存入历史：{name}（{self.unit}）早于该单位已导入的报送，"
                    "当前数据仍以较新的报送为准")
        return f"已取消：{name}，台账未改动"


@dataclass
class SubmissionInfo:
    """One imported package as the province's history keeps it."""
    id: int
    unit: str
    package_name: str
    package_sha256: str
    made_at: str
    imported_at: str
    superseded_by: int | None
    counts: dict[str, int]
    files: int


@dataclass
class SubmissionStatus:
    """Who has handed in (their current submission and how many before it) and who has not."""
    plan_title: str
    deadline: str
    handed_in: list[SubmissionInfo] = field(default_factory=list)
    history: dict[str, int] = field(default_factory=dict)     # unit → older submissions kept
    missing: list[str] = field(default_factory=list)


def _refuse(package: Path, problem: str) -> PackageRefused:
    return PackageRefused(f"报送材料包 {Path(package).name} 未导入：{problem}；台账未改动")


def import_package(ledger, zip_path: Path, *,
                   max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES,
                   max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Check and import one unit's submission package into a provincial ledger.

    Whole package or nothing: any failed check raises PackageRefused and leaves the ledger as
    it was. Returns an ImportResult (IMPORTED, UNCHANGED for a package seen before, OLDER for
    one older than the unit's current submission, CANCELLED when ``cancelled()`` turned True).
    """
    zip_path = Path(zip_path)
    if ledger.role != PROVINCE_ROLE:
        raise PackageRefused("只有省级台账可以导入报送材料包（用 init --province 新建省级台账）")
    if not zip_path.is_file():
        raise _refuse(zip_path, "找不到该文件")
    package_sha, package_size = _file_sha256(zip_path)
    plan = ledger.plan()
    seen = ledger.db.execute("SELECT id, unit, made_at FROM submissions WHERE plan_id = ?"
                             " AND package_sha256 = ?", [plan.id, package_sha]).fetchone()
    if seen:
        return ImportResult(str(zip_path), seen[1], UNCHANGED, seen[0], made_at=seen[2])

    staged: list[tuple[Path, str]] = []   # (temporary file in the store, sha256)
    try:
        checked = _check_package(ledger, plan, zip_path, staged, max_member_bytes,
                                 max_total_bytes, progress, cancelled)
        if checked is None:
            return ImportResult(str(zip_path), "", CANCELLED, None)
        manifest, data, manifest_text = checked
        # Files first (content-addressed, so a later failure leaves only harmless copies).
        for tmp, sha in staged:
            final = ledger.evidence.path_for(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        staged.clear()
        return _record(ledger, plan, zip_path, package_sha, package_size, manifest, data,
                       manifest_text)
    finally:
        for tmp, _sha in staged:
            try:
                tmp.unlink()
            except OSError:
                pass


def import_packages(ledger, paths, *, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    **limits) -> list[ImportResult | PackageRefused]:
    """Import several packages one by one (drag-and-drop of many); a refused one does not
    stop the others. ``progress`` runs over all packages (0…1000); after a cancel the rest
    are left alone, and each package already imported stays imported (each is whole)."""
    paths = list(paths)
    results: list[ImportResult | PackageRefused] = []
    for index, path in enumerate(paths):
        if cancelled and cancelled():
            break

        def overall(done: int, total: int, index=index) -> None:
            if progress:
                progress((index * 1000 + 1000 * done // max(1, total)) // len(paths), 1000)
        try:
            results.append(import_package(ledger, path, progress=overall, cancelled=cancelled,
                                          **limits))
        except PackageRefused as exc:
            results.append(exc)
        if progress:
            progress(1000 * (index + 1) // len(paths), 1000)
    return results


# ---- checking ------------------------------------------------------------------------------
def _check_package(ledger, plan, zip_path, staged, max_member, max_total, progress, cancelled):
    try:
        if not zipfile.is_zipfile(zip_path):
            raise _refuse(zip_path, "不是 zip 压缩包（或文件不完整、已损坏）")
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse(zip_path, f"不是有效的 zip 压缩包（{exc}）") from None
    with zf:
        members = _check_members(zip_path, zf, max_member, max_total)
        if MANIFEST_NAME not in members:
            raise _refuse(zip_path, f"缺少清单文件 {MANIFEST_NAME}，不是 TaskLedger 报送材料包")
        manifest_bytes = _read_member(zip_path, zf, members[MANIFEST_NAME],
                                      min(max_member, MAX_JSON_BYTES), None)[0]
        manifest = _parse_json(zip_path, MANIFEST_NAME, manifest_bytes)
        files = _check_manifest(ledger, plan, zip_path, manifest, members)
        data_bytes = None
        total = len(files)
        for index, entry in enumerate(files, 1):
            if cancelled and cancelled():
                return None
            info = members[entry["path"]]
            keep = entry["role"] == ROLE_DATA
            limit = min(max_member, MAX_JSON_BYTES) if keep else max_member
            tmp = None
            if not keep:
                ledger.evidence.root.mkdir(parents=True, exist_ok=True)
                fd, name = tempfile.mkstemp(prefix=".incoming-", dir=ledger.evidence.root)
                os.close(fd)
                tmp = Path(name)
                staged.append((tmp, entry["sha256"]))
            content, size, sha = _read_member(zip_path, zf, info, limit, tmp)
            if size != entry["size"] or sha != entry["sha256"]:
                raise _refuse(zip_path, f"文件 {entry['path']} 与清单不符（大小或 SHA-256 校验失败，"
                                        "可能被改动或传输不完整）")
            if keep:
                data_bytes = content
            if progress:
                progress(index, total)
    if data_bytes is None:
        raise _refuse(zip_path, f"缺少数据文件 {DATA_NAME}")
    data = _parse_json(zip_path, DATA_NAME, data_bytes)
    _check_data(ledger, plan, zip_path, manifest, data, files)
    return manifest, data, manifest_bytes.decode("utf-8")


def _check_members(zip_path, zf: zipfile.ZipFile, max_member: int, max_total: int) -> dict:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(zip_path, f"文件数 {len(infos)} 超过上限 {MAX_MEMBERS}")
    members, seen, declared = {}, set(), 0
    for info in infos:
        name = info.filename
        raw = info.orig_filename
        if "\x00" in raw or not name:
            raise _refuse(zip_path, f"文件名“{raw!r}”无效")
        if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":") or raw.startswith("//"):
            raise _refuse(zip_path, f"含绝对路径“{raw}”")
        parts = raw.replace("\\", "/").split("/")
        if ".." in parts:
            raise _refuse(zip_path, f"路径“{raw}”含“..”，可能写到目标文件夹之外")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise _refuse(zip_path, f"“{raw}”是符号链接，报送材料包不应含链接")
        if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise _refuse(zip_path, f"“{raw}”不是普通文件")
        if info.flag_bits & 0x1:
            raise _refuse(zip_path, f"“{raw}”已加密，无法校验")
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            raise _refuse(zip_path, f"文件名“{name}”重复出现")
        seen.add(key)
        if info.is_dir():
            continue
        if info.file_size > max_member:
            raise _refuse(zip_path, f"文件 {name} 解压后 {info.file_size} 字节，超过单个文件上限"
                                    f" {max_member} 字节")
        declared += info.file_size
        if declared > max_total:
            raise _refuse(zip_path, f"解压后总大小超过上限 {max_total} 字节（可能是压缩炸弹）")
        members[name] = info
    return members


def _read_member(zip_path, zf, info, limit: int, dest: Path | None):
    """(bytes or None, size, sha256) of a member, counting bytes as they come."""
    digest, size, chunks = hashlib.sha256(), 0, []
    ceiling = min(limit, info.file_size)
    try:
        with zf.open(info) as src:
            out = open(dest, "wb") if dest is not None else None
            try:
                while True:
                    chunk = src.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > ceiling:
                        raise _refuse(zip_path, f"文件 {info.filename} 解压后超出声明大小或上限"
                                                "（可能是压缩炸弹）")
                    digest.update(chunk)
                    if out is not None:
                        out.write(chunk)
                    else:
                        chunks.append(chunk)
                if out is not None:
                    out.flush()
                    os.fsync(out.fileno())
            finally:
                if out is not None:
                    out.close()
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise _refuse(zip_path, f"读取 {info.filename} 时出错，压缩包已损坏或不完整（{exc}）") from None
    return (b"".join(chunks) if dest is None else None), size, digest.hexdigest()


def _parse_json(zip_path, name: str, raw: bytes):
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refuse(zip_path, f"{name} 不是有效的 JSON（{exc}）") from None
    if not isinstance(value, dict):
        raise _refuse(zip_path, f"{name} 的内容格式不对")
    return value


def _check_manifest(ledger, plan, zip_path, manifest: dict, members: dict) -> list[dict]:
    if manifest.get("format") != PACKAGE_FORMAT:
        raise _refuse(zip_path, "manifest.json 不是 TaskLedger 报送材料包的清单")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise _refuse(zip_path, "manifest.json 缺少有效的格式版本")
    if version > PACKAGE_FORMAT_VERSION:
        raise _refuse(zip_path, f"材料包格式版本 {version} 比本程序支持的 {PACKAGE_FORMAT_VERSION}"
                                " 新，请升级程序")
    _check_plan(plan, zip_path, manifest.get("plan"))
    unit = manifest.get("unit")
    if unit not in {u.name for u in ledger.units()}:
        raise _refuse(zip_path, f"报送单位“{unit}”不在本方案的单位名单中")
    _parse_made_at(zip_path, manifest.get("made_at"))
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise _refuse(zip_path, "manifest.json 没有文件清单")
    listed = set()
    for entry in files:
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)
                and isinstance(entry.get("role"), str) and len(entry["sha256"]) == 64):
            raise _refuse(zip_path, "manifest.json 的文件清单格式不对")
        if entry["path"] in listed:
            raise _refuse(zip_path, f"manifest.json 重复列出 {entry['path']}")
        listed.add(entry["path"])
        if entry["path"] not in members:
            raise _refuse(zip_path, f"清单列出的文件 {entry['path']} 不在压缩包中")
        entry["sha256"] = entry["sha256"].lower()
    extra = sorted(set(members) - listed - {MANIFEST_NAME})
    if extra:
        raise _refuse(zip_path, f"压缩包中有清单未列出的文件 {extra[0]}")
    if sum(1 for e in files if e["role"] == ROLE_DATA and e["path"] == DATA_NAME) != 1:
        raise _refuse(zip_path, f"清单中缺少数据文件 {DATA_NAME}")
    return files


def _check_plan(plan, zip_path, identity) -> None:
    ours = plan_identity(plan)
    if not isinstance(identity, dict) or any(identity.get(k) != v for k, v in ours.items()):
        theirs = identity if isinstance(identity, dict) else {}
        raise _refuse(zip_path, f"材料包属于另一方案（{theirs.get('year', '?')}年《{theirs.get('title', '?')}》"
                                f"{theirs.get('doc_no', '')}），本台账的方案是{ours['year']}年《{ours['title']}》"
                                f"{ours['doc_no']}")


def _parse_made_at(zip_path, value) -> datetime:
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        raise _refuse(zip_path, f"制作时间“{value}”无效") from None
    return stamp if stamp.tzinfo else stamp.astimezone()


def _check_data(ledger, plan, zip_path, manifest: dict, data: dict, files: list[dict]) -> None:
    """data.json must be well-formed in every field the import writes: a package whose hashes
    are consistent can still be forged, and a wrong type must be refused, not crash."""
    if data.get("format") != DATA_FORMAT:
        raise _refuse(zip_path, f"{DATA_NAME} 不是 TaskLedger 单位数据")
    _check_plan(plan, zip_path, data.get("plan"))
    if data.get("unit") != manifest["unit"]:
        raise _refuse(zip_path, f"{DATA_NAME} 的单位与清单不一致")
    unit = manifest["unit"]
    reportable = {row.id: row.scope for row in ledger.measures(unit=unit)}
    evidence_files = {e["path"]: e["sha256"] for e in files if e["role"] == ROLE_EVIDENCE}
    measures = data.get("measures")
    if not isinstance(measures, list):
        raise _refuse(zip_path, f"{DATA_NAME} 缺少举措数据")

    def bad(code, what):
        return _refuse(zip_path, f"{DATA_NAME} 中举措 {code} 的{what}")

    def text(value, *, optional=False) -> bool:
        return isinstance(value, str) or (optional and value is None)

    def valid_date(value) -> bool:
        try:
            parse_date(value)
            return isinstance(value, str)
        except LedgerError:
            return False

    seen = set()
    for m in measures:
        code = m.get("id") if isinstance(m, dict) else None
        if not isinstance(code, str) or code not in reportable:
            raise _refuse(zip_path, f"{DATA_NAME} 中的举措“{code}”不是{unit}需填报的举措")
        if code in seen:
            raise bad(code, "数据重复")
        seen.add(code)
        if m.get("status") not in STATUSES:
            raise bad(code, f"状态“{m.get('status')}”无效")
        if m.get("status") == NOT_INVOLVED and reportable[code] != "relevant":
            raise bad(code, "状态不能为“不涉及”（不是“相关地市”举措）")
        if m.get("involved") not in (None, True, False):
            raise bad(code, "是否涉及不是真/假")
        if not (text(m.get("problems", "")) and text(m.get("next_steps", ""))):
            raise bad(code, "存在问题或下一步打算不是文本")
        if not text(m.get("updated_at"), optional=True):
            raise bad(code, "更新时间格式不对")
        for key in ("entries", "indicators", "evidence"):
            if not isinstance(m.get(key, []), list):
                raise bad(code, f"{key} 不是列表")
        for entry in m.get("entries", []):
            if not (isinstance(entry, dict) and text(entry.get("text")) and entry["text"].strip()
                    and text(entry.get("author", ""), optional=True)
                    and text(entry.get("created_at"), optional=True)
                    and text(entry.get("updated_at"), optional=True)):
                raise bad(code, "进展记录格式不对")
            if not valid_date(entry.get("date")):
                raise bad(code, f"进展日期“{entry.get('date')}”无效")
        for ind in m.get("indicators", []):
            value = ind.get("value") if isinstance(ind, dict) else "?"
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                      or value != value or value in (float("inf"), float("-inf"))):
                raise bad(code, f"指标完成值“{value}”不是数字")
        for ev in m.get("evidence", []):
            if not isinstance(ev, dict) or evidence_files.get(ev.get("path")) != ev.get("sha256"):
                where = ev.get("path") if isinstance(ev, dict) else ev
                raise bad(code, f"佐证材料与清单不符（{where}）")
            if not (text(ev.get("original_name")) and ev["original_name"].strip()
                    and isinstance(ev.get("size"), int) and not isinstance(ev.get("size"), bool)
                    and isinstance(ev.get("id", 0), int) and valid_date(ev.get("evidence_date"))
                    and text(ev.get("note", ""), optional=True)
                    and text(ev.get("added_at"), optional=True)
                    and text(ev.get("added_by", ""), optional=True)):
                raise bad(code, f"佐证材料信息不完整或格式不对（{ev.get('path')}）")


# ---- recording -----------------------------------------------------------------------------
def _record(ledger, plan, zip_path, package_sha, package_size, manifest, data, manifest_text):
    unit = manifest["unit"]
    db = ledger.db
    made = _parse_made_at(zip_path, manifest["made_at"])
    # The same package zipped again (other bytes, same manifest) is still the same package.
    same = db.execute("SELECT id, made_at FROM submissions WHERE plan_id = ? AND unit = ?"
                      " AND manifest = ?", [plan.id, unit, manifest_text]).fetchone()
    if same:
        return ImportResult(str(zip_path), unit, UNCHANGED, same[0], made_at=same[1])
    with dbmod.transaction(db):
        current = db.execute("SELECT id, made_at FROM submissions WHERE plan_id = ? AND unit = ?"
                             " AND superseded_by IS NULL", [plan.id, unit]).fetchone()
        older = current is not None and _parse_made_at(zip_path, current[1]) > made
        counts = data.get("counts") if isinstance(data.get("counts"), dict) else {}
        new_id = db.execute(
            "INSERT INTO submissions (plan_id, unit, package_sha256, package_name, package_size,"
            " made_at, imported_at, imported_by, superseded_by, format_version, program_version,"
            " counts, manifest, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [plan.id, unit, package_sha, zip_path.name, package_size, manifest["made_at"], _now(),
             ledger.user, current[0] if older else None, manifest["format_version"],
             str(manifest.get("program_version", "")), json.dumps(counts, ensure_ascii=False),
             manifest_text, json.dumps(data, ensure_ascii=False)]).lastrowid
        for entry in manifest["files"]:
            db.execute("INSERT INTO submission_files (submission_id, path, role, sha256, size)"
                       " VALUES (?,?,?,?,?)",
                       [new_id, entry["path"], entry["role"], entry["sha256"], entry["size"]])
        if not older:
            if current:
                db.execute("UPDATE submissions SET superseded_by = ? WHERE id = ?", [new_id, current[0]])
            _replace_unit_data(ledger, plan.id, unit, data, manifest)
        _audit(db, ledger.user, "import_package", unit,
               {"package": zip_path.name, "sha256": package_sha, "made_at": manifest["made_at"],
                "submission": new_id, "replaced": current[0] if current and not older else None,
                "older": older})
    return ImportResult(str(zip_path), unit, OLDER if older else IMPORTED, new_id,
                        made_at=manifest["made_at"],
                        replaced=current[0] if current and not older else None,
                        files=len(manifest["files"]))


def _replace_unit_data(ledger, plan_id: int, unit: str, data: dict, manifest: dict) -> None:
    db = ledger.db
    plan_measures = "SELECT id FROM measures WHERE plan_id = ?"
    db.execute(f"DELETE FROM entries WHERE unit = ? AND measure_id IN ({plan_measures})", [unit, plan_id])
    db.execute("DELETE FROM indicator_values WHERE unit = ? AND indicator_id IN (SELECT i.id FROM"
               " indicators i JOIN measures m ON m.id = i.measure_id WHERE m.plan_id = ?)",
               [unit, plan_id])
    db.execute(f"DELETE FROM reports WHERE unit = ? AND measure_id IN ({plan_measures})", [unit, plan_id])
    db.execute(f"DELETE FROM evidence_links WHERE measure_id IN ({plan_measures}) AND evidence_id IN"
               " (SELECT id FROM evidence WHERE unit = ?)", [plan_id, unit])
    db.execute("DELETE FROM evidence WHERE unit = ? AND NOT EXISTS (SELECT 1 FROM evidence_links"
               " el WHERE el.evidence_id = evidence.id)", [unit])

    measure_pk = {code: mid for mid, code in db.execute(
        "SELECT id, code FROM measures WHERE plan_id = ?", [plan_id]).fetchall()}
    indicator_pk: dict[str, list[int]] = {}
    for code, iid in db.execute("SELECT m.code, i.id FROM indicators i JOIN measures m ON"
                                " m.id = i.measure_id WHERE m.plan_id = ? ORDER BY m.id, i.seq",
                                [plan_id]).fetchall():
        indicator_pk.setdefault(code, []).append(iid)
    now = _now()
    evidence_rows: dict[str, tuple[dict, list[int]]] = {}
    for m in data["measures"]:
        mid = measure_pk[m["id"]]
        involved = m.get("involved")
        db.execute("INSERT INTO reports (measure_id, unit, status, involved, problems, next_steps,"
                   " updated_at) VALUES (?,?,?,?,?,?,?)",
                   [mid, unit, m["status"], None if involved is None else int(bool(involved)),
                    m.get("problems") or "", m.get("next_steps") or "", m.get("updated_at")])
        for e in m.get("entries", []):
            db.execute("INSERT INTO entries (measure_id, unit, date, author, text, created_at,"
                       " updated_at) VALUES (?,?,?,?,?,?,?)",
                       [mid, unit, parse_date(e["date"]), str(e.get("author") or ""), e["text"],
                        str(e.get("created_at") or now), str(e.get("updated_at") or now)])
        ids = indicator_pk.get(m["id"], [])
        for k, ind in enumerate(m.get("indicators", [])):
            if ind.get("value") is not None and k < len(ids):
                db.execute("INSERT INTO indicator_values (indicator_id, unit, value, updated_at)"
                           " VALUES (?,?,?,?)", [ids[k], unit, float(ind["value"]),
                                                 m.get("updated_at") or now])
        for ev in m.get("evidence", []):
            evidence_rows.setdefault(ev["sha256"], (ev, []))[1].append(mid)
    # Insert in the unit's own order (material date, then its record id) so that the
    # province numbers evidence exactly as the unit's package did.
    ordered = sorted(evidence_rows.values(),
                     key=lambda item: (str(item[0].get("evidence_date") or ""), int(item[0].get("id") or 0)))
    for ev, mids in ordered:
        evidence_id = db.execute(
            "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note, added_at,"
            " added_by) VALUES (?,?,?,?,?,?,?,?)",
            [unit, ev["sha256"], ev["original_name"], ev["size"],
             parse_date(ev.get("evidence_date")), str(ev.get("note") or ""),
             str(ev.get("added_at") or now), str(ev.get("added_by") or "")]).lastrowid
        for mid in mids:
            db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id, linked_at)"
                       " VALUES (?,?,?)", [evidence_id, mid, now])


# ---- reading -------------------------------------------------------------------------------
def submission_history(ledger, *, unit: str | None = None) -> list[SubmissionInfo]:
    """Every imported package of the current plan (optionally one unit's), newest import last."""
    sql = ("SELECT s.*, (SELECT count(*) FROM submission_files f WHERE f.submission_id = s.id)"
           " AS nfiles FROM submissions s WHERE plan_id = ?")
    params: list = [ledger.plan_id]
    if unit:
        sql += " AND unit = ?"
        params.append(unit)
    return [SubmissionInfo(id=r["id"], unit=r["unit"], package_name=r["package_name"],
                           package_sha256=r["package_sha256"], made_at=r["made_at"],
                           imported_at=r["imported_at"], superseded_by=r["superseded_by"],
                           counts=json.loads(r["counts"] or "{}"), files=r["nfiles"])
            for r in ledger.db.query(sql + " ORDER BY id", params)]


def submission_status(ledger) -> SubmissionStatus:
    """Which units of the plan have handed in (current package, when) and which have not."""
    plan = ledger.plan()
    history = submission_history(ledger)
    current = {s.unit: s for s in history if s.superseded_by is None}
    status = SubmissionStatus(plan_title=plan.title, deadline=plan.deadline)
    for unit in ledger.units():
        if unit.name in current:
            status.handed_in.append(current[unit.name])
            status.history[unit.name] = sum(1 for s in history if s.unit == unit.name) - 1
        elif unit.kind != "other":
            status.missing.append(unit.name)
    return status


def submission_files(ledger, submission_id: int) -> list[dict]:
    """The files of one submission: path, role, sha256, size and where the copy is stored."""
    return [dict(row, stored=str(ledger.evidence_path(row["sha256"]))) for row in ledger.db.query(
        "SELECT path, role, sha256, size FROM submission_files WHERE submission_id = ?"
        " ORDER BY rowid", [submission_id])]


def copy_submission_file(ledger, submission_id: int, member_path: str, dest_dir: Path) -> Path:
    """Copy one file of an imported package (e.g. its 完成情况表) out of the store into
    ``dest_dir`` under its name in the package, so it can be opened; returns the copy."""
    import shutil
    row = ledger.db.execute("SELECT sha256 FROM submission_files WHERE submission_id = ?"
                            " AND path = ?", [submission_id, member_path]).fetchone()
    if not row:
        raise LedgerError(f"报送记录 {submission_id} 中没有文件 {member_path}")
    source = ledger.evidence_path(row[0])
    if not source.is_file():
        raise LedgerError(f"文件 {member_path} 的存档副本已缺失（{source}）")
    dest = Path(dest_dir) / Path(member_path.replace("\\", "/")).name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return dest


def _file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def create_province_ledger(path: Path, *, user: str = "", plan: dict | None = None,
                           office: str | None = None):
    """A provincial ledger on ``plan`` (the built-in 2021 plan by default) with all its units.

    Its own name is the plan's issuer (e.g. 河南省知识产权局) unless ``office`` is given; it
    reports on nothing itself and receives the units' packages.
    """
    from .ledger import Ledger
    from .plan.definition import load_builtin_plan
    plan = plan if plan is not None else load_builtin_plan()
    office = (office or plan.get("issuer") or "省级主管部门").strip()
    return Ledger.create(path, unit=office, user=user, plan=plan, role=PROVINCE_ROLE)
