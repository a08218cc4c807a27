"""The province's review of what units handed in: per unit and measure a result (通过 /
退回修改 / 待审核) and a comment, and an overall comment per submission.

A review belongs to one submission (one version of a unit's package). When the unit hands
in a new version, the measures it did not change keep their result and comment (the row is
copied, ``kept_from`` naming the version it was made on); the ones it changed go back to
待审核 — the reviewer looks only at what changed. A measure with no row is 待审核. Every
version's review stays with it, so the history of a submission is never lost.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import db as dbmod
from .changelog import changes_from_dicts
from .clock import now_text
from .errors import InvalidInput
from .fingerprint import measure_digest
from .ledger import PROVINCE_ROLE, record_audit

PASSED, RETURNED, PENDING = "通过", "退回修改", "待审核"
REVIEW_RESULTS = (PASSED, RETURNED, PENDING)
MAX_COMMENT_CHARS = 2000
_ALIASES = {"pass": PASSED, "passed": PASSED, "ok": PASSED, "return": RETURNED,
            "returned": RETURNED, "revise": RETURNED, "退回": RETURNED, "需修改": RETURNED,
            "pending": PENDING, "待审": PENDING}


def normalize_result(value: str) -> str:
    """A review result from its Chinese label (or an English key); InvalidInput otherwise."""
    text = (value or "").strip()
    if text in REVIEW_RESULTS:
        return text
    if text.lower() in _ALIASES:
        return _ALIASES[text.lower()]
    raise InvalidInput(f"审核结果“{text}”无效，应为：{' / '.join(REVIEW_RESULTS)}")


def check_comment(comment: str, what: str = "审核意见") -> str:
    """A comment as stored: stripped, at most MAX_COMMENT_CHARS characters, no control
    characters but line breaks and tabs."""
    if not isinstance(comment, str):
        raise InvalidInput(f"{what}不是文本")
    text = comment.strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise InvalidInput(f"{what}过长（{len(text)} 字），最多 {MAX_COMMENT_CHARS} 字")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise InvalidInput(f"{what}含有控制字符")
    return text


@dataclass
class MeasureReview:
    """One measure of a submission under review."""
    code: str
    text: str
    status: str                  # the unit's status in this version
    result: str
    comment: str
    reviewed_at: str | None
    reviewed_by: str
    kept_from: int | None        # the earlier version's submission whose review was kept
    changes: list[str] = field(default_factory=list)   # how it changed since the version before
    digest: str = ""             # models.fingerprint.measure_digest of what was handed in


@dataclass
class SubmissionReview:
    """A unit's submission (one version) with its review."""
    unit: str
    submission_id: int
    version: int
    made_at: str
    imported_at: str
    package_name: str
    package_sha256: str
    fingerprint: str
    current: bool
    previous_id: int | None
    comment: str
    reviewed_at: str | None
    reviewed_by: str
    items: list[MeasureReview]

    @property
    def counts(self) -> dict[str, int]:
        """How many measures have each result."""
        counts = {result: 0 for result in REVIEW_RESULTS}
        for item in self.items:
            counts[item.result] += 1
        return counts

    @property
    def changed(self) -> list[str]:
        """Codes of the measures that changed since the version before."""
        return [item.code for item in self.items if item.changes]

    def item(self, code: str) -> MeasureReview:
        """The review of measure ``code``; InvalidInput when the submission lacks it."""
        for item in self.items:
            if item.code == code:
                return item
        raise InvalidInput(f"举措 {code} 不在{self.unit}第{self.version}版报送的举措中")


def _require_province(ledger) -> None:
    if ledger.role != PROVINCE_ROLE:
        raise InvalidInput("只有省级台账可以审核报送材料（用 init --province 新建省级台账）")


def current_submission_id(ledger, unit: str) -> int:
    """The id of ``unit``'s current submission on the current plan; InvalidInput if none."""
    _require_province(ledger)
    ledger.check_unit(unit)
    row = ledger.db.execute("SELECT id FROM submissions WHERE plan_id = ? AND unit = ?"
                            " AND superseded_by IS NULL", [ledger.plan_id, unit]).fetchone()
    if not row:
        raise InvalidInput(f"{unit}尚未报送（没有导入过它的报送材料包），没有可审核的材料")
    return row[0]


