"""Ordered schema migrations. PRAGMA user_version holds the number of the last one applied.

A step is SQL text, or a Python callable ``step(db)`` when SQL alone cannot do it (re-parse
stored text, derive new rows from old ones) — calibre's ``db/schema_upgrades.py`` idea. Either
kind runs inside the same BEGIN IMMEDIATE…COMMIT as its version bump (models/db.py, migrate),
so a step that fails leaves the file at the previous version. A Python step changes data with
``db.execute`` or sqlite-utils' table methods (inside a transaction they nest as savepoints)
and never ends the transaction itself: COMMIT, ROLLBACK and BEGIN (``executescript``,
``conn.commit()``) are refused while it runs; raising an exception is how a step gives up.

Append new steps; never edit a released one (tests/fixtures keeps a file of each released
schema and checks that it upgrades; tools/make_schema_fixture.py writes the file).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Union

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x544C4447  # "TLDG": marks a SQLite file as a TaskLedger ledger

_0001_INITIAL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    doc_no TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL,
    recipient TEXT NOT NULL DEFAULT '',
    annex_title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE units (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('city', 'zone', 'county', 'other')),
    seq INTEGER NOT NULL,
    PRIMARY KEY (plan_id, name)
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    title TEXT NOT NULL
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (plan_id, no)
);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    responsibility_raw TEXT NOT NULL,
    responsibility TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('province', 'all', 'relevant', 'named')),
    deadline TEXT,
    UNIQUE (plan_id, code)
);

CREATE TABLE measure_units (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    PRIMARY KEY (measure_id, unit)
);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    raw TEXT NOT NULL,
    min REAL NOT NULL,
    max REAL,
    unit TEXT NOT NULL,
    comparator TEXT NOT NULL
);

CREATE TABLE reports (
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '未启动'
        CHECK (status IN ('未启动', '推进中', '已完成', '不涉及')),
    involved INTEGER,
    problems TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    PRIMARY KEY (measure_id, unit)
);

CREATE TABLE indicator_values (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    value REAL NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (indicator_id, unit)
);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    date TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entries_measure ON entries (measure_id, unit, date);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    evidence_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_sha ON evidence (sha256);

CREATE TABLE evidence_links (
    evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (evidence_id, measure_id)
);
CREATE INDEX evidence_links_measure ON evidence_links (measure_id);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'
);
-- The audit trail is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;

-- Full-text search over what a clerk looks for: measure text, progress entries, evidence
-- names. trigram matches any substring of 3+ characters, which suits Chinese (no spaces).
CREATE VIRTUAL TABLE search_fts USING fts5 (
    kind UNINDEXED, ref UNINDEXED, measure_id UNINDEXED, body, tokenize = 'trigram'
);
CREATE TRIGGER measures_fts_ai AFTER INSERT ON measures BEGIN
    INSERT INTO search_fts (kind, ref, measure_id, body) VALUES ('measure', new.id, new.id, new.text);
END;
CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN
    INSERT INTO search_fts (kind, ref, measure_id, body) VALUES ('entry', new.id, new.measure_id, new.text);
END;
CREATE TRIGGER entries_fts_au AFTER UPDATE OF text ON entries BEGIN
    UPDATE search_fts SET body = new.text WHERE kind = 'entry' AND ref = new.id;
END;
CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN
    DELETE FROM search_fts WHERE kind = 'entry' AND ref = old.id;
END;
CREATE TRIGGER links_fts_ai AFTER INSERT ON evidence_links BEGIN
    INSERT INTO search_fts (kind, ref, measure_id, body)
        SELECT 'evidence', new.evidence_id, new.measure_id, original_name || ' ' || note
        FROM evidence WHERE id = new.evidence_id;
END;
CREATE TRIGGER links_fts_ad AFTER DELETE ON evidence_links BEGIN
    DELETE FROM search_fts WHERE kind = 'evidence' AND ref = old.evidence_id
        AND measure_id = old.measure_id;
END;
"""

# The province's record of hand-ins: every package imported stays here (history); the unit's
# current data in reports/entries/evidence comes from the one not superseded.
_0002_SUBMISSIONS = """
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    package_sha256 TEXT NOT NULL,
    package_name TEXT NOT NULL,
    package_size INTEGER NOT NULL,
    made_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    superseded_by INTEGER REFERENCES submissions(id),
    format_version INTEGER NOT NULL,
    program_version TEXT NOT NULL DEFAULT '',
    counts TEXT NOT NULL DEFAULT '{}',
    manifest TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (plan_id, package_sha256)
);
CREATE INDEX submissions_unit ON submissions (plan_id, unit);

CREATE TABLE submission_files (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    role TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (submission_id, path)
);
"""

