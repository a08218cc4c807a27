"""Checking a unit's submission package before anything is written.

A package is untrusted input. It must pass every check: a real zip; no absolute paths,
``..``, links, encrypted or duplicate members; no member over the size limit and no archive
that expands beyond the total limit (declared sizes are checked first, and bytes are counted
again while reading, because declared sizes can lie); manifest and data for this plan and a
unit of it; every file's size and SHA-256 as the manifest says; no file the manifest does not
list. Evidence files are staged in the evidence store under temporary names while they are
hashed; models.province.recording moves them into place and records the submission.
"""
from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import LedgerError
from ..fingerprint import content_fingerprint
from ..fsutil import LimitExceeded, copy_hashed
from ..handin import (DATA_FORMAT, DATA_NAME, MANIFEST_NAME, PACKAGE_FORMAT,
                      PACKAGE_FORMAT_VERSION, ROLE_DATA, ROLE_EVIDENCE, plan_identity)
from ..inputs import load_json
from ..ledger import REASON_MAX, parse_date
from ..status import NOT_INVOLVED, STATUSES

DEFAULT_MAX_MEMBER_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBERS = 20000
MAX_JSON_BYTES = 64 * 1024 * 1024


_DISK_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, getattr(errno, "EDQUOT", -1)}
# How far ahead of this PC's clock a package's made_at may be (clocks differ a little).
CLOCK_ALLOWANCE = timedelta(hours=2)


class PackageRefused(LedgerError):
    """A package that fails a check; nothing was changed."""


def refusal(package: Path, problem: str) -> PackageRefused:
    """The one-line refusal for ``package``: its name, the problem, and that nothing changed."""
    return PackageRefused(f"报送材料包 {Path(package).name} 未导入：{problem}；台账未改动")


def check_package(ledger, plan, zip_path, staged, max_member, max_total, progress, cancelled):
    """Check a package whole against ``plan``; return (manifest, data, manifest text).

    Evidence files are written to temporary files in the evidence store as they are hashed
    and appended to ``staged`` as (path, sha256): the caller moves or removes them. Returns
    None when ``cancelled()`` turned True; raises PackageRefused on the first failed check.
    """
    try:
        if not zipfile.is_zipfile(zip_path):
            raise refusal(zip_path, "不是 zip 压缩包（或文件不完整、已损坏）")
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise refusal(zip_path, f"不是有效的 zip 压缩包（{exc}）") from None
    with zf:
        members = _check_members(zip_path, zf, max_member, max_total)
        if MANIFEST_NAME not in members:
            raise refusal(zip_path, f"缺少清单文件 {MANIFEST_NAME}，不是 TaskLedger 报送材料包")
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
                raise refusal(zip_path, f"文件 {entry['path']} 与清单不符（大小或 SHA-256 校验失败，"
                                        "可能被改动或传输不完整）")
            if keep:
                data_bytes = content
            if progress:
                progress(index, total)
    if data_bytes is None:
        raise refusal(zip_path, f"缺少数据文件 {DATA_NAME}")
    data = _parse_json(zip_path, DATA_NAME, data_bytes)
    _check_data(ledger, plan, zip_path, manifest, data, files)
    _check_version(zip_path, manifest, data)
    return manifest, data, manifest_bytes.decode("utf-8")


MAX_VERSION = 100000


def _check_version(zip_path, manifest: dict, data: dict) -> None:
    """The version, fingerprint and changelog a package declares (packages made before
    they existed have none): well-formed, and the fingerprint that of the content."""
    version = manifest.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)
                                or not 1 <= version <= MAX_VERSION):
        raise refusal(zip_path, f"manifest.json 的版本号“{version}”无效")
    changelog = manifest.get("changelog")
    if changelog is not None and not (
            isinstance(changelog, list) and len(changelog) <= len(data["measures"]) + 1000
            and all(isinstance(c, dict) and isinstance(c.get("code"), str) for c in changelog)):
        raise refusal(zip_path, "manifest.json 的变更说明格式不对")
    declared = manifest.get("fingerprint")
    if declared is not None:
        actual = content_fingerprint(data)
        if declared != actual:
            raise refusal(zip_path, f"材料包声明的校验码“{str(declared)[:20]}”与其内容（{actual}）不符，"
                                    "内容可能被改动")


