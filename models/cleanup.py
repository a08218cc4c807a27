"""What a program killed halfway leaves behind, removed at the next start.

Every write goes to a temporary name first (evidence ``.incoming-*``, backups
``.partial-*.zip``, a restore's ``.<ledger>.restore-*`` folder, a new ledger's
``.<ledger>.creating-*``) and is renamed into place only when whole, so a kill never damages
the ledger — but the half-written temporary stays, up to hundreds of MB each. The next program
that takes the ledger's lock clears them: while it holds the lock, nobody else writes there.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from .evidence_store import evidence_dir_for

# A ledger being created is not locked yet: leave its temporary alone while it may be in use.
CREATING_GRACE_SECONDS = 3600


def clean_leftovers(ledger_path: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary files and folders an interrupted program left for this ledger.

    Call it only while holding the ledger's lock (models.lock). Returns what was removed.
    """
    from .backup import backups_dir
    ledger_path = Path(ledger_path).resolve()
    now = time.time() if now is None else now
    found: list[Path] = []
    store = evidence_dir_for(ledger_path)
    if store.is_dir():
        found += [p for p in store.glob(".incoming-*") if p.is_file()]
    folder = ledger_path.parent
    found += [p for p in folder.glob(f".{_glob_escape(ledger_path.name)}.restore-*") if p.is_dir()]
    found += [p for p in folder.glob(f".{_glob_escape(ledger_path.name)}.creating-*")
              if p.is_file() and now - p.stat().st_mtime > CREATING_GRACE_SECONDS]
    backups = backups_dir(ledger_path)
    if backups.is_dir():
        found += [p for p in backups.glob(".partial-*.zip") if p.is_file()]
    removed = []
    for path in found:
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass                    # in use (Windows) or not ours to remove: try next time
    return removed


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)
