"""Adding many progress entries or evidence files at once (imports, benchmarks), and a
clerk's one change to several measures chosen together (record_many, attach_to_many).

``Ledger.add_entry`` and ``Ledger.attach`` make one transaction and one audit row per call and
return the refreshed measure, which is right for a clerk's single edit and far too slow for
100,000 rows. These helpers apply the same checks, write one transaction per batch and leave
one audit row per batch. A batch that fails is rolled back whole; earlier batches stay.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from . import db as dbmod
from .errors import InvalidInput
from .clock import now_text
from .ledger import parse_date, record_audit


def _batches(items: Iterable, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def add_entries(ledger, items: Iterable[tuple[str, str, str]], *, unit: str | None = None,
                author: str | None = None, batch: int = 5000,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, total: int = 0) -> int:
    """Add dated progress entries ``(code, "YYYY-MM-DD", text)`` to the current plan.

    Checks each item as ``Ledger.add_entry`` does (the unit reports on the measure, the date
    is valid, the text is not empty); returns how many were added. ``total`` is only passed
    on to ``progress(done, total)``.
    """
    unit = ledger.check_unit(unit)
    author = ledger.user if author is None else author
    pks: dict[str, int] = {}
    done = 0
    for chunk in _batches(items, batch):
        if cancelled and cancelled():
            break
        rows = []
        for code, day, text in chunk:
            if code not in pks:
                pks[code] = ledger._reportable(code, unit)[0]
            if not str(text or "").strip():
                raise InvalidInput(f"举措 {code} 的进展内容不能为空")
            rows.append((pks[code], unit, parse_date(day, what="进展日期"), author,
                         str(text).strip()))
        with dbmod.transaction(ledger.db):
            now = now_text()
            ledger.db.conn.executemany(
                "INSERT INTO entries (measure_id, unit, date, author, text, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?)", [(*row, now, now) for row in rows])
            touched = sorted({row[0] for row in rows})
            ledger.db.conn.executemany(
                "INSERT OR IGNORE INTO assignments (measure_id, unit) VALUES (?, ?)",
                [(mid, unit) for mid in touched])
            ledger.db.conn.executemany(
                "UPDATE assignments SET updated_at = ? WHERE measure_id = ? AND unit = ?",
                [(now, mid, unit) for mid in touched])
            record_audit(ledger.db, author, "bulk_entries", unit, {"count": len(rows)})
        done += len(rows)
        if progress:
            progress(done, total)
    return done


def attach_many(ledger, items: Iterable[tuple[str, Path]], *, unit: str | None = None,
                date: str | None = None, batch: int = 1000,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None, total: int = 0) -> int:
    """Attach files ``(code, path)`` to measures of the current plan; returns how many.

    Each file is copied into the evidence store first (as ``Ledger.attach`` does: the file
    lands before any row names it); the same content for the same unit reuses its record.
    """
    unit = ledger.check_unit(unit)
    evidence_date = parse_date(date, what="材料日期")
    pks: dict[str, int] = {}
    done = 0
    for chunk in _batches(items, batch):
        if cancelled and cancelled():
            break
        stored = []
        for code, path in chunk:
            if code not in pks:
                pks[code] = ledger._reportable(code, unit)[0]
            path = Path(path)
            if not path.is_file():
                raise InvalidInput(f"找不到文件：{path}")
            sha, size = ledger.evidence.add(path)
            stored.append((pks[code], path.name, sha, size))
        with dbmod.transaction(ledger.db):
            now = now_text()
            for mid, name, sha, size in stored:
                row = ledger.db.execute("SELECT id FROM evidence WHERE unit = ? AND sha256 = ?",
                                        [unit, sha]).fetchone()
                evidence_id = row[0] if row else ledger.db.execute(
                    "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note,"
                    " added_at, added_by) VALUES (?,?,?,?,?,?,?,?)",
                    [unit, sha, name, size, evidence_date, "", now, ledger.user]).lastrowid
                ledger.db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id,"
                                  " linked_at) VALUES (?,?,?)", [evidence_id, mid, now])
            touched = sorted({s[0] for s in stored})
            for mid in touched:
                ledger._ensure_assignment(mid, unit)
                ledger._touch(mid, unit, now)
            record_audit(ledger.db, ledger.user, "bulk_attach", unit, {"count": len(stored)})
        done += len(stored)
        if progress:
            progress(done, total)
    return done


# ---- a clerk's change to several measures at once (the window's multi-selection) -----------
MAX_SELECTED = 1000          # measures one change may touch (a plan has a few hundred)


def _selected(codes) -> list[str]:
    codes = list(dict.fromkeys(str(c) for c in codes))
    if not codes:
        raise InvalidInput("没有选择任何举措")
    if len(codes) > MAX_SELECTED:
        raise InvalidInput(f"一次最多处理 {MAX_SELECTED} 项举措（选了 {len(codes)} 项）")
    return codes


def record_many(ledger, codes, *, status: str | None = None, note: str | None = None,
                date: str | None = None, reason: str | None = None) -> int:
    """Give several measures the same status and/or the same dated progress entry.

    All or nothing: one transaction, so a measure that refuses (不涉及 on a measure that is
    not 相关地市, a bad date) leaves every measure as it was; its refusal names it. Each
    measure gets its own audit row, as a single change would. Returns how many changed.
    """
    codes = _selected(codes)
    ledger.note_changes(measures=codes, entries=codes if note is not None else ())
    if status is None and note is None:
        raise InvalidInput("没有要填报的内容：请选择状态或填写进展")
    with dbmod.transaction(ledger.db):
        for code in codes:
            ledger.record(code, status=status, note=note, date=date, reason=reason)
    return len(codes)


def attach_to_many(ledger, codes, file_path: Path, *, note: str = "", date: str | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None):
    """Attach one file to several measures: copied and hashed once, linked to each in one
    transaction (one audit row per measure). Returns the Evidence record.

    Every measure is checked before the file is copied; ``progress``/``cancelled`` follow
    the copy as in ``Ledger.attach``.
    """
    codes = _selected(codes)
    ledger.note_changes(evidence=codes)
    unit = ledger.check_unit(None)
    pks = [ledger._reportable(code, unit)[0] for code in codes]
    evidence_date = parse_date(date, what="材料日期")
    file_path = Path(file_path)
    if not file_path.is_file():
        raise InvalidInput(f"找不到文件：{file_path}")
    sha, size = ledger.evidence.add(file_path, progress=progress, cancelled=cancelled)
    with dbmod.transaction(ledger.db):
        now = now_text()
        row = ledger.db.execute("SELECT id FROM evidence WHERE unit = ? AND sha256 = ?",
                                [unit, sha]).fetchone()
        evidence_id = row[0] if row else ledger.db.execute(
            "INSERT INTO evidence (unit, sha256, original_name, size, evidence_date, note,"
            " added_at, added_by) VALUES (?,?,?,?,?,?,?,?)",
            [unit, sha, file_path.name, size, evidence_date, note, now, ledger.user]).lastrowid
        for code, mid in zip(codes, pks):
            ledger.db.execute("INSERT OR IGNORE INTO evidence_links (evidence_id, measure_id,"
                              " linked_at) VALUES (?,?,?)", [evidence_id, mid, now])
            ledger._ensure_assignment(mid, unit)
            ledger._touch(mid, unit, now)
            record_audit(ledger.db, ledger.user, "attach", f"{code}@{unit}",
                         {"evidence": evidence_id, "name": file_path.name, "sha256": sha,
                          "size": size, "with": len(codes)})
    return ledger.evidence_item(evidence_id)
