"""The versions of a unit's submission package and what changed between them.

Every package the unit makes is recorded (package_versions): its version number, when, the
file's SHA-256, the content fingerprint, the changelog and the data.json it carried. The next
package of the same round is version n+1 with a changelog against the last one — unless
nothing it shows changed, when it is the same version made again. The feedback the province
sends back names the package it is about; the ledger knows from here whether that is the
unit's latest.

"Same round" is decided by ``round_of``/``same_round`` alone: a round is a plan and, within
it, a reporting round (报送轮次, models.rounds; "" for a package made without one).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import db as dbmod
from .changelog import MeasureChange, changes_from_dicts, compare_unit_data
from .fingerprint import content_fingerprint
from .ledger import record_audit


def round_of(plan_id: int, manifest: dict | str | None = None) -> tuple:
    """The round a package belongs to: (plan, reporting round name). ``manifest`` is a
    package's manifest (its "round"), or the round's name itself; none: "" (no round)."""
    if isinstance(manifest, dict):
        item = manifest.get("round")
        name = item.get("name") if isinstance(item, dict) else None
    else:
        name = manifest
    return (int(plan_id), name if isinstance(name, str) else "")


def same_round(first: tuple, second: tuple) -> bool:
    """Whether two packages (their ``round_of``) belong to the same round."""
    return tuple(first) == tuple(second)


@dataclass
class PackageVersion:
    """One package the unit made."""
    id: int
    plan_id: int
    unit: str
    version: int
    made_at: str
    made_by: str
    file_name: str
    package_sha256: str
    fingerprint: str
    changelog: list[MeasureChange] = field(default_factory=list)
    round: str = ""              # the reporting round it was made for ("" none)


@dataclass
class NextPackage:
    """What the next package will be: its version, its fingerprint, the package it follows
    (None for the first) and what changed since (empty for version 1)."""
    version: int
    fingerprint: str
    previous: PackageVersion | None
    changes: list[MeasureChange]
    data: dict
    round: str = ""              # the reporting round ("" none)

    @property
    def same_as_previous(self) -> bool:
        """Nothing it shows changed since the last package: the same version made again."""
        return self.previous is not None and self.previous.fingerprint == self.fingerprint

    def lines(self) -> list[str]:
        """The changelog as the clerk reads it (before exporting, on the command line)."""
        lines = self._lines()
        if self.round:
            lines[0] = f"报送轮次“{self.round}”：" + lines[0]
        return lines

    def _lines(self) -> list[str]:
        if self.previous is None:
            return [f"本次为第1版报送材料（校验码 {self.fingerprint}）。"]
        if self.same_as_previous:
            return [f"内容与第{self.previous.version}版（{self.previous.made_at[:16].replace('T', ' ')}）"
                    f"相同，本次仍为第{self.version}版（校验码 {self.fingerprint}）。"]
        head = (f"本次为第{self.version}版报送材料（校验码 {self.fingerprint}），与第"
                f"{self.previous.version}版（{self.previous.made_at[:16].replace('T', ' ')}）相比"
                f"有 {len(self.changes)} 项举措变化：")
        return [head] + [f"  举措 {c.code}：{c.summary}" for c in self.changes]


def _version(row: dict) -> PackageVersion:
    try:
        changelog = changes_from_dicts(json.loads(row["changelog"] or "[]"))
    except ValueError:
        changelog = []
    return PackageVersion(id=row["id"], plan_id=row["plan_id"], unit=row["unit"], version=row["version"],
                          made_at=row["made_at"], made_by=row["made_by"],
                          file_name=row["file_name"], package_sha256=row["package_sha256"],
                          fingerprint=row["fingerprint"], changelog=changelog,
                          round=row.get("round") or "")


def package_versions(ledger, *, unit: str | None = None,
                     plan_id: int | None = None) -> list[PackageVersion]:
    """Every package the unit made on the plan (default: current), oldest first."""
    unit = unit or ledger.unit
    plan_id = plan_id or ledger.plan_id
    return [_version(row) for row in ledger.db.query(
        "SELECT * FROM package_versions WHERE plan_id = ? AND unit = ? ORDER BY id",
        [plan_id, unit])]


def latest_package(ledger, *, unit: str | None = None,
                   round_name: str | None = None) -> PackageVersion | None:
    """The last package the unit made in the round (default: the round of ``ledger``, an
    "as of" view, or none), None before the first."""
    if round_name is None:
        round_name = getattr(getattr(ledger, "round", None), "name", "")
    current = round_of(ledger.plan_id, round_name)
    made = [p for p in package_versions(ledger, unit=unit)
            if same_round(round_of(p.plan_id, p.round), current)]
    return made[-1] if made else None


def _stored_data(ledger, package_id: int) -> dict:
    row = ledger.db.execute("SELECT data FROM package_versions WHERE id = ?", [package_id]).fetchone()
    try:
        data = json.loads(row[0]) if row else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def next_package(ledger, data: dict | None = None, *, unit: str | None = None) -> NextPackage:
    """What a package made now would be: version, fingerprint, changes since the last one
    of the same round (the round of ``ledger`` when it is an "as of" view, Ledger.as_of).

    ``data`` is the data.json it will carry (computed from the ledger when None).
    """
    from .handin import unit_data
    unit = ledger.check_unit(unit)
    data = data if data is not None else unit_data(ledger, unit=unit)
    fingerprint = content_fingerprint(data)
    round_name = getattr(getattr(ledger, "round", None), "name", "")
    previous = latest_package(ledger, unit=unit, round_name=round_name)
    if previous is None:
        return NextPackage(1, fingerprint, None, [], data, round_name)
    if previous.fingerprint == fingerprint:
        return NextPackage(previous.version, fingerprint, previous, previous.changelog, data,
                           round_name)
    changes = compare_unit_data(_stored_data(ledger, previous.id), data)
    return NextPackage(previous.version + 1, fingerprint, previous, changes, data, round_name)


def record_package(ledger, planned: NextPackage, *, file_name: str, package_sha256: str,
                   made_at: str, unit: str | None = None) -> PackageVersion:
    """Record a package that was written (one transaction, audited)."""
    unit = ledger.check_unit(unit)
    ledger.note_changes(reviews={unit})
    with dbmod.transaction(ledger.db):
        new_id = ledger.db.execute(
            "INSERT INTO package_versions (plan_id, unit, version, made_at, made_by, file_name,"
            " package_sha256, fingerprint, changelog, data, round) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [ledger.plan_id, unit, planned.version, made_at, ledger.user, file_name,
             package_sha256, planned.fingerprint,
             json.dumps([c.to_dict() for c in planned.changes], ensure_ascii=False),
             json.dumps(planned.data, ensure_ascii=False), planned.round]).lastrowid
        record_audit(ledger.db, ledger.user, "make_package", unit,
                     {"version": planned.version, "file": file_name, "sha256": package_sha256,
                      "round": planned.round,
                      "fingerprint": planned.fingerprint,
                      "changes": [c.code for c in planned.changes]})
    return next(p for p in package_versions(ledger, unit=unit) if p.id == new_id)

