"""The feedback file: the province's review of a unit's latest submission, sent back by file.

The provincial ledger writes it (``feedback_document``; exports.feedback saves it); the unit
imports it (``import_feedback``). It is small JSON::

    {"format": "taskledger-feedback", "format_version": 1,
     "content": {"plan": {year, title, doc_no}, "unit", "issuer",
                 "submission": {"package_sha256", "package_name", "version", "made_at",
                                "fingerprint"},
                 "issued_at", "issued_by", "comment",
                 "items": [{"code", "result", "comment", "digest"}]},
     "signature": {"algorithm": "sha256", "value": hex}}

The signature is a SHA-256 over a canonical JSON of ``content`` bound to the unit, the plan
and the package's hash: any edit, a truncated file or a file for another unit, plan or
package fails it. It guards against damage and careless editing, not against someone who
runs the program to forge one (there is no secret key; the package's hashes work the same
way). The file is untrusted input: size, nesting, counts, lengths and every type are
checked before anything is written, and a refused file changes nothing. Importing the same
file twice changes nothing either.

``digest`` is models.fingerprint.measure_digest of the measure as handed in: the unit lists
a 退回修改 measure in its 缺项清单 until the measure's content differs from it.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import db as dbmod
from .clock import now_text
from .errors import LedgerError
from .fingerprint import canonical_json, measure_digest
from .handin import current_measure_data, plan_identity
from .inputs import json_depth
from .ledger import PROVINCE_ROLE, record_audit
from .review import MAX_COMMENT_CHARS, RETURNED, REVIEW_RESULTS, submission_review

FEEDBACK_FORMAT = "taskledger-feedback"
FEEDBACK_FORMAT_VERSION = 1
MAX_FEEDBACK_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 6                     # document → content → items → item: 4 levels are used
MAX_ITEMS = 5000
MAX_NAME_CHARS = 200
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

IMPORTED, UNCHANGED = "imported", "unchanged"


class FeedbackRefused(LedgerError):
    """A feedback file that fails a check; nothing was changed."""


def refusal(path, problem: str) -> FeedbackRefused:
    """The one-line refusal for feedback file ``path``."""
    return FeedbackRefused(f"审核反馈文件 {Path(path).name} 未导入：{problem}；台账未改动")


def signature(content: dict) -> str:
    """The SHA-256 (hex) that signs ``content``: bound to its unit, plan and package hash."""
    plan = content.get("plan") if isinstance(content.get("plan"), dict) else {}
    submission = content.get("submission") if isinstance(content.get("submission"), dict) else {}
    binding = "\n".join((f"{FEEDBACK_FORMAT}/{FEEDBACK_FORMAT_VERSION}", str(content.get("unit")),
                         f"{plan.get('year')}|{plan.get('title')}|{plan.get('doc_no')}",
                         str(submission.get("package_sha256")), ""))
    return hashlib.sha256(binding.encode("utf-8") + canonical_json(content)).hexdigest()


# ---- the provincial side: what the file says ---------------------------------------------------
def feedback_document(ledger, unit: str) -> dict:
    """The feedback file's content for ``unit``'s current submission, signed."""
    review = submission_review(ledger, unit)
    plan = ledger.plan()
    content = {
        "plan": plan_identity(plan),
        "unit": unit,
        "issuer": ledger.unit,
        "submission": {"package_sha256": review.package_sha256,
                       "package_name": review.package_name, "version": review.version,
                       "made_at": review.made_at, "fingerprint": review.fingerprint},
        # To the millisecond: two files reviewed in the same minute still have an order.
        "issued_at": datetime.now().astimezone().isoformat(timespec="milliseconds"),
        "issued_by": ledger.user,
        "comment": review.comment,
        "items": [{"code": item.code, "result": item.result, "comment": item.comment,
                   "digest": item.digest} for item in review.items],
    }
    return {"format": FEEDBACK_FORMAT, "format_version": FEEDBACK_FORMAT_VERSION,
            "content": content, "signature": {"algorithm": "sha256", "value": signature(content)}}


def feedback_bytes(document: dict) -> bytes:
    """How a feedback document is written to its file (UTF-8 JSON, readable)."""
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# ---- reading a file: hostile input -------------------------------------------------------------
def _no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"重复的键“{next(k for k in keys if keys.count(k) > 1)}”")
    return dict(pairs)


def _text(value, limit: int) -> bool:
    return isinstance(value, str) and len(value) <= limit


def read_feedback_file(path, *, max_bytes: int = MAX_FEEDBACK_BYTES) -> dict:
    """A feedback document read from ``path`` and checked whole (form, types, limits and the
    signature); FeedbackRefused with the reason otherwise."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise refusal(path, "找不到该文件") from None
    if not path.is_file():
        raise refusal(path, "不是文件")
    if size > max_bytes:
        raise refusal(path, f"文件 {size} 字节，超过审核反馈文件的上限 {max_bytes} 字节")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise refusal(path, f"无法读取（{exc.strerror or exc}）") from None
    if len(raw) > max_bytes:
        raise refusal(path, f"文件超过审核反馈文件的上限 {max_bytes} 字节")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise refusal(path, "不是 UTF-8 文本，不是 TaskLedger 审核反馈文件") from None
    if json_depth(text) > MAX_DEPTH:
        raise refusal(path, "JSON 嵌套层数过多，不是 TaskLedger 审核反馈文件")
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates)
    except ValueError as exc:
        raise refusal(path, f"内容不完整或已损坏（{str(exc)[:80]}）") from None
    if not isinstance(document, dict) or document.get("format") != FEEDBACK_FORMAT:
        raise refusal(path, "不是 TaskLedger 审核反馈文件")
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise refusal(path, "缺少有效的格式版本")
    if version > FEEDBACK_FORMAT_VERSION:
        raise refusal(path, f"格式版本 {version} 比本程序支持的 {FEEDBACK_FORMAT_VERSION} 新，请升级程序")
    content, signed = document.get("content"), document.get("signature")
    if not isinstance(content, dict) or not isinstance(signed, dict):
        raise refusal(path, "缺少反馈内容或校验值")
    _check_content(path, content)
    if signed.get("algorithm") != "sha256" or signed.get("value") != signature(content):
        raise refusal(path, "校验值不符，文件已被改动或不完整")
    return document