def _check_members(zip_path, zf: zipfile.ZipFile, max_member: int, max_total: int) -> dict:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refusal(zip_path, f"文件数 {len(infos)} 超过上限 {MAX_MEMBERS}")
    members, seen, declared = {}, set(), 0
    for info in infos:
        name = info.filename
        raw = info.orig_filename
        if "\x00" in raw or not name:
            raise refusal(zip_path, f"文件名“{raw!r}”无效")
        if raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":") or raw.startswith("//"):
            raise refusal(zip_path, f"含绝对路径“{raw}”")
        parts = raw.replace("\\", "/").split("/")
        if ".." in parts:
            raise refusal(zip_path, f"路径“{raw}”含“..”，可能写到目标文件夹之外")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise refusal(zip_path, f"“{raw}”是符号链接，报送材料包不应含链接")
        if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise refusal(zip_path, f"“{raw}”不是普通文件")
        if info.flag_bits & 0x1:
            raise refusal(zip_path, f"“{raw}”已加密，无法校验")
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            raise refusal(zip_path, f"文件名“{name}”重复出现")
        seen.add(key)
        if info.is_dir():
            continue
        if info.file_size > max_member:
            raise refusal(zip_path, f"文件 {name} 解压后 {info.file_size} 字节，超过单个文件上限"
                                    f" {max_member} 字节")
        declared += info.file_size
        if declared > max_total:
            raise refusal(zip_path, f"解压后总大小超过上限 {max_total} 字节（可能是压缩炸弹）")
        members[name] = info
    return members


def _read_member(zip_path, zf, info, limit: int, dest: Path | None):
    """(bytes or None, size, sha256) of a member, counting bytes as they come.

    With ``dest`` the member is written (and fsynced: it becomes a stored file) there;
    without, its bytes are returned (manifest and data.json, bounded by ``limit``).
    """
    held = io.BytesIO() if dest is None else None
    try:
        with zf.open(info) as src:
            sha, size = copy_hashed(src, dest if dest is not None else held,
                                    limit=min(limit, info.file_size), total=info.file_size)
    except LimitExceeded:
        raise refusal(zip_path, f"文件 {info.filename} 解压后超出声明大小或上限"
                                "（可能是压缩炸弹）") from None
    except OSError as exc:
        if exc.errno in _DISK_ERRNOS:
            # Our disk, not the package: a full or read-only disk is said to be one.
            from ..db import explain_error
            raise explain_error(exc) from None
        raise refusal(zip_path, f"读取 {info.filename} 时出错，压缩包已损坏或不完整（{exc}）") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise refusal(zip_path, f"读取 {info.filename} 时出错，压缩包已损坏或不完整（{exc}）") from None
    return (held.getvalue() if held is not None else None), size, sha


def _parse_json(zip_path, name: str, raw: bytes):
    try:
        value = load_json(raw, what=name, max_bytes=max(len(raw), 1))
    except LedgerError as exc:
        raise refusal(zip_path, str(exc)) from None
    if not isinstance(value, dict):
        raise refusal(zip_path, f"{name} 的内容格式不对")
    return value


def _check_manifest(ledger, plan, zip_path, manifest: dict, members: dict) -> list[dict]:
    if manifest.get("format") != PACKAGE_FORMAT:
        raise refusal(zip_path, "manifest.json 不是 TaskLedger 报送材料包的清单")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise refusal(zip_path, "manifest.json 缺少有效的格式版本")
    if version > PACKAGE_FORMAT_VERSION:
        raise refusal(zip_path, f"材料包格式版本 {version} 比本程序支持的 {PACKAGE_FORMAT_VERSION}"
                                " 新，请升级程序")
    _check_plan(plan, zip_path, manifest.get("plan"))
    unit = manifest.get("unit")
    if unit not in {u.name for u in ledger.units()}:
        raise refusal(zip_path, f"报送单位“{unit}”不在本方案的单位名单中")
    check_made_at(zip_path, manifest.get("made_at"))
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise refusal(zip_path, "manifest.json 没有文件清单")
    listed = set()
    for entry in files:
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)
                and isinstance(entry.get("role"), str) and len(entry["sha256"]) == 64):
            raise refusal(zip_path, "manifest.json 的文件清单格式不对")
        if entry["path"] in listed:
            raise refusal(zip_path, f"manifest.json 重复列出 {entry['path']}")
        listed.add(entry["path"])
        if entry["path"] not in members:
            raise refusal(zip_path, f"清单列出的文件 {entry['path']} 不在压缩包中")
        entry["sha256"] = entry["sha256"].lower()
    extra = sorted(set(members) - listed - {MANIFEST_NAME})
    if extra:
        raise refusal(zip_path, f"压缩包中有清单未列出的文件 {extra[0]}")
    if sum(1 for e in files if e["role"] == ROLE_DATA and e["path"] == DATA_NAME) != 1:
        raise refusal(zip_path, f"清单中缺少数据文件 {DATA_NAME}")
    if manifest.get("round") is not None:
        # A package made for a reporting round names it (models.rounds): one, well-formed.
        from ..rounds import checked_rounds
        try:
            if len(checked_rounds([manifest["round"]], source="manifest.json ")) != 1:
                raise LedgerError("报送轮次无效")
        except LedgerError as exc:
            raise refusal(zip_path, str(exc)) from None
    return files


def _check_plan(plan, zip_path, identity) -> None:
    ours = plan_identity(plan)
    if not isinstance(identity, dict) or any(identity.get(k) != v for k, v in ours.items()):
        theirs = identity if isinstance(identity, dict) else {}
        raise refusal(zip_path, f"材料包属于另一方案（{theirs.get('year', '?')}年《{theirs.get('title', '?')}》"
                                f"{theirs.get('doc_no', '')}），本台账的方案是{ours['year']}年《{ours['title']}》"
                                f"{ours['doc_no']}")


