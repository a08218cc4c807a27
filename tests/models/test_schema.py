"""Schema versions: released files upgrade, newer files are refused untouched."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from models.errors import NotALedger, SchemaTooNew
from models.ledger import Ledger
from models.schema import APPLICATION_ID, LATEST_VERSION
from tests.support import FIXTURES

RELEASED = sorted(p for p in FIXTURES.glob("schema-v*") if p.is_dir())


def test_there_is_a_fixture_for_every_released_schema():
    assert RELEASED, "tests/fixtures/schema-vN/ledger.db must exist for each released schema"
    assert RELEASED[0].name == "schema-v1"


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_released_ledger_upgrades_and_keeps_its_data(fixture, tmp_path):
    shutil.copytree(fixture, tmp_path / fixture.name)
    path = tmp_path / fixture.name / "ledger.db"
    old_version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    with Ledger.open(path) as ledger:
        assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        detail = ledger.measure("8.5")
        assert detail.row.status == "推进中"
        assert detail.entries[0].text == "洛阳市运营服务体系中期评价材料已报送"
        assert detail.evidence[0].original_name == "纪要.txt"
        assert ledger.measure("4.1").indicators[0].value == 3
        assert ledger.measure("2.2").row.status == "不涉及"
        assert ledger.verify() == []
    backups = list(path.parent.glob("ledger.db.bak-v*"))
    if old_version < LATEST_VERSION:
        assert len(backups) == 1
        assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == old_version
    else:
        assert backups == []


def test_newer_ledger_is_refused_byte_for_byte(ledger_path):
    Ledger.create(ledger_path, unit="洛阳市").close()
    con = sqlite3.connect(ledger_path)
    con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    before = ledger_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        Ledger.open(ledger_path)
    assert ledger_path.read_bytes() == before
    assert not ledger_path.with_name(ledger_path.name + "-wal").exists()


def test_other_files_are_not_ledgers(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(NotALedger, match="不是台账文件"):
        Ledger.open(text)
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    before = foreign.read_bytes()
    with pytest.raises(NotALedger, match="不是 TaskLedger"):
        Ledger.open(foreign)
    assert foreign.read_bytes() == before


def test_new_ledger_settings(ledger):
    assert ledger.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert ledger.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ledger.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    from models import schema, db as dbmod
    shutil.copytree(RELEASED[0], tmp_path / "v")
    path = tmp_path / "v" / "ledger.db"
    broken = schema.MIGRATIONS + [(LATEST_VERSION + 1, "9999_broken",
                                   "CREATE TABLE ok_table (x);\nCREATE TABLE meta (dup);")]
    monkeypatch.setattr(dbmod, "MIGRATIONS", broken)
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(NotALedger, match="升级数据结构失败"):
        Ledger.open(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ok_table'").fetchone()[0] == 0


def test_a_ledger_open_elsewhere_can_be_opened_again(ledger, ledger_path):
    """Its header may still sit in the WAL while the first connection is open."""
    ledger.record("8.5", status="推进中")
    with Ledger.open(ledger_path) as second:
        assert second.measure("8.5").row.status == "推进中"
        assert second.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_version_is_read_from_an_uncheckpointed_wal(ledger_path):
    from models.db import read_schema_version
    first = Ledger.create(ledger_path, unit="洛阳市")
    first.db.execute("PRAGMA wal_autocheckpoint = 0")
    first.db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    try:
        assert read_schema_version(ledger_path) == LATEST_VERSION + 1
        with pytest.raises(SchemaTooNew):
            Ledger.open(ledger_path)
    finally:
        first.close()