def _check_content(path, content: dict) -> None:
    plan, submission = content.get("plan"), content.get("submission")
    if not (isinstance(plan, dict) and isinstance(plan.get("year"), int)
            and _text(plan.get("title"), 500) and _text(plan.get("doc_no"), 200)):
        raise refusal(path, "方案信息格式不对")
    for key in ("unit", "issuer", "issued_by"):
        if not _text(content.get(key), MAX_NAME_CHARS):
            raise refusal(path, f"{key} 格式不对")
    if not _text(content.get("issued_at"), 40) or not _text(content.get("comment"), MAX_COMMENT_CHARS):
        raise refusal(path, "反馈时间或总体意见格式不对")
    version = submission.get("version") if isinstance(submission, dict) else None
    if not (isinstance(submission, dict) and isinstance(version, int) and not isinstance(version, bool)
            and version >= 1 and _HEX64.match(str(submission.get("package_sha256", "")))
            and _text(submission.get("package_name"), 500) and _text(submission.get("made_at"), 40)
            and _text(submission.get("fingerprint"), 40)):
        raise refusal(path, "所针对的报送信息格式不对")
    items = content.get("items")
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise refusal(path, "举措审核结果缺失或过多")
    seen = set()
    for item in items:
        if not (isinstance(item, dict) and _text(item.get("code"), 20)
                and item.get("result") in REVIEW_RESULTS
                and _text(item.get("comment"), MAX_COMMENT_CHARS)
                and (item.get("digest") == "" or _HEX64.match(str(item.get("digest", ""))))):
            raise refusal(path, "举措审核结果格式不对")
        if item["code"] in seen:
            raise refusal(path, f"举措 {item['code']} 重复出现")
        seen.add(item["code"])


def _moment(stamp: str) -> float:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return 0.0
    return (moment if moment.tzinfo else moment.astimezone()).timestamp()


# ---- the unit's side: importing ----------------------------------------------------------------
@dataclass
class FeedbackResult:
    """What importing one feedback file did."""
    path: str
    outcome: str                      # IMPORTED or UNCHANGED (imported before)
    unit: str
    version: int
    issuer: str
    issued_at: str
    counts: dict[str, int] = field(default_factory=dict)
    returned: list[str] = field(default_factory=list)

    def message(self) -> str:
        """One Chinese line for the clerk."""
        name = Path(self.path).name
        if self.outcome == UNCHANGED:
            return f"未改动：{name} 此前已导入过"
        counts = "，".join(f"{result} {self.counts.get(result, 0)} 项" for result in REVIEW_RESULTS)
        line = f"已导入：{self.issuer}对第{self.version}版报送材料的审核反馈（{counts}）"
        if self.returned:
            line += f"；退回修改：{'、'.join(self.returned)}"
        return line


