"""Backups that share evidence (issue 14): each file stored once beside the backups, checked
on every backup and restore; rotation keeps what a kept backup needs; old backups restore."""
from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models import backup, lock
from models.errors import Cancelled, LedgerError
from models.ledger import Ledger
from tests.support import FIXTURES, dump_tables


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _evidence(path: Path, n: int, size: int = 64 * 1024) -> Path:
    path.write_bytes(hashlib.sha256(str(n).encode()).digest() * (size // 32))
    return path


@pytest.fixture
def photos(ledger, ledger_path, tmp_path):
    """A ledger with five evidence files of 64 KB (closed)."""
    for n in range(5):
        ledger.attach("8.5", _evidence(tmp_path / f"照片{n}.jpg", n), date="2021-06-01")
    ledger.close()
    return ledger_path


def _store_shas(folder: Path) -> set[str]:
    root = backup.store_dir(folder)
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_ten_backups_store_each_file_once_and_restore_byte_identical(photos, tmp_path):
    folder = tmp_path / "backups"
    made = []
    for day in range(10):
        with Ledger.open(photos) as ledger:
            ledger.record("8.5", note=f"第{day + 1}天", date="2021-06-02")
            if day == 5:
                ledger.attach("8.5", _evidence(tmp_path / "新照片.jpg", 99), date="2021-06-06")
        made.append(backup.backup_ledger(photos, folder, now=datetime(2021, 10, 1 + day, 18)))
    evidence_bytes = 6 * 64 * 1024
    store_bytes = sum(len(b) for n, b in _files(backup.store_dir(folder)).items())
    zips = sum(info.path.stat().st_size for info in made)
    assert store_bytes == evidence_bytes                     # each file once
    assert zips < evidence_bytes                             # ten databases weigh less than it
    assert [m.evidence_count for m in made] == [5] * 5 + [6] * 5
    assert made[0].evidence_size == 5 * 64 * 1024
    assert made[5].added_to_store and not made[6].added_to_store
    # Each restores to its own day, byte for byte.
    for day in (0, 9):
        target = tmp_path / f"restored{day}" / "ledger.db"
        backup.restore_backup(made[day].path, target)
        with Ledger.open(target) as ledger:
            assert ledger.measure("8.5").entries[-1].text == f"第{day + 1}天"
            assert ledger.verify() == []
            for item in ledger.evidence_for("8.5"):
                original = tmp_path / item.original_name
                assert ledger.evidence_path(item.sha256).read_bytes() == original.read_bytes()


def test_a_damaged_stored_copy_is_found_and_replaced_by_the_next_backup(photos, tmp_path):
    folder = tmp_path / "b"
    first = backup.backup_ledger(photos, folder)
    victim = next(backup.store_dir(folder).rglob("*/*"))
    good = victim.read_bytes()
    victim.write_bytes(b"bit rot")
    with pytest.raises(backup.BadBackup, match="SHA-256 不符"):
        backup.check_backup(first.path)
    second = backup.backup_ledger(photos, folder)
    assert victim.read_bytes() == good
    assert backup.check_backup(first.path).evidence_count == 5     # healed for both
    assert backup.check_backup(second.path).evidence_count == 5


@pytest.mark.parametrize("damage", ["altered", "missing", "no store", "store name"])
def test_a_restore_checks_every_stored_file(photos, tmp_path, damage):
    folder = tmp_path / "b"
    made = backup.backup_ledger(photos, folder).path
    store = backup.store_dir(folder)
    victim = next(store.rglob("*/*"))
    if damage == "altered":
        victim.write_bytes(victim.read_bytes()[:-1] + b"x")
        words = "SHA-256 不符"
    elif damage == "missing":
        victim.unlink()
        words = "不完整"
    elif damage == "no store":
        shutil.rmtree(store)
        words = "放在同一个文件夹"
    else:
        with zipfile.ZipFile(made) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            data = zf.read("ledger.db")
        manifest["evidence_store"] = "../../elsewhere"
        made = tmp_path / "b" / "hostile.zip"
        with zipfile.ZipFile(made, "w") as zf:
            zf.writestr("ledger.db", data)
            zf.writestr("manifest.json", json.dumps(manifest))
        words = "名称无效"
    target = tmp_path / "t" / "ledger.db"
    shutil.copytree(photos.parent, target.parent, ignore=shutil.ignore_patterns("b", "t"))
    target_before = _files(target.parent)
    with pytest.raises(backup.BadBackup, match=words) as caught:
        backup.restore_backup(made, target)
    assert str(made) in str(caught.value) and "\n" not in str(caught.value)
    assert _files(target.parent) == target_before


def test_rotation_never_deletes_what_a_kept_backup_needs(photos, tmp_path):
    folder = backup.backups_dir(photos)
    manual = backup.backup_ledger(photos)               # names the five photos, never rotated
    with Ledger.open(photos) as ledger:
        for item in ledger.evidence_for("8.5"):
            ledger.unlink_evidence(item.id, "8.5")
        ledger.purge_evidence()
    day1 = datetime(2021, 10, 1, 17, 30)
    for n in range(13):
        with Ledger.open(photos) as ledger:
            if n in (0, 1):
                # Files named only by the first two daily backups: they go with them.
                ledger.attach("4.1", _evidence(photos.parent / f"第{n}天.pdf", 100 + n))
            ledger.record("8.5", note=f"第{n + 1}天", date="2021-10-01")
        assert backup.maybe_daily_backup(photos, now=day1 + timedelta(days=n)) is not None
        kept = backup.list_backups(photos)
        needed = set()
        for info in kept:
            assert backup.check_backup(info.path)           # every kept backup restores
            with zipfile.ZipFile(info.path) as zf:
                needed |= {e["sha256"] for e in json.loads(zf.read("manifest.json"))["evidence"]}
        assert _store_shas(folder) == needed
    assert manual.path.exists() and len(needed) == 5 + 2
    # The day-0 file is still there while backups of days 2… name it (it stayed linked).
    with Ledger.open(photos) as ledger:
        for item in ledger.evidence_for("4.1"):
            ledger.unlink_evidence(item.id, "4.1")
    manual.path.unlink()
    assert backup.prune_backup_store(folder) == 5      # the manual backup's five photos went


def test_prune_waits_for_a_backup_and_keeps_all_when_a_backup_is_unreadable(photos, tmp_path):
    folder = tmp_path / "b"
    made = backup.backup_ledger(photos, folder)
    orphan = backup.store_dir(folder) / "ab" / ("ab" + "0" * 62)
    clerks_own = backup.store_dir(folder) / "我的笔记.txt"
    orphan.parent.mkdir()
    orphan.write_bytes(b"named by no backup")
    clerks_own.write_bytes(b"not ours to delete")
    with lock.acquire(backup.store_dir(folder), program="备份"):
        assert backup.prune_backup_store(folder) == 0       # a backup is writing: not now
    (folder / "坏的备份.zip").write_bytes(b"PK\x03\x04 truncated")
    assert backup.prune_backup_store(folder) == 0           # what it needs is unknown
    (folder / "坏的备份.zip").unlink()
    (folder / "假期照片.zip").write_bytes(_zip_of({"a.jpg": b"photo"}))   # not a backup
    assert backup.prune_backup_store(folder) == 1
    assert not orphan.exists() and backup.check_backup(made.path).evidence_count == 5
    assert clerks_own.exists()


def _zip_of(members: dict[str, bytes]) -> bytes:
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_a_second_backup_waits_for_the_first(photos, tmp_path, monkeypatch):
    folder = tmp_path / "b"
    monkeypatch.setattr(backup, "STORE_LOCK_WAIT_SECONDS", 0.3)
    folder.mkdir()
    with lock.acquire(backup.store_dir(folder), program="备份"):
        with pytest.raises(LedgerError, match="正被另一个备份使用"):
            backup.backup_ledger(photos, folder)
        with pytest.raises(Cancelled):
            backup.backup_ledger(photos, folder, cancelled=lambda: True)
    assert [p.name for p in folder.iterdir()] == []
    assert backup.backup_ledger(photos, folder).evidence_count == 5
    assert sorted(p.name for p in folder.iterdir())[1:] == [backup.STORE_NAME]   # no lock left


def test_a_cancelled_backup_takes_out_the_files_it_added(photos, tmp_path):
    folder = tmp_path / "b"
    backup.backup_ledger(photos, folder)
    before = _files(folder)
    with Ledger.open(photos) as ledger:
        ledger.attach("8.5", _evidence(tmp_path / "新.jpg", 50))
        ledger.attach("8.5", _evidence(tmp_path / "新2.jpg", 51))
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 8          # after the new files went into the store
    with pytest.raises(Cancelled):
        backup.backup_ledger(photos, folder, cancelled=cancel_late)
    assert _files(folder) == before


def test_a_single_file_backup_carries_everything_in_the_zip(photos, tmp_path):
    info = backup.backup_ledger(photos, tmp_path / "usb", single_file=True)
    assert info.evidence_store is None and not backup.store_dir(tmp_path / "usb").exists()
    with zipfile.ZipFile(info.path) as zf:
        assert json.loads(zf.read("manifest.json"))["format_version"] == 1
        assert sum(n.startswith("evidence/") for n in zf.namelist()) == 5
    moved = tmp_path / "elsewhere" / info.path.name
    moved.parent.mkdir()
    shutil.move(info.path, moved)
    target = tmp_path / "newpc" / "ledger.db"
    backup.restore_backup(moved, target)
    with Ledger.open(target) as ledger:
        assert len(ledger.evidence_for("8.5")) == 5 and ledger.verify() == []


def test_a_backup_made_before_the_shared_store_still_restores(tmp_path):
    old = FIXTURES / "backup-format1" / "ledger_manual_20211015-093000.zip"
    copy = tmp_path / "old" / old.name
    copy.parent.mkdir()
    shutil.copy2(old, copy)
    info = backup.check_backup(copy)
    assert info.evidence_count == 2 and info.evidence_store is None
    target = tmp_path / "restored" / "ledger.db"
    result = backup.restore_backup(copy, target)
    assert result.evidence_added == 2
    with Ledger.open(target) as ledger:
        assert ledger.verify() == []
        assert [e.text for e in ledger.measure("8.5").entries] == ["召开专题会议"]
        assert sorted(e.original_name for e in ledger.evidence_for()) == sorted(
            ["现场照片.jpg", "会议纪要.pdf"])
    # Rotation in a folder holding it keeps its evidence inside it and reads it fine.
    assert backup.prune_backup_store(copy.parent) == 0
    assert dump_tables(target)
