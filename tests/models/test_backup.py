"""Backups: a zip with the database, evidence in the shared store beside it (or inside the
zip, single-file); restore checks it whole or changes nothing. The shared store itself (ten
backups, rotation, the old format): test_backup_store.py."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models import backup, lock
from models.errors import Cancelled, LedgerError
from models.ledger import Ledger
from models.schema import LATEST_VERSION


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes): "byte for byte untouched"."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def filled(ledger, ledger_path, sample_file):
    ledger.record("8.5", status="推进中", note="召开专题会议", date="2021-06-18")
    ledger.attach("8.5", sample_file, note="纪要", date="2021-06-18")
    ledger.record("4.1", value=7)
    ledger.close()
    return ledger_path


def test_round_trip_brings_back_records_and_evidence(filled, tmp_path):
    info = backup.backup_ledger(filled)
    assert info.path.parent == backup.backups_dir(filled) and info.path.suffix == ".zip"
    assert info.kind == backup.MANUAL and info.unit == "洛阳市" and info.evidence_count == 1
    assert info.schema_version == LATEST_VERSION
    with zipfile.ZipFile(info.path) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert sorted(names) == ["ledger.db", "manifest.json"]     # the evidence is in the store
    assert manifest["program_version"] and manifest["db"]["sha256"]
    assert info.evidence_store == backup.store_dir(info.path.parent)
    sha = manifest["evidence"][0]["sha256"]
    assert (info.evidence_store / sha[:2] / sha).read_bytes() == b"%PDF-1.4\n% sample evidence\n"

    # Work goes on after the backup: a new entry, a new file.
    extra = tmp_path / "后来的文件.docx"
    extra.write_bytes(b"later evidence")
    with Ledger.open(filled) as ledger:
        ledger.record("8.5", status="已完成", note="后来的进展", date="2021-09-01")
        ledger.attach("8.5", extra)

    result = backup.restore_backup(info.path, filled)
    with Ledger.open(filled) as ledger:
        detail = ledger.measure("8.5")
        assert detail.row.status == "推进中"
        assert [e.text for e in detail.entries] == ["召开专题会议"]
        assert [e.original_name for e in detail.evidence] == ["会议纪要.pdf"]
        assert ledger.evidence_path(detail.evidence[0].sha256).read_bytes() == b"%PDF-1.4\n% sample evidence\n"
        assert ledger.verify() == []
        assert ledger.measure("4.1").indicators[0].value == 7

    # What was replaced is itself in a backup, complete with the later file.
    safety = result.safety_backup
    assert safety.name.startswith("ledger_before-restore_")
    elsewhere = tmp_path / "elsewhere" / "ledger.db"
    backup.restore_backup(safety, elsewhere)
    with Ledger.open(elsewhere) as ledger:
        detail = ledger.measure("8.5")
        assert detail.row.status == "已完成" and len(detail.entries) == 2
        assert sorted(e.original_name for e in detail.evidence) == ["会议纪要.pdf", "后来的文件.docx"]
        assert ledger.verify() == []
    assert not list(filled.parent.glob(".ledger.db.restore-*"))  # staging cleaned up


def test_backup_of_an_open_ledger_holds_its_latest_changes(ledger, ledger_path, tmp_path):
    ledger.record("8.5", status="推进中", note="还在 WAL 里的进展")
    info = backup.backup_ledger(ledger_path, tmp_path / "out")
    assert info.path.parent == tmp_path / "out"
    restored = tmp_path / "r" / "copy.db"
    backup.restore_backup(info.path, restored)
    with Ledger.open(restored) as copy:
        assert [e.text for e in copy.measure("8.5").entries] == ["还在 WAL 里的进展"]


def test_to_a_new_pc_restore_needs_no_existing_ledger(filled, tmp_path):
    info = backup.backup_ledger(filled, tmp_path / "usb")
    new_pc = tmp_path / "newpc" / "taskledger.db"
    result = backup.restore_backup(info.path, new_pc)
    assert result.safety_backup is None and result.evidence_added == 1
    with Ledger.open(new_pc) as ledger:
        assert ledger.unit == "洛阳市" and ledger.verify() == []


# ---- refusing bad backups ----------------------------------------------------------------------
def _rewrite(src: Path, dest: Path, *, replace: dict[str, bytes] | None = None,
             drop: tuple[str, ...] = (), fix_manifest: bool = True) -> Path:
    """Copy a backup zip, replacing/dropping members (CRCs stay valid: only hashes can tell)."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for name in zin.namelist():
            if name in drop or name == "manifest.json":
                continue
            data = replace.get(name, zin.read(name))
            zout.writestr(name, data)
            if fix_manifest and name == "ledger.db" and name in replace:
                manifest["db"]["sha256"] = hashlib.sha256(data).hexdigest()
                manifest["db"]["size"] = len(data)
        zout.writestr("manifest.json", json.dumps(manifest))
    return dest