def import_feedback(ledger, path) -> FeedbackResult:
    """Check a feedback file whole and record it in a unit's ledger (one transaction).

    Refused (FeedbackRefused, nothing changed) when it is damaged or altered, or is for
    another plan or unit, for a package this ledger did not make, or for an older package
    than the unit's latest; or when a later feedback on the same package was imported.
    """
    from .versions import package_versions
    path = Path(path)
    if ledger.role == PROVINCE_ROLE:
        raise refusal(path, "省级台账不导入审核反馈（审核反馈由单位台账导入）")
    document = read_feedback_file(path)
    content = document["content"]
    sign = document["signature"]["value"]
    plan = ledger.plan()
    ours = plan_identity(plan)
    theirs = content["plan"]
    if any(theirs.get(k) != v for k, v in ours.items()):
        raise refusal(path, f"反馈属于另一方案（{theirs.get('year')}年《{theirs.get('title')}》），"
                            f"本台账当前方案是{ours['year']}年《{ours['title']}》")
    if content["unit"] != ledger.unit:
        raise refusal(path, f"这是给“{content['unit']}”的审核反馈，本台账的单位是“{ledger.unit}”")
    seen = ledger.db.execute("SELECT id FROM feedback WHERE plan_id = ? AND signature = ?",
                             [plan.id, sign]).fetchone()
    submission = content["submission"]
    if seen:
        return FeedbackResult(str(path), UNCHANGED, ledger.unit, submission["version"],
                              content["issuer"], content["issued_at"])
    made = package_versions(ledger)
    package = next((p for p in made if p.package_sha256 == submission["package_sha256"]), None) \
        or next((p for p in made if p.made_at == submission["made_at"]
                 and p.fingerprint == submission["fingerprint"]), None)
    if package is None:
        raise refusal(path, f"反馈针对的第{submission['version']}版报送材料（制作于"
                            f"{submission['made_at'][:16].replace('T', ' ')}）不是本台账制作的")
    # Versions count within a reporting round (models.versions.round_of).
    latest = [p for p in made if p.round == package.round][-1]
    if package.version < latest.version:
        raise refusal(path, f"反馈针对的是第{package.version}版报送材料，本单位此后已制作第"
                            f"{latest.version}版（{latest.made_at[:16].replace('T', ' ')}），"
                            "该反馈已过时")
    later = ledger.db.execute("SELECT issued_at FROM feedback WHERE plan_id = ? AND unit = ?"
                              " AND package_sha256 = ? ORDER BY id DESC LIMIT 1",
                              [plan.id, ledger.unit, submission["package_sha256"]]).fetchone()
    if later and _moment(later[0]) > _moment(content["issued_at"]):
        raise refusal(path, f"已导入同一报送更晚的审核反馈（{later[0][:16].replace('T', ' ')}），"
                            "该反馈较早")
    reportable = {row.code for row in ledger.measures()}
    unknown = [item["code"] for item in content["items"] if item["code"] not in reportable]
    if unknown:
        raise refusal(path, f"举措 {unknown[0]} 不是本单位需填报的举措")

    codes = [item["code"] for item in content["items"]]
    ledger.note_changes(measures=codes, reviews={ledger.unit})
    with dbmod.transaction(ledger.db):
        feedback_id = ledger.db.execute(
            "INSERT INTO feedback (plan_id, unit, signature, package_sha256, package_version,"
            " issued_at, issued_by, issuer, comment, imported_at, imported_by, content)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [plan.id, ledger.unit, sign, submission["package_sha256"], package.version,
             content["issued_at"], content["issued_by"], content["issuer"], content["comment"],
             now_text(), ledger.user, json.dumps(document, ensure_ascii=False)]).lastrowid
        # The latest feedback is what the measures show; older files stay in the history.
        ledger.db.execute("DELETE FROM measure_reviews WHERE plan_id = ? AND unit = ?",
                          [plan.id, ledger.unit])
        for item in content["items"]:
            ledger.db.execute(
                "INSERT INTO measure_reviews (plan_id, unit, measure_code, result, comment,"
                " submitted_digest, feedback_id) VALUES (?,?,?,?,?,?,?)",
                [plan.id, ledger.unit, item["code"], item["result"], item["comment"].strip(),
                 item["digest"], feedback_id])
        counts = {result: sum(1 for i in content["items"] if i["result"] == result)
                  for result in REVIEW_RESULTS}
        returned = [i["code"] for i in content["items"] if i["result"] == RETURNED]
        record_audit(ledger.db, ledger.user, "import_feedback", ledger.unit,
                     {"file": path.name, "signature": sign, "version": package.version,
                      "issued_at": content["issued_at"], "counts": counts, "returned": returned})
    return FeedbackResult(str(path), IMPORTED, ledger.unit, package.version, content["issuer"],
                          content["issued_at"], counts, returned)


