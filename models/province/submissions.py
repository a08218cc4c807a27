"""What the province has received: the history of imported packages, who has handed in
and who has not, and the files of one submission."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LedgerError


@dataclass
class SubmissionInfo:
    """One imported package as the province's history keeps it."""
    id: int
    unit: str
    package_name: str
    package_sha256: str
    made_at: str
    imported_at: str
    superseded_by: int | None
    counts: dict[str, int]
    files: int
    version: int = 1
    fingerprint: str = ""
    changes: list[str] = field(default_factory=list)     # measures changed since the version before
    review: dict[str, int] = field(default_factory=dict)  # measures per review result
    review_comment: str = ""
    round: str = ""               # the reporting round it was made for ("" none)
    round_cutoff: str | None = None
    round_due: str | None = None

    @property
    def late(self) -> bool:
        """Made after its round's due date (a package with no round: never)."""
        from ..rounds import is_late
        return is_late(self.made_at, self.round_due)


@dataclass
class SubmissionStatus:
    """Who has handed in (their current submission and how many before it) and who has not."""
    plan_title: str
    deadline: str
    handed_in: list[SubmissionInfo] = field(default_factory=list)
    history: dict[str, int] = field(default_factory=dict)     # unit → older submissions kept
    missing: list[str] = field(default_factory=list)
    # Divisions the coordinator records for in the provincial ledger (no package): unit → last update.
    recorded_directly: dict[str, str] = field(default_factory=dict)
    round: object = None          # models.rounds.Round when the status is of one round

    @property
    def late(self) -> list[SubmissionInfo]:
        """The hand-ins made after the round's due date."""
        return [s for s in self.handed_in if s.late]


def submission_history(ledger, *, unit: str | None = None) -> list[SubmissionInfo]:
    """Every imported package of the current plan (optionally one unit's), newest import last."""
    sql = ("SELECT s.*, (SELECT count(*) FROM submission_files f WHERE f.submission_id = s.id)"
           " AS nfiles FROM submissions s WHERE plan_id = ?")
    params: list = [ledger.plan_id]
    if unit:
        sql += " AND unit = ?"
        params.append(unit)
    rows = list(ledger.db.query(sql + " ORDER BY id", params))
    results: dict[int, dict[str, int]] = {}
    for row in ledger.db.query(
            "SELECT r.submission_id, r.result, count(*) AS n FROM reviews r JOIN submissions s"
            " ON s.id = r.submission_id WHERE s.plan_id = ? GROUP BY r.submission_id, r.result",
            [ledger.plan_id]):
        results.setdefault(row["submission_id"], {})[row["result"]] = row["n"]
    return [SubmissionInfo(id=r["id"], unit=r["unit"], package_name=r["package_name"],
                           package_sha256=r["package_sha256"], made_at=r["made_at"],
                           imported_at=r["imported_at"], superseded_by=r["superseded_by"],
                           counts=json.loads(r["counts"] or "{}"), files=r["nfiles"],
                           version=r["version"], fingerprint=r["fingerprint"],
                           changes=_codes(r["changes"]),
                           review=_review_counts(results.get(r["id"], {}), r["data"]),
                           review_comment=r["review_comment"], round=r.get("round") or "",
                           round_cutoff=r.get("round_cutoff"), round_due=r.get("round_due"))
            for r in rows]


def _codes(changes: str | None) -> list[str]:
    try:
        items = json.loads(changes or "[]")
    except ValueError:
        return []
    return [c["code"] for c in items if isinstance(c, dict) and isinstance(c.get("code"), str)] \
        if isinstance(items, list) else []


def _review_counts(decided: dict[str, int], data: str | None) -> dict[str, int]:
    """Measures per result; the ones with no review row are 待审核."""
    from ..review import PASSED, PENDING, RETURNED, REVIEW_RESULTS
    try:
        measures = json.loads(data or "{}").get("measures", [])
        total = len(measures) if isinstance(measures, list) else 0
    except (ValueError, AttributeError):
        total = 0
    counts = {result: decided.get(result, 0) for result in REVIEW_RESULTS}
    counts[PENDING] = max(0, total - counts[PASSED] - counts[RETURNED])
    return counts


