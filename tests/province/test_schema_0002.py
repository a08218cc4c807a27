"""Migration 0002 (submissions): a released v1 ledger upgrades, keeps its data, and can then
receive packages once it is a provincial ledger."""
from __future__ import annotations

import shutil
import sqlite3

from models.ledger import Ledger
from models.schema import LATEST_VERSION, MIGRATIONS
from tests.support import FIXTURES, dump_tables


def test_v1_ledger_upgrades_to_submissions(tmp_path):
    src = FIXTURES / "schema-v1"
    work = tmp_path / "v1"
    shutil.copytree(src, work)
    before = dump_tables(work / "ledger.db")
    assert [name for _, name, _ in MIGRATIONS][:2] == ["0001_initial", "0002_submissions"]
    with Ledger.open(work / "ledger.db") as ledger:
        version = ledger.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == LATEST_VERSION >= 2
        assert {"submissions", "submission_files"} <= set(ledger.db.table_names())
        assert ledger.db.execute("SELECT count(*) FROM submissions").fetchone()[0] == 0
    after = dump_tables(work / "ledger.db")
    for table, rows in before.items():
        if table == "reports":                     # renamed by 0003, scope values too
            table = "assignments"
        if table == "measures":
            rows = [r[:8] + ("issuer" if r[8] == "province" else r[8],) + r[9:] for r in rows]
        if table == "meta":                        # a later step adds the ledger's identity
            after[table] = [r for r in after[table] if r[0] != "ledger_id"]
        # Later steps add columns at the end: the old columns keep their values.
        width = len(rows[0]) if rows else 0
        assert [r[:width] for r in after[table]] == rows, table
    backups = list(work.glob("ledger.db.bak-v1-*"))
    assert backups
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        con.close()
