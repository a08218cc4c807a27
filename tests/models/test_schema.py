"""Schema versions: released files upgrade, newer files are refused untouched."""
from __future__ import annotations

import contextlib
import shutil
import sqlite3

import pytest

from models.errors import NotALedger, SchemaTooNew
from models.ledger import Ledger
from models.schema import APPLICATION_ID, LATEST_VERSION, RELEASED_VERSIONS
from tests.support import FIXTURES, dump_tables

RELEASED = sorted((p for p in FIXTURES.glob("schema-v*") if p.is_dir()),
                  key=lambda p: int(p.name.removeprefix("schema-v")))
# What a clerk recorded: these tables keep every row through any upgrade.
USER_TABLES = ("meta", "plans", "units", "sections", "tasks", "measures", "measure_units",
               "indicators", "assignments", "indicator_values", "entries", "evidence",
               "evidence_links", "audit")
# Tables a later step renamed: (name now, name in older files).
RENAMED = {"assignments": "reports"}


def _user_version(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def test_there_is_a_fixture_for_every_released_schema():
    """Each released version has its fixture (made with tools/make_schema_fixture.py on the
    commit that released it)."""
    have = {int(p.name.removeprefix("schema-v")) for p in RELEASED}
    missing = [v for v in RELEASED_VERSIONS if v not in have]
    assert max(RELEASED_VERSIONS) <= LATEST_VERSION
    assert not missing, f"no tests/fixtures/schema-vN for released schema version(s) {missing}"
    for folder in RELEASED:
        assert (folder / "ledger.db").is_file(), folder
        assert _user_version(folder / "ledger.db") == int(folder.name.removeprefix("schema-v"))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_released_ledger_upgrades_and_keeps_its_data(fixture, tmp_path):
    shutil.copytree(fixture, tmp_path / fixture.name)
    path = tmp_path / fixture.name / "ledger.db"
    old_version = _user_version(path)
    before = dump_tables(path)
    with Ledger.open(path) as ledger:
        assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        for table in USER_TABLES:
            count = ledger.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            old_name = table if table in before else RENAMED[table]
            # Migration 0009 gives a ledger from before it an identity (meta ledger_id).
            added = 1 if table == "meta" and all(k != "ledger_id" for k, _ in before["meta"]) else 0
            assert count == len(before[old_name]) + added, table
        for key, value in before["meta"]:
            assert ledger.setting(key) == value, key
        assert len(ledger.setting("ledger_id")) == 32
        assert ledger.search("评价材料已报送") == ["8.5"]   # an entry, found through the search index
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


def test_failed_migration_leaves_previous_version(tmp_path):
    shutil.copytree(RELEASED[0], tmp_path / "v")
    path = tmp_path / "v" / "ledger.db"
    broken = (LATEST_VERSION + 1, "9999_broken", "CREATE TABLE ok_table (x);\nCREATE TABLE meta (dup);")
    with _with_steps(broken), pytest.raises(NotALedger, match="升级数据结构失败"):
        Ledger.open(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ok_table'").fetchone()[0] == 0


# ---- Python steps: a test-only migration list after the real one --------------------------
@contextlib.contextmanager
def _with_steps(*steps):
    """While inside, the program's migrations are the real ones followed by ``steps``."""
    from models import db as dbmod, schema
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dbmod, "MIGRATIONS", schema.MIGRATIONS + list(steps))
        patch.setattr(dbmod, "LATEST_VERSION", steps[-1][0])
        yield


def _ledger_at_latest(tmp_path):
    """The newest fixture, upgraded by the real migrations (so only the test's steps remain)."""
    shutil.copytree(RELEASED[-1], tmp_path / "v")
    path = tmp_path / "v" / "ledger.db"
    Ledger.open(path).close()
    for backup in path.parent.glob("ledger.db.bak-v*"):
        backup.unlink()
    return path


def _sign_entries(db):
    """A data migration SQL does badly: rewrite every entry's text in Python."""
    for entry_id, author, text in db.execute("SELECT id, author, text FROM entries").fetchall():
        db.execute("UPDATE entries SET text = ? WHERE id = ?", [f"{text}（{author}录入）", entry_id])
    db["meta"].insert({"key": "entries_signed", "value": "yes"})   # sqlite-utils nests, too


def test_a_python_step_rewrites_data_in_its_version_transaction(tmp_path):
    path = _ledger_at_latest(tmp_path)
    texts = [t for (t,) in sqlite3.connect(path).execute("SELECT text FROM entries ORDER BY id")]
    with _with_steps((LATEST_VERSION + 1, "9001_sign_entries", _sign_entries)):
        with Ledger.open(path) as ledger:
            assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 1
        with Ledger.open(path) as ledger:   # opened again: the step does not run twice
            rows = ledger.db.execute("SELECT text FROM entries ORDER BY id").fetchall()
            assert [t for (t,) in rows] == [f"{t}（王五录入）" for t in texts]
            assert ledger.setting("entries_signed") == "yes"
            assert ledger.measure("8.5").entries[0].text == "洛阳市运营服务体系中期评价材料已报送（王五录入）"
            assert "8.5" in ledger.search("王五录入")    # the FTS triggers ran inside the step
    backups = list(path.parent.glob("ledger.db.bak-v*"))
    assert [_user_version(b) for b in backups] == [LATEST_VERSION]


def _fail_halfway(db):
    db.execute("UPDATE entries SET text = '已改写'")
    db.execute("DELETE FROM evidence_links")
    raise ValueError("第3条进展无法改写")


def _end_own_transaction(db):
    db.execute("UPDATE entries SET text = '已改写'")
    db.conn.executescript("DELETE FROM evidence_links;")   # executescript COMMITs first


@pytest.mark.parametrize("step, message", [(_fail_halfway, "第3条进展无法改写"),
                                           (_end_own_transaction, "试图自行提交")])
def test_a_failing_python_step_leaves_the_file_untouched(tmp_path, step, message):
    path = _ledger_at_latest(tmp_path)
    before_bytes, before_rows = path.read_bytes(), dump_tables(path)
    with _with_steps((LATEST_VERSION + 1, "9002_fails", step)):
        with pytest.raises(NotALedger, match=f"升级数据结构失败.*{message}.*文件保持原版本"):
            Ledger.open(path)
    assert path.read_bytes() == before_bytes
    assert dump_tables(path) == before_rows
    assert _user_version(path) == LATEST_VERSION
    # The program as shipped opens the file as if nothing had happened.
    with Ledger.open(path) as ledger:
        assert ledger.measure("8.5").entries[0].text == "洛阳市运营服务体系中期评价材料已报送"
        assert ledger.verify() == []


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


def test_0003_gives_one_name_per_thing_and_keeps_every_row(tmp_path):
    """reports → assignments, indicators.unit → quantity_unit, scope province → issuer: the
    measures table is rebuilt (a new CHECK list) without losing a row, a link or a trigger."""
    shutil.copytree(FIXTURES / "schema-v2", tmp_path / "v2")
    path = tmp_path / "v2" / "ledger.db"
    before = dump_tables(path)
    with Ledger.open(path) as ledger:
        db = ledger.db
        names = set(db.table_names())
        assert "assignments" in names and "reports" not in names
        assert "quantity_unit" in {c.name for c in db["indicators"].columns}
        scopes = dict(db.execute("SELECT scope, count(*) FROM measures GROUP BY scope").fetchall())
        assert "province" not in scopes
        assert scopes["issuer"] == sum(1 for row in before["measures"] if row[8] == "province")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Same ids: every child row still points at its measure.
        assert [r[:8] for r in db.execute("SELECT * FROM measures ORDER BY id")] == \
            [r[:8] for r in before["measures"]]
        assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == len(before["reports"])
        # The measures' search trigger survived the rebuild: a new plan's text is found.
        plan = ledger.plan()
        from models.plan.definition import load_builtin_plan
        newer = load_builtin_plan()
        newer["year"], newer["title"] = 2022, newer["title"].replace("2021", "2022")
        newer["sections"][0]["tasks"][0]["measures"][1]["text"] = "重建后新增的举措文字用于检索"
        ledger.add_plan(newer)
        assert ledger.search("重建后新增") == ["1.2"]
        assert plan.id != ledger.plan_id
        issuer = [m.code for m in ledger.plan().measures() if m.scope == "issuer"]
        assert "1.1" in issuer


def test_a_rebuild_outside_a_migration_is_refused(ledger):
    from models.schema import rebuild_table
    with pytest.raises(RuntimeError):
        rebuild_table(ledger.db, "meta", "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
