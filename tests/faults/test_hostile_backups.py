"""Backups: kept by the ledger's identity, never made of a damaged ledger, restored without
losing what the WAL held, and hostile backup files refused whole before anything is written."""
from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile

import pytest

from models import backup
from models.errors import DamagedLedger
from models.ledger import Ledger
from tests.faults.test_disk_and_damage import damage_an_index_page


def _ledger(path, unit="洛阳市", note=None):
    with Ledger.create(path, unit=unit, user="张三") as ledger:
        if note:
            ledger.record("4.1", note=note, date="2021-06-01")
    return path


def test_two_ledgers_of_one_name_keep_their_backups_apart(tmp_path):
    first = _ledger(tmp_path / "甲" / "taskledger.db", "洛阳市")
    second = _ledger(tmp_path / "乙" / "taskledger.db", "郑州市")
    assert backup.backups_dir(first) != backup.backups_dir(second)
    for _ in range(3):
        backup.backup_ledger(first)
    backup.backup_ledger(second)
    assert {b.unit for b in backup.list_backups(first)} == {"洛阳市"}
    assert [b.unit for b in backup.list_backups(second)] == ["郑州市"]
    from datetime import datetime, timedelta
    start = datetime(2021, 10, 1, 18, 0)
    for day in range(12):              # rotation of one never touches the other's
        with Ledger.open(second) as ledger:
            ledger.record("4.1", note=f"第{day}天", date="2021-06-01")
        backup.maybe_daily_backup(second, now=start + timedelta(days=day), keep=10)
    assert len(backup.list_backups(first)) == 3


def test_old_backups_in_the_name_keyed_folder_still_belong_to_their_ledger(tmp_path):
    ledger = _ledger(tmp_path / "taskledger.db")
    other = _ledger(tmp_path / "别处" / "taskledger.db", "郑州市")
    legacy = backup._legacy_dir(ledger)
    mine = backup.backup_ledger(ledger, legacy)
    theirs = backup.backup_ledger(other, legacy)
    for made in (mine, theirs):                 # as the old version wrote them: no identity
        _rewrite_manifest(made.path, lambda m: m.pop("ledger_id"))
    listed = [b.path for b in backup.list_backups(ledger)]
    assert mine.path in listed and theirs.path not in listed


def test_a_damaged_ledger_is_not_backed_up(ledger_path, capsys):
    from cli.main import run
    _ledger(ledger_path, note="进展")
    damage_an_index_page(ledger_path)
    with pytest.raises(DamagedLedger, match="已损坏"):
        backup.backup_ledger(ledger_path)
    assert run(["--db", str(ledger_path), "backup"]) == 2
    assert "已损坏" in capsys.readouterr().err
    assert backup.list_backups(ledger_path) == []


def test_a_crash_between_removing_the_wal_and_the_swap_loses_nothing(ledger_path, monkeypatch):
    """Committed changes still in the WAL are in the database file before the WAL goes."""
    import os
    _ledger(ledger_path)
    made = backup.backup_ledger(ledger_path)
    keeper = sqlite3.connect(str(ledger_path))         # keeps the WAL from being checkpointed
    keeper.execute("SELECT count(*) FROM meta").fetchone()
    with Ledger.open(ledger_path) as ledger:
        ledger.record("4.1", note="恢复前最后一条", date="2021-06-01")
    assert os.path.getsize(f"{ledger_path}-wal") > 0
    keeper.close()
    real_replace = os.replace

    def crash(src, dst, *a, **k):
        if str(dst) == str(ledger_path):
            raise OSError(5, "模拟：此刻断电")
        return real_replace(src, dst, *a, **k)
    monkeypatch.setattr(backup.os, "replace", crash)
    with pytest.raises(Exception):
        backup.restore_backup(made.path, ledger_path)
    monkeypatch.undo()
    with Ledger.open(ledger_path) as ledger:
        assert [e.text for e in ledger.measure("4.1").entries] == ["恢复前最后一条"]


