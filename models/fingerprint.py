"""What a unit submitted, reduced to codes that paper and files can be checked against.

A package's data.json holds, per measure, everything the 完成情况表 and the 工作情况报告 print
(status, involvement, problems, next steps, dated progress entries, figures) and its
evidence manifest (number, file name, date, note, size, SHA-256). From that content:

- ``measure_digest``: a SHA-256 of one measure's content — the province compares digests
  of two versions to see which measures changed, and a unit compares the digest it sent
  with its ledger now to see whether a 退回 measure has been changed since;
- ``content_fingerprint``: a short code over every measure plus the letterhead (单位全称,
  填报人, 联系电话), printed in the footer of the 工作情况报告 and the 完成情况表 and
  recomputed by the province from the package, so a sealed paper copy is checked against
  the file in seconds ("纸质材料与电子文本内容必须一致").

Times (when a package was made, when a row was last touched, who typed an entry) are left
out on purpose: a report printed on Monday matches the package made on Tuesday when nothing
it shows has changed. The same functions run on both sides, so their result must never
change for the same content: a new rule needs a new FINGERPRINT_VERSION.
"""
from __future__ import annotations

import hashlib
import json

FINGERPRINT_VERSION = 1
# Crockford's base 32: no I, L, O or U, so a code read off paper is not misread.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONTACT_KEYS = ("unit_full_name", "contact_person", "contact_phone")


def canonical_json(value) -> bytes:
    """``value`` as one canonical byte string: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def measure_content(measure: dict) -> dict:
    """The printed content of one measure of a data.json (types normalised, times left out).

    The unit's own deadline, 完成进度 and milestones (issue 12) and the reason a measure is
    不涉及 (issue 15) count only when present, so content without them keeps the code it
    always had.
    """
    involved = measure.get("involved")
    content = {
        "code": _text(measure.get("id")),
        "status": _text(measure.get("status")),
        "involved": involved if isinstance(involved, bool) else None,
        "problems": _text(measure.get("problems")),
        "next_steps": _text(measure.get("next_steps")),
        "entries": [[_text(e.get("date")), _text(e.get("text"))]
                    for e in _list(measure.get("entries")) if isinstance(e, dict)],
        "figures": [_number(i.get("value")) for i in _list(measure.get("indicators"))
                    if isinstance(i, dict)],
        "evidence": [[_text(e.get("number")), _text(e.get("original_name")),
                      _text(e.get("evidence_date")), _text(e.get("note")),
                      e.get("size") if isinstance(e.get("size"), int) else None,
                      _text(e.get("sha256")).lower()]
                     for e in _list(measure.get("evidence")) if isinstance(e, dict)],
    }
    if isinstance(measure.get("deadline_set"), str) and measure["deadline_set"]:
        content["deadline_set"] = measure["deadline_set"]
    if _number(measure.get("progress")) is not None:
        content["progress"] = _number(measure.get("progress"))
    steps = [[_text(m.get("text")), _text(m.get("planned")), _text(m.get("done"))]
             for m in _list(measure.get("milestones")) if isinstance(m, dict)]
    if steps:
        content["milestones"] = steps
    # The reason a measure does not concern the unit prints in 备注 (issue 15).
    if isinstance(measure.get("not_involved_reason"), str) and measure["not_involved_reason"]:
        content["not_involved_reason"] = measure["not_involved_reason"]
    return content


def measure_digest(measure: dict) -> str:
    """SHA-256 (hex) of one measure's printed content (``measure_content``)."""
    return hashlib.sha256(canonical_json([FINGERPRINT_VERSION, measure_content(measure)])).hexdigest()


def measure_digests(data: dict) -> dict[str, str]:
    """code → digest for every measure of a data.json."""
    return {_text(m.get("id")): measure_digest(m) for m in _list(data.get("measures"))
            if isinstance(m, dict)}


def content_fingerprint(data: dict) -> str:
    """The short code of a unit's submitted content, e.g. ``7KQ2-M9XD-4RTA``.

    ``data`` is a data.json (models.handin.unit_data). 60 bits of a SHA-256 over the plan,
    the unit, the letterhead and every measure's content in the plan's order.
    """
    contacts = data.get("contacts") if isinstance(data.get("contacts"), dict) else {}
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    content = {
        "version": FINGERPRINT_VERSION,
        "plan": [plan.get("year"), _text(plan.get("title")), _text(plan.get("doc_no"))],
        "unit": _text(data.get("unit")),
        "contacts": [_text(contacts.get(key)) for key in _CONTACT_KEYS],
        "measures": [measure_content(m) for m in _list(data.get("measures"))
                     if isinstance(m, dict)],
    }
    return short_code(hashlib.sha256(canonical_json(content)).digest())


