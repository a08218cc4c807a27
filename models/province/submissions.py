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


@dataclass
class SubmissionStatus:
    """Who has handed in (their current submission and how many before it) and who has not."""
    plan_title: str
    deadline: str
    handed_in: list[SubmissionInfo] = field(default_factory=list)
    history: dict[str, int] = field(default_factory=dict)     # unit → older submissions kept
    missing: list[str] = field(default_factory=list)


def submission_history(ledger, *, unit: str | None = None) -> list[SubmissionInfo]:
    """Every imported package of the current plan (optionally one unit's), newest import last."""
    sql = ("SELECT s.*, (SELECT count(*) FROM submission_files f WHERE f.submission_id = s.id)"
           " AS nfiles FROM submissions s WHERE plan_id = ?")
    params: list = [ledger.plan_id]
    if unit:
        sql += " AND unit = ?"
        params.append(unit)
    return [SubmissionInfo(id=r["id"], unit=r["unit"], package_name=r["package_name"],
                           package_sha256=r["package_sha256"], made_at=r["made_at"],
                           imported_at=r["imported_at"], superseded_by=r["superseded_by"],
                           counts=json.loads(r["counts"] or "{}"), files=r["nfiles"])
            for r in ledger.db.query(sql + " ORDER BY id", params)]


def submission_status(ledger) -> SubmissionStatus:
    """Which units of the plan have handed in (current package, when) and which have not."""
    plan = ledger.plan()
    history = submission_history(ledger)
    current = {s.unit: s for s in history if s.superseded_by is None}
    status = SubmissionStatus(plan_title=plan.title, deadline=plan.deadline)
    for unit in ledger.units():
        if unit.name in current:
            status.handed_in.append(current[unit.name])
            status.history[unit.name] = sum(1 for s in history if s.unit == unit.name) - 1
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


def current_submissions(ledger, *, plan_id: int | None = None) -> dict[str, CurrentSubmission]:
    """Each unit's current submission on the plan (default: the ledger's current plan)."""
    plan_id = plan_id or ledger.plan_id
    current = {}
    for row in ledger.db.query("SELECT unit, made_at, imported_at, data FROM submissions"
                               " WHERE plan_id = ? AND superseded_by IS NULL", [plan_id]):
        current[row["unit"]] = CurrentSubmission(row["unit"], row["made_at"], row["imported_at"],
                                                 _contact_person(row["data"]))
    return current


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
