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


# Task lists as offices publish them (issue 11): a measure keeps its 完成时限 as written beside
# the date it names (NULL: none; the plan's hand-in date is then only the fallback shown), its
# 任务目标, the office's own numbering and the text of columns the reader did not understand;
# the units a measure names carry their role (lead / assisting, '' where the list gives no
# roles) and whether they only confirm their involvement (有关/相关); a plan keeps the period
# it covers ("2022—2023") and where its unit list came from.
_0005_TASK_LIST_ROLES = """
ALTER TABLE plans ADD COLUMN period TEXT NOT NULL DEFAULT '';
UPDATE plans SET period = CAST(year AS TEXT);
ALTER TABLE plans ADD COLUMN units_source TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN deadline_text TEXT NOT NULL DEFAULT '';
UPDATE measures SET deadline_text = deadline WHERE deadline IS NOT NULL;
ALTER TABLE measures ADD COLUMN target TEXT;
ALTER TABLE measures ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN extra TEXT NOT NULL DEFAULT '[]';
ALTER TABLE measure_units ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE measure_units ADD COLUMN relevant INTEGER NOT NULL DEFAULT 0;
"""

# The loop with the province (issue 16). Provincial side: each submission has its version,
# the fingerprint of its content, what changed since the version before and an overall
# review comment; reviews hold one result and comment per measure of a submission (a
# measure with no row is 待审核). Unit side: every package the unit made (version,
# changelog, the data it carried), the feedback files it imported and, per measure, the
# province's latest result with the digest of the content it was about.
_0006_REVIEW_LOOP = """
ALTER TABLE submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE submissions ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE submissions ADD COLUMN previous_id INTEGER REFERENCES submissions(id);
ALTER TABLE submissions ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN reviewed_at TEXT;
ALTER TABLE submissions ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';

CREATE TABLE reviews (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    measure_code TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('待审核', '通过', '退回修改')),
    comment TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT,
    reviewed_by TEXT NOT NULL DEFAULT '',
    kept_from INTEGER REFERENCES submissions(id),
    PRIMARY KEY (submission_id, measure_code)
);

CREATE TABLE package_versions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    version INTEGER NOT NULL,
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    package_sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    changelog TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL
);
CREATE INDEX package_versions_unit ON package_versions (plan_id, unit, id);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    signature TEXT NOT NULL,
    package_sha256 TEXT NOT NULL,
    package_version INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    UNIQUE (plan_id, signature)
);

CREATE TABLE measure_reviews (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    measure_code TEXT NOT NULL,
    result TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    submitted_digest TEXT NOT NULL DEFAULT '',
    feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, unit, measure_code)
);
"""


def _0006_review_loop(db: "sqlite_utils.Database") -> None:
    for statement in _0006_REVIEW_LOOP.split(";\n"):
        if statement.strip():
            db.execute(statement)
    # Submissions imported before: number them per unit in the order they were made, and
    # compute the fingerprint of what each one carried.
    import json
    from datetime import datetime

    from .fingerprint import content_fingerprint

    def made(stamp: str) -> float:
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            return 0.0
        return (moment if moment.tzinfo else moment.astimezone()).timestamp()

    rows = db.execute("SELECT id, plan_id, unit, made_at, data FROM submissions").fetchall()
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault((row[1], row[2]), []).append(row)
    for group in groups.values():
        for version, (sub_id, _plan, _unit, _made, data) in enumerate(
                sorted(group, key=lambda r: (made(r[3]), r[0])), 1):
            try:
                fingerprint = content_fingerprint(json.loads(data))
            except (ValueError, TypeError, AttributeError):
                fingerprint = ""
            db.execute("UPDATE submissions SET version = ?, fingerprint = ? WHERE id = ?",
                       [version, fingerprint, sub_id])


# Evidence has its own date and note, edited after attaching (issue 14): search finds a file
# by its note, so the index follows an edit.
_0007_EVIDENCE_NOTES = """
CREATE TRIGGER evidence_fts_au AFTER UPDATE OF original_name, note ON evidence BEGIN
    UPDATE search_fts SET body = new.original_name || ' ' || new.note
        WHERE kind = 'evidence' AND ref = new.id;
END;
"""


# The 工作情况报告's own words (issue 13): per plan and unit, each part the clerk edited
# (models.narrative.PARTS) with the draft it started from. A part without a row follows the
# ledger's data.
_0008_REPORT_NARRATIVE = """
CREATE TABLE narrative (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    part TEXT NOT NULL,
    text TEXT NOT NULL,
    draft TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, unit, part)
);
"""

# Time in the ledger (issue 12). Per unit and measure: a deadline the unit set itself (with
# who and when; NULL: the list's 完成时限 or the plan's hand-in date applies), and an optional
# 完成进度 in per cent. Milestones (阶段节点) are a unit's dated steps of a measure. Rounds
# (报送轮次) are the reports the province asks for during the year, each reporting "截至" a
# cut-off; a package made for a round carries its name, on both sides.
_0009_TIME_IN_THE_LEDGER = """
ALTER TABLE assignments ADD COLUMN deadline TEXT;
ALTER TABLE assignments ADD COLUMN deadline_set_by TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN deadline_set_at TEXT;
ALTER TABLE assignments ADD COLUMN progress REAL
    CHECK (progress IS NULL OR (progress >= 0 AND progress <= 100));

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    text TEXT NOT NULL,
    planned TEXT NOT NULL,
    done TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX milestones_measure ON milestones (measure_id, unit, planned);

CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    cutoff TEXT NOT NULL,
    due TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, name)
);

ALTER TABLE package_versions ADD COLUMN round TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN round TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN round_cutoff TEXT;
ALTER TABLE submissions ADD COLUMN round_due TEXT;
"""


def _0010_ledger_identity(db: "sqlite_utils.Database") -> None:
    """Every ledger gets an identity of its own: backups are kept by it, not by a file name
    that two ledgers may share (taskledger.db on two PCs, or in two folders)."""
    import uuid
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('ledger_id', ?)",
               [uuid.uuid4().hex])


# The clerk's window (issue 15): a 不涉及 carries the unit's short reason (printed in the
# 完成情况表's 备注); every audit row names the plan it was written on, so a measure's history
# ("8.5" exists in every year's plan) and undo find their own rows; the trail is read per
# measure, so it gets an index on its target.
_0011_WINDOW_WITHOUT_TRAPS = """
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
    (5, "0005_task_list_roles", _0005_TASK_LIST_ROLES),
    (6, "0006_review_loop", _0006_review_loop),
    (7, "0007_evidence_notes_searchable", _0007_EVIDENCE_NOTES),
    (8, "0008_report_narrative", _0008_REPORT_NARRATIVE),
    (9, "0009_time_in_the_ledger", _0009_TIME_IN_THE_LEDGER),
    (10, "0010_ledger_identity", _0010_ledger_identity),
    (11, "0011_window_without_traps", _0011_WINDOW_WITHOUT_TRAPS),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Schema versions that reached users in a landed build; each has a file in tests/fixtures
# (tools/make_schema_fixture.py). Steps added while one landing is prepared are not released
# on their own: when the landing ships, its LATEST_VERSION joins this list with a fixture.
RELEASED_VERSIONS = (1, 2, 11)