def rebuild_table(db: "sqlite_utils.Database", table: str, create_sql: str, *,
                  select: str = "*") -> None:
    """Give ``table`` a new definition that ALTER TABLE cannot make (another CHECK list, a
    changed constraint): SQLite's documented way — create the new table under a temporary
    name, copy the rows (``select``: the column expressions, in the new table's order, read
    from the old table), drop the old table, rename, and re-create its indexes and triggers.

    ``create_sql`` is the CREATE TABLE statement under the table's own name. Runs inside the
    migration's transaction; migrate() turns foreign keys off around the steps (a DROP with
    them on would cascade into every child table) and checks them before committing.
    """
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("rebuild_table needs foreign keys off (run it as a migration step)")
    temporary = f"{table}__rebuild"
    pattern = re.compile(rf"^\s*CREATE\s+TABLE\s+{re.escape(table)}\b", re.IGNORECASE)
    if not pattern.match(create_sql):
        raise ValueError(f"create_sql must create table {table}")
    kept = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL ORDER BY type, name", [table]).fetchall()]
    db.execute(pattern.sub(f"CREATE TABLE {temporary}", create_sql, count=1))
    db.execute(f"INSERT INTO {temporary} SELECT {select} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    # Legacy renaming: nothing else names the temporary table, so nothing is rewritten.
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        db.execute(f"ALTER TABLE {temporary} RENAME TO {table}")
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")
    for sql in kept:
        db.execute(sql)


# One word per thing (issue 10): the table of a unit's state per measure is "assignments"
# (a "report" is a document); an indicator's 家/% is its quantity_unit (a "unit" is a bureau);
# the measures the plan's issuer does itself ("--") have scope "issuer" ("province" is the
# provincial ledger).
_MEASURES_0003 = """
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    responsibility_raw TEXT NOT NULL,
    responsibility TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('issuer', 'all', 'relevant', 'named')),
    deadline TEXT,
    UNIQUE (plan_id, code)
)
"""


def _0003_one_name_per_thing(db: "sqlite_utils.Database") -> None:
    db.execute("ALTER TABLE reports RENAME TO assignments")
    db.execute("ALTER TABLE indicators RENAME COLUMN unit TO quantity_unit")
    rebuild_table(db, "measures", _MEASURES_0003, select=(
        "id, plan_id, task_id, code, seq, text, responsibility_raw, responsibility,"
        " CASE scope WHEN 'province' THEN 'issuer' ELSE scope END, deadline"))


# Kinds of unit are data of the plan's unit list (cities, counties, a city's departments and
# districts, the province's divisions…) and grow with the lists offices publish: models
# validates them (models.plan.store.UNIT_KINDS), the schema no longer fixes the list.
_UNITS_0004 = """
CREATE TABLE units (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (plan_id, name)
)
"""


def _0004_unit_kinds_are_data(db: "sqlite_utils.Database") -> None:
    rebuild_table(db, "units", _UNITS_0004)


# The clerk's window (issue 15): a 不涉及 carries the unit's short reason (printed in the
# 完成情况表's 备注); every audit row names the plan it was written on, so a measure's history
# ("8.5" exists in every year's plan) and undo find their own rows; the trail is read per
# measure, so it gets an index on its target.
_0005_WINDOW_WITHOUT_TRAPS = """
ALTER TABLE assignments ADD COLUMN not_involved_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN plan_id INTEGER;
CREATE INDEX audit_target ON audit (target, id);
"""


# A step: SQL text, or a function that changes the database it is given.
Step = Union[str, Callable[["sqlite_utils.Database"], None]]

# (version, name, step). Version N is recorded in PRAGMA user_version once step N has run.
MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "0001_initial", _0001_INITIAL),
    (2, "0002_submissions", _0002_SUBMISSIONS),
    (3, "0003_one_name_per_thing", _0003_one_name_per_thing),
    (4, "0004_unit_kinds_are_data", _0004_unit_kinds_are_data),
    (5, "0005_window_without_traps", _0005_WINDOW_WITHOUT_TRAPS),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Schema versions that reached users in a landed build; each has a file in tests/fixtures
# (tools/make_schema_fixture.py). Steps added while one landing is prepared are not released
# on their own: when the landing ships, its LATEST_VERSION joins this list with a fixture.
RELEASED_VERSIONS = (1, 2)