def parse_made_at(zip_path, value) -> datetime:
    """A package's ``made_at`` as an aware datetime, or PackageRefused if it is not one."""
    try:
        stamp = datetime.fromisoformat(str(value))
        if not 1990 <= stamp.year <= 2100:
            raise ValueError
        return stamp if stamp.tzinfo else stamp.astimezone()
    except (ValueError, OverflowError):
        raise refusal(zip_path, f"制作时间“{str(value)[:40]}”无效") from None


def check_made_at(zip_path, value, *, now: datetime | None = None) -> datetime:
    """``made_at`` of a package being imported: valid, and not later than now.

    A unit PC with its clock set ahead once made a package "from next year" that became
    current and filed every genuine later package as history. A small allowance covers
    clocks a few minutes apart and time zones.
    """
    made = parse_made_at(zip_path, value)
    now = now or datetime.now().astimezone()
    if made > now + CLOCK_ALLOWANCE:
        raise refusal(zip_path, f"制作时间 {made:%Y-%m-%d %H:%M} 晚于现在（{now:%Y-%m-%d %H:%M}）："
                                "报送单位电脑的时钟可能不对，请对方校准时间后重新导出材料包")
    return made


MAX_PACKAGE_MILESTONES = 50


def _check_time(m: dict, bad, code: str, valid_date, text) -> None:
    """The unit's own deadline, 完成进度 and milestones of one measure (issue 12; optional)."""
    if m.get("deadline_set") is not None and not valid_date(m.get("deadline_set")):
        raise bad(code, f"完成时限“{m.get('deadline_set')}”无效")
    progress = m.get("progress")
    if progress is not None and (isinstance(progress, bool) or not isinstance(progress, (int, float))
                                 or not 0 <= progress <= 100):
        raise bad(code, f"完成进度“{progress}”无效（应为 0–100）")
    steps = m.get("milestones", [])
    if len(steps) > MAX_PACKAGE_MILESTONES:
        raise bad(code, f"阶段节点过多（上限 {MAX_PACKAGE_MILESTONES} 个）")
    for step in steps:
        if not (isinstance(step, dict) and text(step.get("text")) and step["text"].strip()
                and len(step["text"]) <= 500 and valid_date(step.get("planned"))
                and (step.get("done") is None or valid_date(step.get("done")))):
            raise bad(code, "阶段节点格式不对")


def _check_data(ledger, plan, zip_path, manifest: dict, data: dict, files: list[dict]) -> None:
    """data.json must be well-formed in every field the import writes: a package whose hashes
    are consistent can still be forged, and a wrong type must be refused, not crash."""
    if data.get("format") != DATA_FORMAT:
        raise refusal(zip_path, f"{DATA_NAME} 不是 TaskLedger 单位数据")
    _check_plan(plan, zip_path, data.get("plan"))
    if data.get("unit") != manifest["unit"]:
        raise refusal(zip_path, f"{DATA_NAME} 的单位与清单不一致")
    unit = manifest["unit"]
    reportable = {row.code: row.scope for row in ledger.measures(unit=unit)}
    evidence_files = {e["path"]: e["sha256"] for e in files if e["role"] == ROLE_EVIDENCE}
    measures = data.get("measures")
    if not isinstance(measures, list):
        raise refusal(zip_path, f"{DATA_NAME} 缺少举措数据")

    def bad(code, what):
        return refusal(zip_path, f"{DATA_NAME} 中举措 {code} 的{what}")

    def text(value, *, optional=False) -> bool:
        return isinstance(value, str) or (optional and value is None)

    def stamp(value) -> bool:
        """A time of day written by the program (ISO), or nothing."""
        if value is None:
            return True
        if not isinstance(value, str) or len(value) > 40:
            return False
        try:
            return 1990 <= datetime.fromisoformat(value).year <= 2100
        except ValueError:
            return False

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
            raise refusal(zip_path, f"{DATA_NAME} 中的举措“{code}”不是{unit}需填报的举措")
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
        reason = m.get("not_involved_reason", "")
        if not text(reason) or len(reason) > REASON_MAX:
            raise bad(code, f"不涉及的理由不是文本或超过 {REASON_MAX} 字")
        if not stamp(m.get("updated_at")):
            raise bad(code, f"更新时间“{str(m.get('updated_at'))[:40]}”格式不对")
        for key in ("entries", "indicators", "evidence", "milestones"):
            if not isinstance(m.get(key, []), list):
                raise bad(code, f"{key} 不是列表")
        _check_time(m, bad, code, valid_date, text)
        for entry in m.get("entries", []):
            if not (isinstance(entry, dict) and text(entry.get("text")) and entry["text"].strip()
                    and text(entry.get("author", ""), optional=True)
                    and stamp(entry.get("created_at"))
                    and stamp(entry.get("updated_at"))):
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