def _rewrite_manifest(path, change, *, extra=()):
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in list(members.items()) + list(extra):
            zf.writestr(name, data)


@pytest.mark.parametrize("change, match", [
    (lambda m: m.update(format_version={"a": 1}), "format_version"),
    (lambda m: m.update(evidence="全部"), "evidence"),
    (lambda m: m.update(evidence=[1, 2]), "evidence"),
    (lambda m: m.update(db={"sha256": 5}), "db"),
    (lambda m: m.update(unit=["洛阳市"]), "unit"),
    (lambda m: m["db"].update(size="很大"), "db"),
])
def test_manifests_with_fields_of_the_wrong_type_are_refused(ledger_path, tmp_path, change, match):
    _ledger(ledger_path, note="原样")
    made = backup.backup_ledger(ledger_path, tmp_path / "备份", single_file=True)
    _rewrite_manifest(made.path, change)
    before = ledger_path.read_bytes()
    with pytest.raises(backup.BadBackup, match=match):
        backup.restore_backup(made.path, ledger_path)
    assert ledger_path.read_bytes() == before


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_backup_with_two_databases_is_refused(ledger_path, tmp_path):
    _ledger(ledger_path)
    other = _ledger(tmp_path / "郑州.db", "郑州市")
    made = backup.backup_ledger(ledger_path, tmp_path / "备份", single_file=True)
    _rewrite_manifest(made.path, lambda m: None,
                      extra=[("ledger.db", (tmp_path / "郑州.db").read_bytes())])
    with pytest.raises(backup.BadBackup, match="重名"):
        backup.check_backup(made.path)
    assert other.exists()


def _zip_with_a_gigabyte_of_zeros(path, name, others):
    """A zip whose member ``name`` inflates to 1 GiB of zeros, made in a fraction of a second.

    Deflating a gigabyte takes six seconds; after a full flush deflate's output for the same
    input repeats exactly, so one megabyte's output is compressed once and written 1024 times.
    """
    import zlib
    block = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.flush()
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(block, crc)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for other, data in others.items():
            zf.writestr(other, data)
        # written as stored bytes, then described as what they are: deflated, 1 GiB, this CRC
        info = zipfile.ZipInfo(name, date_time=(2021, 6, 1, 0, 0, 0))
        zf.writestr(info, chunk * 1024 + tail, compress_type=zipfile.ZIP_STORED)
        info.compress_type, info.file_size, info.CRC = zipfile.ZIP_DEFLATED, 1 << 30, crc
        with open(path, "r+b") as raw:              # the local header, as the central one
            raw.seek(info.header_offset)
            raw.write(info.FileHeader(zip64=False))


def test_a_bomb_member_is_refused_before_it_is_written_out(ledger_path, tmp_path):
    _ledger(ledger_path)
    made = backup.backup_ledger(ledger_path, tmp_path / "备份", single_file=True)
    with zipfile.ZipFile(made.path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    bomb = tmp_path / "炸弹.zip"
    _zip_with_a_gigabyte_of_zeros(bomb, "ledger.db", {"manifest.json": members["manifest.json"]})
    assert bomb.stat().st_size < 5 * 1024 * 1024
    with zipfile.ZipFile(bomb) as zf, zf.open("ledger.db") as member:   # a real bomb
        assert zf.getinfo("ledger.db").file_size == 1 << 30 and member.read(1 << 20) == bytes(1 << 20)
    with pytest.raises(backup.BadBackup, match="压缩炸弹|比清单记录的大"):
        backup.restore_backup(bomb, ledger_path)
    assert not list(tmp_path.glob(".ledger.db.restore-*"))


def test_a_partial_zip_is_not_listed_as_a_backup(ledger_path):
    _ledger(ledger_path)
    made = backup.backup_ledger(ledger_path)
    shutil.copy(made.path, made.path.with_name(".partial-abc.zip"))
    assert [b.path for b in backup.list_backups(ledger_path)] == [made.path]