def submission_review(ledger, unit: str | None = None, *,
                      submission_id: int | None = None) -> SubmissionReview:
    """The review of ``unit``'s current submission, or of the submission ``submission_id``."""
    if submission_id is None:
        submission_id = current_submission_id(ledger, unit)
    row = next(ledger.db.query("SELECT * FROM submissions WHERE id = ?", [submission_id]), None)
    if row is None:
        raise InvalidInput(f"没有编号为 {submission_id} 的报送记录")
    try:
        data = json.loads(row["data"])
        changes = {c.code: c.details for c in changes_from_dicts(json.loads(row["changes"] or "[]"))}
    except ValueError:
        data, changes = {}, {}
    texts = {code: text for code, text in ledger.db.execute(
        "SELECT code, text FROM measures WHERE plan_id = ?", [row["plan_id"]]).fetchall()}
    reviews = {r["measure_code"]: r for r in ledger.db.query(
        "SELECT * FROM reviews WHERE submission_id = ?", [submission_id])}
    items = []
    for m in data.get("measures", []) if isinstance(data, dict) else []:
        code = m.get("id")
        review = reviews.get(code)
        items.append(MeasureReview(
            code=code, text=texts.get(code, ""), status=m.get("status", ""),
            result=review["result"] if review else PENDING,
            comment=review["comment"] if review else "",
            reviewed_at=review["reviewed_at"] if review else None,
            reviewed_by=review["reviewed_by"] if review else "",
            kept_from=review["kept_from"] if review else None,
            changes=changes.get(code, []), digest=measure_digest(m)))
    return SubmissionReview(
        unit=row["unit"], submission_id=row["id"], version=row["version"], made_at=row["made_at"],
        imported_at=row["imported_at"], package_name=row["package_name"],
        package_sha256=row["package_sha256"], fingerprint=row["fingerprint"],
        current=row["superseded_by"] is None, previous_id=row["previous_id"],
        comment=row["review_comment"], reviewed_at=row["reviewed_at"],
        reviewed_by=row["reviewed_by"], items=items)


def set_review(ledger, unit: str, code: str, *, result: str | None = None,
               comment: str | None = None) -> MeasureReview:
    """Record the result and/or comment on measure ``code`` of ``unit``'s current submission
    (one transaction, audited). A comment of None keeps the one there."""
    ledger.note_changes(reviews={unit})
    if result is None and comment is None:
        raise InvalidInput("没有要记录的审核内容：请给出 --result 或 --comment")
    submission_id = current_submission_id(ledger, unit)
    review = submission_review(ledger, submission_id=submission_id)
    old = review.item(str(code).strip())
    new_result = normalize_result(result) if result is not None else old.result
    new_comment = check_comment(comment) if comment is not None else old.comment
    with dbmod.transaction(ledger.db):
        ledger.db.execute(
            "INSERT INTO reviews (submission_id, measure_code, result, comment, reviewed_at,"
            " reviewed_by, kept_from) VALUES (?,?,?,?,?,?,NULL) ON CONFLICT (submission_id,"
            " measure_code) DO UPDATE SET result = excluded.result, comment = excluded.comment,"
            " reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by,"
            " kept_from = NULL",
            [submission_id, old.code, new_result, new_comment, now_text(), ledger.user])
        record_audit(ledger.db, ledger.user, "review", f"{old.code}@{unit}",
                     {"submission": submission_id, "version": review.version,
                      "old": {"result": old.result, "comment": old.comment},
                      "new": {"result": new_result, "comment": new_comment}})
    return submission_review(ledger, submission_id=submission_id).item(old.code)