def _db_with(src_zip: Path, tmp_path: Path, sql: str) -> bytes:
    work = tmp_path / "db-edit.db"
    with zipfile.ZipFile(src_zip) as zf:
        work.write_bytes(zf.read("ledger.db"))
    conn = sqlite3.connect(work)
    conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return work.read_bytes()


def _corrupt_page(data: bytes) -> bytes:
    # Scribble over the middle of the file, keeping the 100-byte header: the database still
    # opens, only a page-level check can find the damage.
    data = bytearray(data)
    page = int.from_bytes(data[16:18], "big") or 65536
    start = page * 3
    data[start:start + page] = b"\x5a" * page
    return bytes(data)


BAD_BACKUPS = {
    "truncated": lambda good, tmp: _write(tmp / "b.zip", good.read_bytes()[: good.stat().st_size // 2]),
    "not a zip": lambda good, tmp: _write(tmp / "b.zip", b"PK\x03\x04 this is not really a zip"),
    "flipped byte": lambda good, tmp: _write(tmp / "b.zip", _flip_inside(good)),
    "foreign zip": lambda good, tmp: _foreign_zip(tmp / "b.zip"),
    "db altered": lambda good, tmp: _rewrite(good, tmp / "b.zip", fix_manifest=False, replace={
        "ledger.db": _db_with(good, tmp, "UPDATE assignments SET status = '已完成'")}),
    "db not a ledger": lambda good, tmp: _rewrite(good, tmp / "b.zip", replace={
        "ledger.db": _db_with(good, tmp, "PRAGMA application_id = 1")}),
    "schema newer": lambda good, tmp: _rewrite(good, tmp / "b.zip", replace={
        "ledger.db": _db_with(good, tmp, f"PRAGMA user_version = {LATEST_VERSION + 1}")}),
    "db damaged": lambda good, tmp: _rewrite(good, tmp / "b.zip", replace={
        "ledger.db": _corrupt_page(_db_with(good, tmp, "SELECT 1"))}),
    "evidence altered": lambda good, tmp: _rewrite(good, tmp / "b.zip", replace={
        _evidence_member(good): b"not what was attached"}),
    "evidence missing": lambda good, tmp: _rewrite(good, tmp / "b.zip",
                                                   drop=(_evidence_member(good),)),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _flip_inside(good: Path) -> bytes:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("ledger.db")
    data[info.header_offset + 30 + len("ledger.db") + 200] ^= 0xFF
    return bytes(data)


def _foreign_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "holiday photos")
    return path


def _evidence_member(good: Path) -> str:
    with zipfile.ZipFile(good) as zf:
        return next(n for n in zf.namelist() if n.startswith("evidence/"))


@pytest.mark.parametrize("kind", sorted(BAD_BACKUPS))
def test_bad_backup_is_refused_and_the_ledger_untouched(kind, filled, tmp_path):
    # Single-file backups: every member can be damaged in place (the shared store's own
    # damage cases are in test_backup_store.py).
    good = backup.backup_ledger(filled, tmp_path / "good", single_file=True).path
    bad = BAD_BACKUPS[kind](good, tmp_path)
    before = _files(filled.parent)
    backups_before = _files(backup.backups_dir(filled)) if backup.backups_dir(filled).exists() else {}
    with pytest.raises(backup.BadBackup) as caught:
        backup.restore_backup(bad, filled)
    message = str(caught.value)
    assert str(bad) in message and "\n" not in message
    with pytest.raises(backup.BadBackup):
        backup.check_backup(bad)
    assert _files(filled.parent) == before
    assert not list(filled.parent.glob(".ledger.db.restore-*"))
    after = _files(backup.backups_dir(filled)) if backup.backups_dir(filled).exists() else {}
    assert after == backups_before  # refused before any safety backup was made
    # The good one still restores: the refusals were about the copies, not the checker.
    backup.restore_backup(good, filled)


def test_messages_say_what_is_wrong(filled, tmp_path):
    good = backup.backup_ledger(filled, tmp_path / "good", single_file=True).path
    expect = {"truncated": "截断", "foreign zip": "不是 TaskLedger 备份",
              "schema newer": "更新版本", "evidence altered": "SHA-256 不符",
              "evidence missing": "不完整", "db not a ledger": "不是 TaskLedger 台账",
              "db damaged": "损坏|完整性", "flipped byte": "损坏", "db altered": "SHA-256 不符"}
    for kind, words in expect.items():
        with pytest.raises(backup.BadBackup, match=words):
            backup.check_backup(BAD_BACKUPS[kind](good, tmp_path))


def test_restore_is_refused_while_another_program_has_the_ledger(filled, tmp_path):
    good = backup.backup_ledger(filled, tmp_path / "good").path
    before = _files(filled.parent)
    with lock.acquire(filled, program="窗口"):
        with pytest.raises(lock.LedgerLocked, match="窗口"):
            backup.restore_backup(good, filled)
    assert _files(filled.parent) == before


def test_the_window_restores_under_its_own_lock(filled, tmp_path):
    good = backup.backup_ledger(filled, tmp_path / "good").path
    with lock.acquire(filled, program="窗口") as held:
        backup.restore_backup(good, filled, lock=held)
        assert held.held and lock.holder(filled) == held.info


def test_missing_evidence_is_reported_and_the_backup_still_restores(filled, tmp_path):
    with Ledger.open(filled) as ledger:
        sha = ledger.evidence_for("8.5")[0].sha256
        ledger.evidence_path(sha).unlink()
    info = backup.backup_ledger(filled, tmp_path / "out")
    assert info.evidence_count == 0
    assert info.evidence_problems == [{"sha256": sha, "problem": "missing"}]
    target = tmp_path / "r" / "x.db"
    backup.restore_backup(info.path, target)
    with Ledger.open(target) as ledger:
        assert [p.problem for p in ledger.verify()] == ["missing"]


def test_backup_refuses_a_file_that_is_not_a_ledger(tmp_path):
    other = tmp_path / "notes.db"
    other.write_bytes(b"hello")
    with pytest.raises(LedgerError, match="不是台账文件"):
        backup.backup_ledger(other, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_cancelled_backup_leaves_nothing(filled, tmp_path):
    seen = []
    with pytest.raises(Cancelled):
        backup.backup_ledger(filled, tmp_path / "out", progress=lambda d, t: seen.append((d, t)),
                             cancelled=lambda: True)
    assert seen == [(1, 2)]
    assert list((tmp_path / "out").iterdir()) == []


# ---- progress and cancel while checking and restoring -------------------------------------------
class _CancelAt:
    """cancelled() that turns True on its ``at``-th call (never with at=None); counts calls."""

    def __init__(self, at=None):
        self.at, self.calls = at, 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.at is not None and self.calls >= self.at


def _dirs(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_dir())


def _monotone_to_the_end(seen):
    assert seen, "progress was never called"
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len({t for _, t in seen}) == 1 and seen[-1][0] == seen[-1][1]


@pytest.fixture
def two_ledgers(filled, tmp_path, sample_file):
    """A backup of ``filled`` (two evidence files) and another ledger to restore it over,
    whose store holds a damaged copy of one of the backup's files."""
    extra = tmp_path / "照片.jpg"
    extra.write_bytes(b"\xff\xd8 photo" * 1000)
    with Ledger.open(filled) as ledger:
        ledger.attach("4.1", extra)
        shas = [e.sha256 for e in ledger.evidence_for("4.1")]
    good = backup.backup_ledger(filled, tmp_path / "good").path
    target = tmp_path / "other" / "ledger.db"
    target.parent.mkdir()
    with Ledger.create(target, unit="郑州市", user="李四") as other:
        other.record("8.5", status="推进中", note="郑州的进展")
        other.attach("8.5", sample_file)
        damaged = other.evidence_path(shas[0])
        damaged.parent.mkdir(parents=True, exist_ok=True)
        damaged.write_bytes(b"bit rot")
    return good, target


def test_check_reports_bytes_and_a_cancel_stops_it(filled, tmp_path):
    good = backup.backup_ledger(filled, tmp_path / "good").path
    seen = []
    backup.check_backup(good, progress=lambda d, t: seen.append((d, t)))
    _monotone_to_the_end(seen)
    with zipfile.ZipFile(good) as zf:
        assert seen[-1][1] > 2 * zf.getinfo("ledger.db").file_size   # bytes, not files
    counting = _CancelAt()
    backup.check_backup(good, cancelled=counting)
    before = _files(filled.parent)
    for at in range(1, counting.calls + 1):
        with pytest.raises(Cancelled):
            backup.check_backup(good, cancelled=_CancelAt(at))
    assert _files(filled.parent) == before


def test_restore_reports_progress_to_the_end(two_ledgers):
    good, target = two_ledgers
    seen = []
    result = backup.restore_backup(good, target, progress=lambda d, t: seen.append((d, t)))
    _monotone_to_the_end(seen)
    assert seen[-1] == (1000, 1000)
    assert result.evidence_added == 1          # the photo, over its damaged copy
    with Ledger.open(target) as ledger:
        assert ledger.unit == "洛阳市" and ledger.verify() == []


def test_a_cancel_at_any_moment_before_the_swap_changes_nothing(two_ledgers):
    good, target = two_ledgers
    folder = target.parent
    backups = backup.backups_dir(target)
    counting = _CancelAt()
    probe = folder.parent / "probe" / "ledger.db"          # how many chances to cancel
    probe.parent.mkdir()
    for file in folder.rglob("*"):
        if file.is_file():
            (probe.parent / file.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            (probe.parent / file.relative_to(folder)).write_bytes(file.read_bytes())
    backup.restore_backup(good, probe, cancelled=counting)
    assert counting.calls > 5
    before, backups_before = _files(folder), _files(backups) if backups.exists() else {}
    dirs_before = _dirs(folder)
    for at in range(1, counting.calls + 1):
        with pytest.raises(Cancelled, match="已取消恢复"):
            backup.restore_backup(good, target, cancelled=_CancelAt(at))
        assert _files(folder) == before, f"cancelled at call {at}"
        assert (_files(backups) if backups.exists() else {}) == backups_before
        assert not list(folder.glob(".ledger.db.restore-*"))
        assert _dirs(folder) == dirs_before
    # Past the last chance the restore completes.
    backup.restore_backup(good, target, cancelled=_CancelAt(counting.calls + 1))
    with Ledger.open(target) as ledger:
        assert ledger.unit == "洛阳市" and ledger.verify() == []


# ---- the daily backup --------------------------------------------------------------------------
def test_daily_backup_once_a_day_keeping_the_last_ten(filled):
    folder = backup.backups_dir(filled)
    manual = backup.backup_ledger(filled)   # the user's own backup is never rotated away
    day1 = datetime(2021, 10, 1, 17, 30)
    made = []
    for n in range(12):
        now = day1 + timedelta(days=n)
        with Ledger.open(filled) as ledger:   # a day's work
            ledger.record("8.5", note=f"第{n + 1}天的进展", date="2021-10-01")
        first = backup.maybe_daily_backup(filled, now=now)
        assert first is not None and first.kind == backup.AUTO
        assert backup.maybe_daily_backup(filled, now=now + timedelta(hours=3)) is None
        made.append(first.path)
    autos = sorted(folder.glob("ledger_auto_*.zip"))
    assert autos == made[2:] and len(autos) == 10
    assert manual.path.exists()
    listed = backup.list_backups(filled)
    auto_listed = [b for b in listed if b.kind == backup.AUTO]
    assert len(auto_listed) == 10 and len(listed) == 11
    assert auto_listed[-1].created_at == (day1 + timedelta(days=11)).isoformat(timespec="seconds")
    for path in autos[-1:]:
        assert backup.check_backup(path).evidence_count == 1


def test_no_daily_backup_when_nothing_changed(filled):
    day1 = datetime(2021, 10, 1, 17, 30)
    assert backup.maybe_daily_backup(filled, now=day1) is not None
    assert backup.maybe_daily_backup(filled, now=day1 + timedelta(days=1)) is None
    with Ledger.open(filled) as ledger:
        ledger.record("8.5", note="又有进展", date="2021-10-03")
    made = backup.maybe_daily_backup(filled, now=day1 + timedelta(days=2))
    assert made is not None
    assert len(list(backup.backups_dir(filled).glob("ledger_auto_*.zip"))) == 2
    restored = filled.parent / "check" / "c.db"
    backup.restore_backup(made.path, restored)
    with Ledger.open(restored) as ledger:
        assert ledger.measure("8.5").entries[-1].text == "又有进展"


def test_daily_backup_without_a_ledger_does_nothing(tmp_path):
    assert backup.maybe_daily_backup(tmp_path / "none.db") is None


def test_province_ledger_backup_keeps_the_imported_packages_files(tmp_path, city_template):
    from models.evidence_store import evidence_dir_for
    from models.province.recording import create_province_ledger, import_package
    path = tmp_path / "prov" / "province.db"
    with create_province_ledger(path, user="省局王五") as province:
        import_package(province, city_template.package)
        expected = {row[0] for row in province.db.execute(
            "SELECT sha256 FROM submission_files WHERE role != 'data'")}
    assert expected
    info = backup.backup_ledger(path, tmp_path / "b")
    assert info.evidence_problems == []
    inside = {p.name for p in info.evidence_store.rglob("*") if p.is_file()}
    assert expected <= inside
    # Restored on another PC, every file of the hand-in is there and intact.
    target = tmp_path / "newpc" / "province.db"
    backup.restore_backup(info.path, target)
    store = evidence_dir_for(target)
    for sha in expected:
        assert hashlib.sha256((store / sha[:2] / sha).read_bytes()).hexdigest() == sha


def test_backup_of_an_older_schema_restores_and_upgrades(tmp_path):
    import shutil

    from models.db import read_schema_version
    from tests.support import FIXTURES
    old = tmp_path / "old" / "ledger.db"
    shutil.copytree(FIXTURES / "schema-v1", old.parent)
    assert read_schema_version(old) == 1
    info = backup.backup_ledger(old, tmp_path / "b")
    assert info.schema_version == 1
    assert read_schema_version(old) == 1   # a backup never upgrades what it copies
    target = tmp_path / "new" / "ledger.db"
    backup.restore_backup(info.path, target)
    with Ledger.open(target) as ledger:
        assert ledger.verify() == []
    assert read_schema_version(target) == LATEST_VERSION
