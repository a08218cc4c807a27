"""What a unit hands in: the layout of the submission package and its data.json.

The package (``{单位}-{年度}-报送材料.zip``) holds the progress workbook, the report PDF, the
numbered evidence files and two JSON files: data.json (the unit's ledger data the province
imports) and manifest.json (every other file's path, size and SHA-256). The writer lives in
exports/package.py and the reader in models/province/; both take their names from here.
"""
from __future__ import annotations

import re
from datetime import datetime

from .summary import evidence_numbers, summarize

PACKAGE_FORMAT = "taskledger-package"
PACKAGE_FORMAT_VERSION = 1
DATA_FORMAT = "taskledger-unit-data"
MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.json"
EVIDENCE_DIR = "佐证材料"

# Roles of the files a manifest lists (the province keeps them with the submission).
ROLE_XLSX, ROLE_REPORT, ROLE_DATA, ROLE_EVIDENCE = "progress_xlsx", "report_pdf", "data", "evidence"

_UNSAFE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def program_version() -> str:
    """The program's version string (models/version.py when present)."""
    try:
        from . import version as version_module  # written by the packaging issue
    except ImportError:
        return "0.1.0"
    for name in ("__version__", "VERSION", "version"):
        value = getattr(version_module, name, None)
        if isinstance(value, str) and value:
            return value
    return "0.1.0"


def safe_member_name(name: str) -> str:
    """A file name that is valid inside a zip on every system (no separators, no ``..``)."""
    cleaned = _UNSAFE_CHARS.sub("_", name).strip().strip(".") or "file"
    return cleaned


def package_file_name(unit: str, year: int, round_name: str = "") -> str:
    """``洛阳市-2021-报送材料.zip``; for a reporting round ``洛阳市-2021年第三季度-报送材料.zip``
    (the year put in front when the round's name lacks it)."""
    if round_name:
        middle = round_name if str(year) in round_name else f"{year}-{round_name}"
        return safe_member_name(f"{unit}-{middle}-报送材料.zip")
    return safe_member_name(f"{unit}-{year}-报送材料.zip")


def plan_identity(plan) -> dict:
    """What ties a package to a plan: year, title and document number."""
    return {"year": int(plan.year), "title": plan.title, "doc_no": plan.doc_no}


def unit_data(ledger, *, unit: str | None = None) -> dict:
    """Everything the province needs of ``unit``'s ledger, as JSON-ready data.

    Statuses, progress entries, problems, next steps, indicator figures and evidence metadata,
    per measure; evidence carries its number and its path inside the package.
    """
    unit = ledger.check_unit(unit)
    plan = ledger.plan()
    summary = summarize(ledger, unit=unit)
    numbers: dict[tuple[str, int], str] = {}
    for numbered in evidence_numbers(ledger, unit=unit):
        numbers[(numbered.measure_code, numbered.evidence.id)] = numbered.number
    measures = [measure_data(row, ledger.measure(row.code, unit=unit), numbers)
                for row in summary.rows]
    settings = ledger.settings()
    return {
        "format": DATA_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "plan": plan_identity(plan),
        "unit": unit,
        "contacts": {key: settings.get(key, "") for key in
                     ("unit_full_name", "contact_person", "contact_phone")},
        "made_on": summary.on.isoformat(),
        # A package made for a reporting round reports 截至 its cut-off (Ledger.as_of).
        **({"round": ledger.round.to_dict()} if getattr(ledger, "round", None) else {}),
        "counts": dict(summary.counts),
        "carried": summary.carried,
        "measures": measures,
    }


def measure_data(row, detail, numbers: dict[tuple[str, int], str]) -> dict:
    """One measure of data.json: ``row`` (MeasureRow) and ``detail`` (MeasureDetail) of the
    unit, ``numbers`` mapping (code, evidence id) to its number ("8.5-1")."""
    return {
        "id": row.code,
        "status": row.status,
        "involved": row.involved,
        "problems": row.problems,
        "next_steps": row.next_steps,
        "not_involved_reason": row.not_involved_reason,
        "updated_at": row.updated_at,
        "entries": [{"date": e.date, "author": e.author, "text": e.text,
                     "created_at": e.created_at, "updated_at": e.updated_at}
                    for e in detail.entries],
        "indicators": [{"seq": k, "raw": i.raw, "value": i.value}
                       for k, i in enumerate(detail.indicators, 1)],
        "evidence": [{
            "id": item.id,
            "number": numbers[(row.code, item.id)],
            "path": evidence_member_path(numbers[(row.code, item.id)], item.original_name),
            "sha256": item.sha256, "size": item.size,
            "original_name": item.original_name, "evidence_date": item.evidence_date,
            "note": item.note, "added_at": item.added_at, "added_by": item.added_by,
        } for item in detail.evidence],
        # Time (issue 12): the deadline the unit set (None: the list's or the plan's), its
        # 完成进度 as recorded and its milestones.
        "deadline_set": row.unit_deadline,
        "progress": row.recorded_progress,
        "milestones": [{"text": m.text, "planned": m.planned, "done": m.done}
                       for m in getattr(detail, "milestones", [])],
    }


def current_measure_data(ledger, code: str, *, unit: str | None = None) -> dict:
    """One measure as data.json would hold it if the unit handed in now (evidence numbered
    as every output numbers it: per measure, in the order the ledger lists it)."""
    unit = ledger.check_unit(unit)
    detail = ledger.measure(code, unit=unit)
    numbers = {(code, item.id): f"{code}-{k}" for k, item in enumerate(detail.evidence, 1)}
    return measure_data(detail.row, detail, numbers)


def evidence_member_path(number: str, original_name: str) -> str:
    """``佐证材料/佐证8.5-1_原名.pdf`` (the same name summary.EvidenceNumber.package_name gives)."""
    return f"{EVIDENCE_DIR}/{safe_member_name(f'佐证{number}_{original_name}')}"


def now_stamp() -> str:
    """The time a package is made: local time with its offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