def short_code(digest: bytes, groups: int = 3) -> str:
    """``groups`` groups of four base-32 characters from the start of ``digest``."""
    bits = int.from_bytes(digest[:8], "big") >> (64 - 20 * groups)
    chars = []
    for _ in range(4 * groups):
        chars.append(_ALPHABET[bits & 31])
        bits >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[k:k + 4] for k in range(0, len(text), 4))


def ledger_fingerprint(ledger, *, unit: str | None = None) -> str:
    """The fingerprint of what ``unit`` (default the ledger's own) would hand in now.

    The same code as ``content_fingerprint(unit_data(ledger, unit=unit))``, read in four
    queries instead of a few per measure: every export prints it, and a big ledger's
    完成情况表 should not take longer for it.
    """
    from .handin import plan_identity
    unit = ledger.check_unit(unit)
    plan_id = ledger.plan_id
    db = ledger.db
    # In an "as of" view (a report 截至 a cut-off) only what it covers counts.
    cutoff = getattr(ledger, "cutoff", None) or "9999-12-31"
    entries: dict[str, list] = {}
    for code, day, text in db.execute(
            "SELECT m.code, e.date, e.text FROM entries e JOIN measures m ON m.id = e.measure_id"
            " WHERE e.unit = ? AND m.plan_id = ? AND e.date <= ? ORDER BY e.date, e.id",
            [unit, plan_id, cutoff]):
        entries.setdefault(code, []).append({"date": day, "text": text})
    figures: dict[str, list] = {}
    for code, value in db.execute(
            "SELECT m.code, iv.value FROM indicators i JOIN measures m ON m.id = i.measure_id"
            " LEFT JOIN indicator_values iv ON iv.indicator_id = i.id AND iv.unit = ?"
            " WHERE m.plan_id = ? ORDER BY i.measure_id, i.seq", [unit, plan_id]):
        figures.setdefault(code, []).append({"value": value})
    evidence: dict[str, list] = {}
    # Numbered per measure in the order Ledger.evidence_for lists them (models.summary).
    for code, name, day, note, size, sha, _id in db.execute(
            "SELECT DISTINCT m.code, e.original_name, e.evidence_date, e.note, e.size, e.sha256,"
            " e.id FROM evidence e JOIN evidence_links el ON el.evidence_id = e.id"
            " JOIN measures m ON m.id = el.measure_id WHERE e.unit = ? AND m.plan_id = ?"
            " AND e.evidence_date <= ? ORDER BY e.evidence_date, e.id",
            [unit, plan_id, cutoff]).fetchall():
        items = evidence.setdefault(code, [])
        items.append({"number": f"{code}-{len(items) + 1}", "original_name": name,
                      "evidence_date": day, "note": note, "size": size, "sha256": sha})
    steps: dict[str, list] = {}
    for item in ledger.milestones(unit=unit):
        steps.setdefault(item.measure_code, []).append(
            {"text": item.text, "planned": item.planned, "done": item.done})
    measures = [{"id": row.code, "status": row.status, "involved": row.involved,
                 "problems": row.problems, "next_steps": row.next_steps,
                 "entries": entries.get(row.code, []), "indicators": figures.get(row.code, []),
                 "evidence": evidence.get(row.code, []), "deadline_set": row.unit_deadline,
                 "progress": row.recorded_progress, "milestones": steps.get(row.code, []),
                 "not_involved_reason": row.not_involved_reason}
                for row in ledger.measures(unit=unit)]
    settings = ledger.settings()
    return content_fingerprint({
        "plan": plan_identity(next(p for p in ledger.plans() if p.id == plan_id)),
        "unit": unit, "measures": measures,
        "contacts": {key: settings.get(key, "") for key in _CONTACT_KEYS}})


def footer_text(fingerprint: str) -> str:
    """How the fingerprint is printed in a document's footer."""
    return f"校验码 {fingerprint}"