def submission_status(ledger, *, round_name: str | None = None) -> SubmissionStatus:
    """Which units of the plan have handed in (current package, when) and which have not.

    For a reporting round (``round_name``): each unit's latest package of that round, late
    when made after the round's due date, and the units with none; the deadline is the
    round's due date.
    """
    plan = ledger.plan()
    history = submission_history(ledger)
    chosen = None
    if round_name:
        from ..rounds import find_round
        chosen = find_round(ledger, round_name)
        history = [s for s in history if s.round == chosen.name]
        current = {}
        for item in sorted(history, key=lambda s: (s.made_at, s.id)):
            current[item.unit] = item
    else:
        current = {s.unit: s for s in history if s.superseded_by is None}
    status = SubmissionStatus(plan_title=plan.title,
                              deadline=chosen.due if chosen else plan.deadline, round=chosen)
    from ..plan.store import DIVISION
    from .divisions import divisions, units_recorded_directly
    direct = units_recorded_directly(ledger)
    carrying = {d.name for d in divisions(ledger) if d.measures}
    for unit in ledger.units():
        if unit.name in current:
            status.handed_in.append(current[unit.name])
            if chosen and current[unit.name].round_due is None:
                current[unit.name].round_due = chosen.due
            status.history[unit.name] = sum(1 for s in history if s.unit == unit.name) - 1
        elif unit.name in direct and unit.kind == DIVISION and not chosen:
            status.recorded_directly[unit.name] = direct[unit.name]
        elif unit.kind == DIVISION:
            if unit.name in carrying:
                status.missing.append(unit.name)
        elif unit.kind != "other":
            status.missing.append(unit.name)
    return status


def submission_files(ledger, submission_id: int) -> list[dict]:
    """The files of one submission: path, role, sha256, size and where the copy is stored."""
    return [dict(row, stored=str(ledger.evidence_path(row["sha256"]))) for row in ledger.db.query(
        "SELECT path, role, sha256, size FROM submission_files WHERE submission_id = ?"
        " ORDER BY rowid", [submission_id])]


def copy_submission_file(ledger, submission_id: int, member_path: str, dest_dir: Path) -> Path:
    """Copy one file of an imported package (e.g. its 完成情况表) out of the store into
    ``dest_dir`` under its name in the package, so it can be opened; returns the copy."""
    row = ledger.db.execute("SELECT sha256 FROM submission_files WHERE submission_id = ?"
                            " AND path = ?", [submission_id, member_path]).fetchone()
    if not row:
        raise LedgerError(f"报送记录 {submission_id} 中没有文件 {member_path}")
    source = ledger.evidence_path(row[0])
    if not source.is_file():
        raise LedgerError(f"文件 {member_path} 的存档副本已缺失（{source}）")
    dest = Path(dest_dir) / Path(member_path.replace("\\", "/")).name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return dest


@dataclass
class CurrentSubmission:
    """A unit's current (not superseded) package on a plan, as the consolidated view needs it."""
    unit: str
    made_at: str
    imported_at: str
    contact_person: str      # the 填报人 the package named ("" if none)
    round_due: str | None = None     # the due date of its reporting round, if it has one
    id: int = 0                      # the submission's row

    @property
    def late(self) -> bool:
        """Made after its round's due date."""
        from ..rounds import is_late
        return is_late(self.made_at, self.round_due)


def current_submissions(ledger, *, plan_id: int | None = None,
                        round_name: str | None = None) -> dict[str, CurrentSubmission]:
    """Each unit's current submission on the plan (default: the ledger's current plan); for
    a reporting round, each unit's latest package of that round."""
    plan_id = plan_id or ledger.plan_id
    current = {}
    if round_name:
        sql, params = ("SELECT id, unit, made_at, imported_at, data, round_due FROM submissions"
                       " WHERE plan_id = ? AND round = ? ORDER BY made_at, id",
                       [plan_id, round_name])
    else:
        sql, params = ("SELECT id, unit, made_at, imported_at, data, round_due FROM submissions"
                       " WHERE plan_id = ? AND superseded_by IS NULL", [plan_id])
    for row in ledger.db.query(sql, params):
        current[row["unit"]] = CurrentSubmission(row["unit"], row["made_at"], row["imported_at"],
                                                 _contact_person(row["data"]),
                                                 round_due=row["round_due"], id=row["id"])
    return current


def round_data(ledger, round_name: str, *, plan_id: int | None = None) -> dict[str, dict]:
    """unit → the data.json of its latest package of reporting round ``round_name``."""
    import json as _json
    plan_id = plan_id or ledger.plan_id
    found = {}
    for row in ledger.db.query("SELECT unit, data FROM submissions WHERE plan_id = ? AND round = ?"
                               " ORDER BY made_at, id", [plan_id, round_name]):
        try:
            value = _json.loads(row["data"])
        except ValueError:
            continue
        if isinstance(value, dict):
            found[row["unit"]] = value
    return found


def _contact_person(data: str | None) -> str:
    try:
        person = json.loads(data or "{}").get("contacts", {}).get("contact_person", "")
    except (ValueError, AttributeError):
        return ""
    return person if isinstance(person, str) else ""


def units_with_assignments(ledger, *, plan_id: int | None = None) -> set[str]:
    """Units that have reported on at least one measure of the plan (default: the current).

    Only the plan's own measures count: a unit that reported on another year's plan has
    nothing to show on this one.
    """
    plan_id = plan_id or ledger.plan_id
    return {row["unit"] for row in ledger.db.query(
        "SELECT DISTINCT r.unit FROM assignments r JOIN measures m ON m.id = r.measure_id"
        " WHERE m.plan_id = ?", [plan_id])}