# ---- what the unit sees --------------------------------------------------------------------------
@dataclass
class ReturnedMeasure:
    """A measure the province sent back, and whether the unit has changed it since."""
    code: str
    comment: str
    changed: bool


@dataclass
class FeedbackInfo:
    """The latest feedback the unit imported on the current plan."""
    version: int                  # of the package it was about
    issuer: str
    issued_at: str
    imported_at: str
    comment: str
    counts: dict[str, int]
    latest_package: int           # the unit's latest package version (later than ``version``
                                  # when it has handed in again since)


def current_feedback(ledger, *, unit: str | None = None) -> FeedbackInfo | None:
    """The latest feedback imported for ``unit`` on the current plan, None if none."""
    unit = unit or ledger.unit
    row = next(ledger.db.query(
        "SELECT * FROM feedback WHERE plan_id = ? AND unit = ? ORDER BY id DESC LIMIT 1",
        [ledger.plan_id, unit]), None)
    if row is None:
        return None
    counts = {result: 0 for result in REVIEW_RESULTS}
    for result, count in ledger.db.execute(
            "SELECT result, count(*) FROM measure_reviews WHERE plan_id = ? AND unit = ?"
            " GROUP BY result", [ledger.plan_id, unit]).fetchall():
        counts[result] = count
    latest = ledger.db.execute(
        "SELECT max(version) FROM package_versions WHERE plan_id = ? AND unit = ? AND round ="
        " COALESCE((SELECT round FROM package_versions WHERE plan_id = ? AND unit = ? AND"
        " package_sha256 = ? ORDER BY id DESC LIMIT 1), '')",
        [ledger.plan_id, unit, ledger.plan_id, unit, row["package_sha256"]]).fetchone()[0]
    return FeedbackInfo(version=row["package_version"], issuer=row["issuer"],
                        issued_at=row["issued_at"], imported_at=row["imported_at"],
                        comment=row["comment"], counts=counts,
                        latest_package=latest or row["package_version"])


def returned_measures(ledger, *, unit: str | None = None) -> list[ReturnedMeasure]:
    """The measures the latest feedback sent back (退回修改), in plan order, each with
    whether its content differs from what was handed in."""
    unit = unit or ledger.unit
    rows = ledger.db.execute(
        "SELECT rv.measure_code, rv.comment, rv.submitted_digest FROM measure_reviews rv"
        " JOIN measures m ON m.plan_id = rv.plan_id AND m.code = rv.measure_code"
        " JOIN tasks t ON t.id = m.task_id WHERE rv.plan_id = ? AND rv.unit = ? AND rv.result = ?"
        " ORDER BY t.no, m.seq", [ledger.plan_id, unit, RETURNED]).fetchall()
    result = []
    for code, comment, digest in rows:
        try:
            now = measure_digest(current_measure_data(ledger, code, unit=unit))
        except LedgerError:
            continue                        # no longer the unit's measure
        result.append(ReturnedMeasure(code, comment, changed=bool(digest) and now != digest))
    return result



@dataclass
class MeasureFeedback:
    """The province's result on one measure in the latest feedback, and whether the unit has
    changed the measure since it handed it in."""
    code: str
    result: str
    comment: str
    changed: bool


def measure_feedback(ledger, code: str, *, unit: str | None = None) -> MeasureFeedback | None:
    """The latest feedback's result on measure ``code`` (None when there is none)."""
    unit = unit or ledger.unit
    row = ledger.db.execute("SELECT result, comment, submitted_digest FROM measure_reviews"
                            " WHERE plan_id = ? AND unit = ? AND measure_code = ?",
                            [ledger.plan_id, unit, code]).fetchone()
    if row is None:
        return None
    try:
        now = measure_digest(current_measure_data(ledger, code, unit=unit))
    except LedgerError:
        return None
    return MeasureFeedback(code, row[0], row[1], changed=bool(row[2]) and now != row[2])
