"""The provincial ledger and what enters it: importing packages, recording a submission,
replacing a unit's data.

A package is imported whole or not at all. Only after models.province.checking has passed it
do its files move into the evidence store and its data enter the ledger, in one
transaction. The same package again changes nothing; a newer one from the same unit replaces
the unit's data, and the older submission stays in the history.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import db as dbmod
from ..fsutil import copy_hashed
from ..clock import now_text
from ..changelog import compare_unit_data
from ..fingerprint import content_fingerprint
from ..ledger import PROVINCE_ROLE, parse_date, record_audit
from ..review import carry_reviews
from ..versions import round_of, same_round
from .checking import (DEFAULT_MAX_MEMBER_BYTES, DEFAULT_MAX_TOTAL_BYTES, PackageRefused,
                       check_package, parse_made_at, refusal)

IMPORTED, UNCHANGED, OLDER, CANCELLED = "imported", "unchanged", "older", "cancelled"


@dataclass
class ImportResult:
    """What importing one package did."""
    package: str
    unit: str
    outcome: str                   # IMPORTED, UNCHANGED (seen before), OLDER (kept as history)
    submission_id: int | None
    made_at: str = ""
    replaced: int | None = None    # the submission this one superseded
    files: int = 0
    version: int = 0               # the package's version (第N版)
    fingerprint: str = ""          # models.fingerprint.content_fingerprint of its content
    changed: list[str] = field(default_factory=list)    # measures changed since the replaced one
    reopened: list[str] = field(default_factory=list)   # reviewed measures now 待审核 again
    compared: bool = True          # compared with an earlier package of the same round
    round: str = ""                # the reporting round it was made for

    def message(self) -> str:
        """One Chinese line for the clerk."""
        name = Path(self.package).name
        if self.outcome == IMPORTED:
            extra = "，替换了该单位此前的报送" if self.replaced else ""
            which = f"{self.round}第{self.version}版" if self.round else f"第{self.version}版"
            line = (f"已导入：{name}（{self.unit}，{which}，校验码 {self.fingerprint}，"
                    f"制作于 {self.made_at}，{self.files} 个文件{extra}）")
            if self.replaced and self.compared:
                line += f"；与上一版相比 {len(self.changed)} 项举措有变化"
                if self.changed:
                    line += f"（{'、'.join(self.changed[:8])}{'等' if len(self.changed) > 8 else ''}）"
                if self.reopened:
                    line += f"，其中已审核的 {len(self.reopened)} 项重新设为待审核"
            return line
        if self.outcome == UNCHANGED:
            return f"未改动：{name} 此前已导入过（{self.unit}）"
        if self.outcome == OLDER:
            return (f"已存入历史：{name}（{self.unit}）早于该单位已导入的报送，"
                    "当前数据仍以较新的报送为准")
        return f"已取消：{name}，台账未改动"


def import_package(ledger, zip_path: Path, *,
                   max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES,
                   max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Check and import one unit's submission package into a provincial ledger.

    Whole package or nothing: any failed check raises PackageRefused and leaves the ledger as
    it was. Returns an ImportResult (IMPORTED, UNCHANGED for a package seen before, OLDER for
    one older than the unit's current submission, CANCELLED when ``cancelled()`` turned True).
    """
    zip_path = Path(zip_path)
    if ledger.role != PROVINCE_ROLE:
        raise PackageRefused("只有省级台账可以导入报送材料包（用 init --province 新建省级台账）")
    if not zip_path.is_file():
        raise refusal(zip_path, "找不到该文件")
    package_sha, package_size = copy_hashed(zip_path)
    plan = ledger.plan()
    seen = ledger.db.execute("SELECT id, unit, made_at FROM submissions WHERE plan_id = ?"
                             " AND package_sha256 = ?", [plan.id, package_sha]).fetchone()
    if seen:
        return ImportResult(str(zip_path), seen[1], UNCHANGED, seen[0], made_at=seen[2])

    staged: list[tuple[Path, str]] = []   # (temporary file in the store, sha256)
    try:
        checked = check_package(ledger, plan, zip_path, staged, max_member_bytes,
                                 max_total_bytes, progress, cancelled)
        if checked is None:
            return ImportResult(str(zip_path), "", CANCELLED, None)
        manifest, data, manifest_text = checked
        # Files first (content-addressed, so a later failure leaves only harmless copies).
        for tmp, sha in staged:
            final = ledger.evidence.path_for(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
        staged.clear()
        return record_submission(ledger, plan, zip_path, package_sha, package_size, manifest, data,
                       manifest_text)
    finally:
        for tmp, _sha in staged:
            try:
                tmp.unlink()
            except OSError:
                pass


def import_packages(ledger, paths, *, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    **limits) -> list[ImportResult | PackageRefused]:
    """Import several packages one by one (drag-and-drop of many); a refused one does not
    stop the others. ``progress`` runs over all packages (0…1000); after a cancel the rest
    are left alone, and each package already imported stays imported (each is whole)."""
    paths = list(paths)
    results: list[ImportResult | PackageRefused] = []
    for index, path in enumerate(paths):
        if cancelled and cancelled():
            break

        def overall(done: int, total: int, index=index) -> None:
            if progress:
                progress((index * 1000 + 1000 * done // max(1, total)) // len(paths), 1000)
        try:
            results.append(import_package(ledger, path, progress=overall, cancelled=cancelled,
                                          **limits))
        except PackageRefused as exc:
            results.append(exc)
        if progress:
            progress(1000 * (index + 1) // len(paths), 1000)
    return results


def record_submission(ledger, plan, zip_path, package_sha, package_size, manifest, data,
                      manifest_text) -> ImportResult:
    """Record a checked package as a submission of its unit, in one transaction.

    Its files must already be in the evidence store. The newest package becomes the unit's
    current submission and its data replaces the unit's; an older one is kept only in the
    history; the same manifest again changes nothing. "Newest" is judged by the day the
    package reports up to (its round's cut-off, or the day it was made), then by ``made_at``:
    a 二季度 package corrected after the 三季度 one was handed in stays history. A package
    made for a reporting round records it, and the round joins the ledger's rounds if it
    was not there yet; its version and changes count within that round.
    """
    unit = manifest["unit"]
    db = ledger.db
    made = parse_made_at(zip_path, manifest["made_at"])
    item = manifest.get("round") if isinstance(manifest.get("round"), dict) else None
    round_name = item["name"].strip() if item else ""
    reaches = (item["cutoff"] if item else manifest["made_at"][:10], made)
    # The same package zipped again (other bytes, same manifest) is still the same package.
    same = db.execute("SELECT id, made_at FROM submissions WHERE plan_id = ? AND unit = ?"
                      " AND manifest = ?", [plan.id, unit, manifest_text]).fetchone()
    if same:
        return ImportResult(str(zip_path), unit, UNCHANGED, same[0], made_at=same[1])
    ledger.note_changes(submissions={unit}, reviews={unit})
    fingerprint = content_fingerprint(data)
    with dbmod.transaction(db):
        current = db.execute("SELECT id, made_at, data, plan_id, round, round_cutoff FROM"
                             " submissions WHERE plan_id = ? AND unit = ? AND superseded_by IS NULL",
                             [plan.id, unit]).fetchone()
        older = current is not None and (
            current[5] or current[1][:10], parse_made_at(zip_path, current[1])) > reaches
        # What changed is judged against the unit's latest package of the same round made
        # before this one: the reviewer then looks only at the measures that changed.
        previous = None
        for row in db.execute("SELECT id, made_at, data, plan_id, round FROM submissions WHERE"
                              " plan_id = ? AND unit = ? ORDER BY id", [plan.id, unit]).fetchall():
            if (same_round(round_of(row[3], row[4]), round_of(plan.id, manifest))
                    and parse_made_at(zip_path, row[1]) <= made
                    and (previous is None or parse_made_at(zip_path, previous[1])
                         <= parse_made_at(zip_path, row[1]))):
                previous = row
        if item:
            from ..rounds import store_rounds
            store_rounds(db, plan.id, [{"name": round_name, "cutoff": item["cutoff"],
                                        "due": item["due"]}], user=ledger.user)
        version = manifest.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            # A package made before versions existed: numbered in the order of arrival.
            version = 1 + db.execute("SELECT count(*) FROM submissions WHERE plan_id = ? AND"
                                     " unit = ? AND round = ?", [plan.id, unit, round_name]).fetchone()[0]
        changes = compare_unit_data(_loaded(previous[2]), data) if previous else []
        counts = data.get("counts") if isinstance(data.get("counts"), dict) else {}
        new_id = db.execute(
            "INSERT INTO submissions (plan_id, unit, package_sha256, package_name, package_size,"
            " made_at, imported_at, imported_by, superseded_by, format_version, program_version,"
            " counts, manifest, data, version, fingerprint, changes, previous_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [plan.id, unit, package_sha, zip_path.name, package_size, manifest["made_at"], now_text(),
             ledger.user, current[0] if older else None, manifest["format_version"],
             str(manifest.get("program_version", "")), json.dumps(counts, ensure_ascii=False),
             manifest_text, json.dumps(data, ensure_ascii=False), version, fingerprint,
             json.dumps([c.to_dict() for c in changes], ensure_ascii=False),
             previous[0] if previous else None]).lastrowid
        db.execute("UPDATE submissions SET round = ?, round_cutoff = ?, round_due = ? WHERE id = ?",
                   [round_name, item["cutoff"] if item else None, item["due"] if item else None,
                    new_id])
        for entry in manifest["files"]:
            db.execute("INSERT INTO submission_files (submission_id, path, role, sha256, size)"
                       " VALUES (?,?,?,?,?)",
                       [new_id, entry["path"], entry["role"], entry["sha256"], entry["size"]])
        reopened: list[str] = []
        if not older:
            if current:
                db.execute("UPDATE submissions SET superseded_by = ? WHERE id = ?", [new_id, current[0]])
            replace_unit_data(ledger, plan.id, unit, data, manifest)
        if previous and not older:
            changed = {c.code for c in changes}
            unchanged = {m["id"] for m in data["measures"]} - changed
            reopened = carry_reviews(db, previous[0], new_id, unchanged)
        record_audit(db, ledger.user, "import_package", unit,
               {"package": zip_path.name, "sha256": package_sha, "made_at": manifest["made_at"],
                "submission": new_id, "replaced": current[0] if current and not older else None,
                "older": older, "version": version, "fingerprint": fingerprint,
                "round": round_name,
                "changed": [c.code for c in changes], "reopened": reopened})
    return ImportResult(str(zip_path), unit, OLDER if older else IMPORTED, new_id,
                        made_at=manifest["made_at"],
                        replaced=current[0] if current and not older else None,
                        files=len(manifest["files"]), version=version, fingerprint=fingerprint,
                        changed=[c.code for c in changes], reopened=reopened,
                        compared=previous is not None, round=round_name)


def _loaded(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def replace_unit_data(ledger, plan_id: int, unit: str, data: dict, manifest: dict) -> None:
    """Replace everything ``unit`` reported on the plan with a package's data.

    Runs inside the caller's transaction (record_submission's): entries, figures, assignments and
    evidence links of the plan go, the package's come in, with evidence numbered as the
    unit numbered it.
    """
    db = ledger.db
    plan_measures = "SELECT id FROM measures WHERE plan_id = ?"
    db.execute(f"DELETE FROM entries WHERE unit = ? AND measure_id IN ({plan_measures})", [unit, plan_id])
    db.execute("DELETE FROM indicator_values WHERE unit = ? AND indicator_id IN (SELECT i.id FROM"
               " indicators i JOIN measures m ON m.id = i.measure_id WHERE m.plan_id = ?)",
               [unit, plan_id])
    db.execute(f"DELETE FROM assignments WHERE unit = ? AND measure_id IN ({plan_measures})", [unit, plan_id])
    db.execute(f"DELETE FROM milestones WHERE unit = ? AND measure_id IN ({plan_measures})", [unit, plan_id])
    db.execute(f"DELETE FROM evidence_links WHERE measure_id IN ({plan_measures}) AND evidence_id IN"
               " (SELECT id FROM evidence WHERE unit = ?)", [plan_id, unit])
    db.execute("DELETE FROM evidence WHERE unit = ? AND NOT EXISTS (SELECT 1 FROM evidence_links"
               " el WHERE el.evidence_id = evidence.id)", [unit])

    measure_pk = {code: mid for mid, code in db.execute(
        "SELECT id, code FROM measures WHERE plan_id = ?", [plan_id]).fetchall()}
    indicator_pk: dict[str, list[int]] = {}
    for code, iid in db.execute("SELECT m.code, i.id FROM indicators i JOIN measures m ON"
                                " m.id = i.measure_id WHERE m.plan_id = ? ORDER BY m.id, i.seq",
                                [plan_id]).fetchall():
        indicator_pk.setdefault(code, []).append(iid)
    now = now_text()
    evidence_rows: dict[str, tuple[dict, list[int]]] = {}
    for m in data["measures"]:
        mid = measure_pk[m["id"]]
        involved = m.get("involved")
        db.execute("INSERT INTO assignments (measure_id, unit, status, involved, problems, next_steps,"
                   " updated_at, deadline, deadline_set_by, progress, not_involved_reason)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   [mid, unit, m["status"], None if involved is None else int(bool(involved)),
                    m.get("problems") or "", m.get("next_steps") or "", m.get("updated_at"),
                    m.get("deadline_set") or None, unit if m.get("deadline_set") else "",
                    m.get("progress"), m.get("not_involved_reason") or ""])
        for step in m.get("milestones", []):
            db.execute("INSERT INTO milestones (measure_id, unit, text, planned, done, created_at,"
                       " created_by, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                       [mid, unit, step["text"], parse_date(step["planned"]),
                        parse_date(step["done"]) if step.get("done") else None, now, unit, now])
        for e in m.get("entries", []):
            db.execute("INSERT INTO entries (measure_id, unit, date, author, text, created_at,"
                       " updated_at) VALUES (?,?,?,?,?,?,?)",
                       [mid, unit, parse_date(e["date"]), str(e.get("author") or ""), e["text"],
                        str(e.get("created_at") or now), str(e.get("updated_at") or now)])
        ids = indicator_pk.get(m["id"], [])
        for k, ind in enumerate(m.get("indicators", [])):
            if ind.get("value") is not None and k < len(ids):
                db.execute("INSERT INTO indicator_values (indicator_id, unit, value, updated_at)"
                           " VALUES (?,?,?,?)", [ids[k], unit, float(ind["value"]),
                                                 m.get("updated_at") or now])
        for ev in m.get("evidence", []):
            evidence_rows.setdefault(ev["sha256"], (ev, []))[1].append(mid)
    # Insert in the unit's own order (material date, then its record id) so that the
    # province numbers evidence exactly as the unit's package did.
    ordered = sorted(evidence_rows.values(),
                     key=lambda item: (str(item[0].get("evidence_date") or ""), int(item[0].get("id") or 0)))
    for ev, mids in ordered:
        evidence_id = db.execute(
            "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note, added_at,"
            " added_by) VALUES (?,?,?,?,?,?,?,?)",
            [unit, ev["sha256"], ev["original_name"], ev["size"],
             parse_date(ev.get("evidence_date")), str(ev.get("note") or ""),
             str(ev.get("added_at") or now), str(ev.get("added_by") or "")]).lastrowid
        for mid in mids:
            db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id, linked_at)"
                       " VALUES (?,?,?)", [evidence_id, mid, now])


def create_province_ledger(path: Path, *, user: str = "", plan: dict | None = None,
                           office: str | None = None):
    """A provincial ledger on ``plan`` (the built-in 2021 plan by default) with all its units.

    Its own name is the plan's issuer (e.g. 河南省知识产权局) unless ``office`` is given; it
    reports on nothing itself and receives the units' packages.
    """
    from ..ledger import Ledger
    from ..plan.definition import load_builtin_plan
    plan = plan if plan is not None else load_builtin_plan()
    office = (office or plan.get("issuer") or "省级主管部门").strip()
    return Ledger.create(path, unit=office, user=user, plan=plan, role=PROVINCE_ROLE)