def set_review_comment(ledger, unit: str, comment: str) -> None:
    """Record the overall comment on ``unit``'s current submission (one transaction, audited)."""
    ledger.note_changes(reviews={unit})
    submission_id = current_submission_id(ledger, unit)
    text = check_comment(comment, "总体意见")
    old = ledger.db.execute("SELECT review_comment, version FROM submissions WHERE id = ?",
                            [submission_id]).fetchone()
    with dbmod.transaction(ledger.db):
        ledger.db.execute("UPDATE submissions SET review_comment = ?, reviewed_at = ?,"
                          " reviewed_by = ? WHERE id = ?",
                          [text, now_text(), ledger.user, submission_id])
        record_audit(ledger.db, ledger.user, "review_comment", unit,
                     {"submission": submission_id, "version": old[1], "old": old[0], "new": text})


def review_counts(ledger, submission_id: int) -> dict[str, int]:
    """How many measures of a submission have each result."""
    return submission_review(ledger, submission_id=submission_id).counts


def carry_reviews(db, previous_id: int, new_id: int, unchanged: set[str]) -> list[str]:
    """Copy the previous version's reviews of the ``unchanged`` measures onto the new
    submission (inside the caller's transaction); return the codes whose result (通过 or
    退回修改) was not carried because the measure changed: they are 待审核 again."""
    reopened = []
    for row in db.execute("SELECT measure_code, result, comment, reviewed_at, reviewed_by,"
                          " kept_from FROM reviews WHERE submission_id = ? ORDER BY rowid",
                          [previous_id]).fetchall():
        code, result, comment, reviewed_at, reviewed_by, kept_from = row
        if code in unchanged:
            db.execute("INSERT INTO reviews (submission_id, measure_code, result, comment,"
                       " reviewed_at, reviewed_by, kept_from) VALUES (?,?,?,?,?,?,?)",
                       [new_id, code, result, comment, reviewed_at, reviewed_by,
                        kept_from or previous_id])
        elif result != PENDING:
            reopened.append(code)
    return reopened


def current_results(ledger) -> dict[str, dict[str, tuple[str, str]]]:
    """unit → code → (result, comment) for every unit's current submission on the current
    plan; measures with no review are left out (they are 待审核)."""
    results: dict[str, dict[str, tuple[str, str]]] = {}
    for row in ledger.db.query(
            "SELECT s.unit, r.measure_code, r.result, r.comment FROM reviews r JOIN submissions s"
            " ON s.id = r.submission_id WHERE s.plan_id = ? AND s.superseded_by IS NULL",
            [ledger.plan_id]):
        results.setdefault(row["unit"], {})[row["measure_code"]] = (row["result"], row["comment"])
    return results


@dataclass
class VersionComparison:
    """One measure in a submission and in the version before it ("查看上一版")."""
    code: str
    version: int
    previous_version: int | None
    after: dict | None            # the measure in this version's data.json (None: absent)
    before: dict | None           # in the previous version's (None: absent or no previous)
    changes: list[str]            # how it changed, as the import recorded it
    previous_review: MeasureReview | None


def compare_with_previous(ledger, submission_id: int, code: str) -> VersionComparison:
    """Measure ``code`` in submission ``submission_id`` beside the version it replaced."""
    current = submission_review(ledger, submission_id=submission_id)

    def measure(sub_id: int) -> dict | None:
        row = ledger.db.execute("SELECT data FROM submissions WHERE id = ?", [sub_id]).fetchone()
        try:
            data = json.loads(row[0]) if row else {}
        except ValueError:
            return None
        return next((m for m in data.get("measures", []) if isinstance(m, dict)
                     and m.get("id") == code), None) if isinstance(data, dict) else None

    item = next((i for i in current.items if i.code == code), None)
    before, previous_version, previous_review = None, None, None
    if current.previous_id is not None:
        previous = submission_review(ledger, submission_id=current.previous_id)
        previous_version = previous.version
        before = measure(current.previous_id)
        previous_review = next((i for i in previous.items if i.code == code), None)
    return VersionComparison(code=code, version=current.version,
                             previous_version=previous_version, after=measure(submission_id),
                             before=before, changes=item.changes if item else [],
                             previous_review=previous_review)
