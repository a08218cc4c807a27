"""Migration 0006_review_loop: a provincial ledger from before it keeps every submission,
numbered per unit in the order the packages were made, with the fingerprint of each."""
from __future__ import annotations

import json

import pytest

from models import db as dbmod, schema
from models.fingerprint import content_fingerprint
from models.handin import unit_data
from models.ledger import Ledger
from models.province.recording import create_province_ledger
from models.province.submissions import submission_history
from models.review import PENDING, submission_review

STEP = next(version for version, name, _ in schema.MIGRATIONS if name == "0006_review_loop")


def _submission(db, unit: str, made_at: str, data: dict, sha: str) -> None:
    db.execute("INSERT INTO submissions (plan_id, unit, package_sha256, package_name, package_size,"
               " made_at, imported_at, format_version, manifest, data) VALUES"
               " (1, ?, ?, 'p.zip', 1, ?, '2021-10-15T10:00:00', 1, ?, ?)",
               [unit, sha, made_at, json.dumps({"made_at": made_at}),
                json.dumps(data, ensure_ascii=False)])


def test_submissions_from_before_get_versions_and_fingerprints(tmp_path):
    with Ledger.create(tmp_path / "city.db", unit="洛阳市") as city:
        first = unit_data(city)
        city.record("1.2", status="推进中", note="召开会议", date="2021-06-01")
        second = unit_data(city)
    path = tmp_path / "province.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dbmod, "MIGRATIONS", schema.MIGRATIONS[:STEP - 1])
        patch.setattr(dbmod, "LATEST_VERSION", STEP - 1)
        # The audit trail as it was then (a later step gave its rows the plan they belong to).
        import models.ledger
        import models.province.recording

        def audit_then(db, user, action, target, detail):
            db.execute("INSERT INTO audit (at, user, action, target, detail) VALUES (?,?,?,?,?)",
                       ["2021-10-15T09:00:00", user or "", action, target,
                        json.dumps(detail, ensure_ascii=False)])
        for module in (models.ledger, models.province.recording):
            patch.setattr(module, "record_audit", audit_then)
        with create_province_ledger(path) as old:
            # Imported out of order: the later package first.
            _submission(old.db, "洛阳市", "2021-10-02T09:00:00+08:00", second, "b" * 64)
            _submission(old.db, "洛阳市", "2021-10-01T09:00:00+08:00", first, "a" * 64)
            old.db.execute("UPDATE submissions SET superseded_by = 1 WHERE id = 2")
            old.db.conn.commit()
    with Ledger.open(path) as province:
        assert province.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
        history = {s.id: s for s in submission_history(province)}
        assert (history[1].version, history[2].version) == (2, 1)
        assert history[1].fingerprint == content_fingerprint(second)
        assert history[2].fingerprint == content_fingerprint(first)
        assert history[1].fingerprint != history[2].fingerprint
        review = submission_review(province, "洛阳市")
        assert review.submission_id == 1 and review.counts[PENDING] == len(second["measures"])
        for table in ("reviews", "package_versions", "feedback", "measure_reviews"):
            assert province.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
