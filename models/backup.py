"""Backups of a ledger: a .zip holding the database and a manifest, and a shared, checked
store of evidence files beside the backups, each file kept once however many backups need it.

Why a zip per backup: a clerk sees one thing per backup; the zip's CRCs and the manifest's
SHA-256s let a restore check it whole before anything is touched; it is written under a
temporary name and renamed, so a half-written backup never looks like a backup.

Why a shared store (format 2): evidence is named by its SHA-256 and never changes, so ten
daily backups of a ledger with 1 GB of photos and scans need that 1 GB once, not ten times.
Every backup re-hashes the stored copies it relies on (a damaged one is replaced from the
ledger), and a restore needs the chosen zip and the store beside it, and checks every hash.
Rotation removes a stored file only when no backup left in the folder names it.

Inside a backup folder::

    <stem>_<kind>_<stamp>.zip     manifest.json (format, program version, ledger, schema, unit,
                                  hashes and sizes of the evidence) and ledger.db (a consistent
                                  copy made with SQLite's online backup API)
    taskledger_backup_evidence/ab/abcdef…   the evidence files the backups name, by SHA-256

A single-file backup (format 1, every backup before issue 14, and ``single_file=True`` now —
for carrying a ledger to another PC as one file) holds its evidence inside the zip as
``evidence/ab/abcdef…``; both kinds restore.

The database is copied first; evidence files are written before rows name them (see
evidence_store.py), so every file the copy refers to is already on disk and a backup can
be taken while another program writes to the ledger.

Backups made by the program live in ``backups_dir(ledger)`` =
``user_data_dir()/backups/<ledger stem>/``, named ``<stem>_<kind>_YYYYMMDD-HHMMSS.zip`` where
kind is ``auto`` (the daily one, last 10 kept), ``manual`` or ``before-restore`` (never
rotated away).
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from .db import integrity_problems_of, ledger_id_of, read_schema_version
from .errors import Cancelled, DamagedLedger, DiskFull, LedgerError
from .evidence_store import evidence_dir_for
from .fsutil import LimitExceeded, copy_hashed, fsync_dir, ordinary_file_mode, sha256_file
from .inputs import load_json
from .paths import user_data_dir
from .schema import APPLICATION_ID, LATEST_VERSION
from .version import __version__

FORMAT = "taskledger-backup"
#: the newest backup format this program reads and writes: evidence in the shared store
FORMAT_VERSION = 2
#: one zip with the evidence inside (every backup before format 2; ``single_file=True``)
SINGLE_FILE_VERSION = 1
#: the shared evidence store's folder, beside the backups that name its files
#: (a name of its own: prune deletes what no backup names, so it must never be a folder the
#: clerk made, e.g. an "evidence" folder on the USB stick a backup went to)
STORE_NAME = "taskledger_backup_evidence"
#: how long a backup waits for another one writing into the same folder
STORE_LOCK_WAIT_SECONDS = 600
MANIFEST = "manifest.json"
DB_MEMBER = "ledger.db"
AUTO, MANUAL, BEFORE_RESTORE = "auto", "manual", "before-restore"
KEEP_DAILY = 10

# Progress while unpacking counts bytes plus this much per file: creating, writing and
# fsyncing one small file costs about as much as reading 32 KiB, and a backup holds thousands
# (measured on bench/big_ledger.py's ledger; an eighth of it when a file is only hashed).
FILE_COST = 32 * 1024

# What reading a damaged zip member can raise (bad deflate data, short file, odd method).
# What a backup may declare before anything of it is trusted.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_FILES = 1_000_000
# The tightest a real member packs (an almost empty SQLite page compresses ~400:1): more is a
# bomb. Small members may pack tighter without harm.
MAX_RATIO, RATIO_ALLOWANCE = 1000, 16 * 1024 * 1024
_ZIP_READ_ERRORS = (zipfile.BadZipFile, EOFError, ValueError, zlib.error, NotImplementedError,
                    RuntimeError)
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_NAME_RE = re.compile(r"^(?P<stem>.+)_(?P<kind>auto|manual|before-restore)_"
                      r"(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.zip$")


class BadBackup(LedgerError):
    """A backup that fails its check; nothing was changed."""


@dataclass
class BackupInfo:
    """What a backup holds (from its manifest) and where it is."""
    path: Path
    created_at: str
    kind: str
    program_version: str
    ledger_name: str
    ledger_path: str
    schema_version: int
    unit: str
    user: str
    plan_title: str
    evidence_count: int
    size: int
    #: evidence the ledger names but that was missing or altered in its store when the
    #: backup was made: the backup faithfully lacks them
    evidence_problems: list[dict] = field(default_factory=list)
    #: bytes of evidence the backup holds (inside the zip, or in the shared store)
    evidence_size: int = 0
    #: the shared store holding the evidence; None for a single-file backup
    evidence_store: Path | None = None
    #: files this backup was the first to put into the shared store (only when just made)
    added_to_store: list[Path] = field(default_factory=list)


@dataclass
class RestoreResult:
    """What a restore did."""
    restored: BackupInfo
    #: backup of the ledger as it was just before the restore (None if there was no ledger)
    safety_backup: Path | None
    evidence_added: int


def backups_dir(ledger_path: Path) -> Path:
    """Where the program keeps backups of this ledger: ``user_data_dir()/backups/<stem>-<id>/``.

    Keyed by the ledger's identity (meta ``ledger_id``), not its file name alone: two ledgers
    both called taskledger.db once shared one folder, and one's rotation deleted the other's
    backups. A ledger without an identity yet (an older version's) keeps the old folder.
    """
    ledger_path = Path(ledger_path)
    identity = ledger_id_of(ledger_path) if ledger_path.exists() else ""
    name = f"{ledger_path.stem}-{identity[:8]}" if identity else ledger_path.stem
    return user_data_dir() / "backups" / name


def _legacy_dir(ledger_path: Path) -> Path:
    """The folder backups went to before they were kept by the ledger's identity."""
    return user_data_dir() / "backups" / Path(ledger_path).stem


def store_dir(folder: Path) -> Path:
    """The shared evidence store of the backups in ``folder``."""
    return Path(folder) / STORE_NAME


# ---- making a backup -----------------------------------------------------------------------
def backup_ledger(ledger_path: Path, dest_dir: Path | None = None, *, kind: str = MANUAL,
                  now: datetime | None = None, single_file: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> BackupInfo:
    """Back the ledger up into one new .zip in ``dest_dir``, its evidence into the folder's
    shared store (``store_dir(dest_dir)``) — or, with ``single_file``, into the zip itself.

    ``dest_dir`` defaults to ``backups_dir(ledger_path)``. The ledger may be open elsewhere
    (even being written): the database copy is one consistent snapshot. Each evidence file
    the store already holds is re-hashed and reused; a missing or damaged one is copied from
    the ledger. Evidence files that are missing or altered in the ledger's own store (and not
    already safe in the backup store) are left out and listed in ``evidence_problems``.
    ``progress(done, total)`` counts files; ``cancelled()`` returning True stops the backup
    with errors.Cancelled and leaves no file (the zip and any file it had added to the store
    are removed). Raises LedgerError when the ledger cannot be read.
    """
    ledger_path = Path(ledger_path)
    read_schema_version(ledger_path)  # refuses a missing or foreign file with a clear message
    dest_dir = Path(dest_dir) if dest_dir is not None else backups_dir(ledger_path)
    now = now or datetime.now()
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(f"无法创建备份目录 {dest_dir}：{exc.strerror or exc}") from None
    final = _free_name(dest_dir, f"{ledger_path.stem}_{kind}_{now:%Y%m%d-%H%M%S}")
    ledger_store = evidence_dir_for(ledger_path)
    shared = None if single_file else _SharedStore(store_dir(dest_dir))
    with tempfile.TemporaryDirectory(prefix="taskledger-backup-") as work:
        snapshot = Path(work) / DB_MEMBER
        _snapshot(ledger_path, snapshot)
        damage = integrity_problems_of(snapshot)
        if damage:
            # A copy of a damaged file is no backup, and rotating it in would push out the
            # good ones a restore needs.
            raise DamagedLedger(f"台账 {ledger_path} 的数据库已损坏（{damage[0]}），未做备份；"
                                "请用“从备份恢复”换回最近的完好备份")
        meta = _describe_db(snapshot)
        shas = meta.pop("evidence_shas")
        total = len(shas) + 1
        fd, tmp_name = tempfile.mkstemp(prefix=".partial-", suffix=".zip", dir=dest_dir)
        os.close(fd)
        try:
            with shared.locked(cancelled) if shared else contextlib.nullcontext():
                included, problems = [], []
                with zipfile.ZipFile(tmp_name, "w", allowZip64=True) as zf:
                    zf.write(snapshot, DB_MEMBER, compress_type=zipfile.ZIP_DEFLATED,
                             compresslevel=6)
                    _report(progress, 1, total)
                    for done, sha in enumerate(shas, 2):
                        if cancelled and cancelled():
                            raise Cancelled("备份已取消，未留下任何文件")
                        entry = (shared.keep(ledger_store, sha, cancelled) if shared
                                 else _add_evidence(zf, ledger_store, sha))
                        (included if "problem" not in entry else problems).append(entry)
                        _report(progress, done, total)
                    manifest = {
                        "format": FORMAT,
                        "format_version": FORMAT_VERSION if shared else SINGLE_FILE_VERSION,
                        "program_version": __version__, "kind": kind,
                        "created_at": now.isoformat(timespec="seconds"),
                        "ledger_name": ledger_path.name,
                        "ledger_path": str(ledger_path.resolve()),
                        **meta,
                        "db": {"member": DB_MEMBER, "size": snapshot.stat().st_size,
                               "sha256": sha256_file(snapshot)},
                        **({"evidence_store": STORE_NAME} if shared else {}),
                        "evidence": included, "evidence_problems": problems,
                    }
                    zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1),
                                compress_type=zipfile.ZIP_DEFLATED)
                _fsync_file(tmp_name)
                if shared:
                    shared.sync()
                os.replace(tmp_name, final)
                fsync_dir(dest_dir)
        except BaseException as exc:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            if shared:
                shared.undo()
            if isinstance(exc, OSError):
                raise LedgerError(f"无法写入备份 {final}：{exc.strerror or exc}") from None
            raise
    info = _info(final, manifest)
    info.added_to_store = list(shared.added) if shared else []
    return info


class _SharedStore:
    """The evidence store beside the backups, as one backup writes into it.

    Only one backup (or rotation) works in a store at a time (``locked``: a lock file beside
    it, models.lock). Remembers what this backup added, so that a cancel or a failure takes
    exactly that out again (``undo``).
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.added: list[Path] = []
        self.made_dirs: list[Path] = []
        self.touched: set[Path] = set()

    @contextlib.contextmanager
    def locked(self, cancelled=None):
        """Hold the store's lock, waiting (cancellably) while another backup has it."""
        handle = _lock_store(self.root, cancelled, wait=STORE_LOCK_WAIT_SECONDS)
        try:
            yield self
        finally:
            handle.release()

    def keep(self, ledger_store: Path, sha: str, cancelled=None) -> dict:
        """Make sure the store holds an intact copy of ``sha``; the manifest entry for it."""
        if not _SHA_RE.match(sha):
            return {"sha256": sha, "problem": "missing"}
        target = self.root / sha[:2] / sha
        if target.is_file() and sha256_file(target, cancelled=cancelled) == sha:
            return {"sha256": sha, "size": target.stat().st_size}
        source = ledger_store / sha[:2] / sha
        if not source.is_file():
            return {"sha256": sha, "problem": "missing"}
        self._make_dirs(target.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        os.close(fd)
        try:
            digest, size = copy_hashed(source, tmp_name, cancelled=cancelled)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
        if digest != sha:
            # The ledger's copy is not what its name says: a damaged copy is not backed up.
            os.unlink(tmp_name)
            return {"sha256": sha, "problem": "altered"}
        os.chmod(tmp_name, ordinary_file_mode())
        existed = target.exists()
        os.replace(tmp_name, target)
        self.touched.add(target.parent)
        if not existed:
            self.added.append(target)
        return {"sha256": sha, "size": size}

    def _make_dirs(self, folder: Path) -> None:
        for each in (self.root, folder):
            if not each.exists():
                each.mkdir(parents=True)
                self.made_dirs.append(each)
                self.touched.add(each.parent)

    def sync(self) -> None:
        """Make the files moved in durable (one fsync per folder touched)."""
        for folder in sorted(self.touched):
            fsync_dir(folder)

    def undo(self) -> None:
        """Take out what this backup added (best effort: never raises)."""
        _remove_store_files(self.added, self.made_dirs)
        self.added, self.made_dirs = [], []


def _remove_store_files(files: list[Path], dirs: list[Path] = ()) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            pass
    for folder in sorted({*(p.parent for p in files), *dirs}, key=lambda p: -len(p.parts)):
        try:
            folder.rmdir()          # only if empty
        except OSError:
            pass


def _lock_store(root: Path, cancelled=None, *, wait: float):
    """The store's lock (``<store>.lock`` beside it); waits up to ``wait`` seconds for another
    backup to finish, honouring ``cancelled``. LedgerLocked when ``wait`` is 0 and it is held."""
    from . import lock as lockmod
    try:        # a folder we cannot write to is an error now, not a lock to wait for
        open(lockmod.lock_path_for(root), "a+b").close()
    except OSError as exc:
        raise LedgerError(f"无法写入备份文件夹 {root.parent}：{exc.strerror or exc}") from None
    deadline = time.monotonic() + wait
    while True:
        try:
            return lockmod.acquire(root, program="备份")
        except lockmod.LedgerLocked as exc:
            if time.monotonic() >= deadline:
                if wait <= 0:
                    raise
                who = exc.holder.describe() if exc.holder else "另一个程序"
                raise LedgerError(f"备份文件夹 {root.parent} 正被另一个备份使用（{who}），"
                                  "请稍后再试") from None
            _stop_if(cancelled)
            time.sleep(0.2)


def prune_backup_store(folder: Path) -> int:
    """Remove from ``folder``'s shared store every file no backup in ``folder`` names; return
    how many went.

    Nothing is removed while another backup works in the store (it is skipped, to be done
    next time), nor when a backup in the folder cannot be read: what it needs is unknown.
    Temporary copies left by an interrupted backup go too.
    """
    from . import lock as lockmod
    root = store_dir(folder)
    if not root.is_dir():
        return 0
    try:
        handle = _lock_store(root, wait=0)
    except lockmod.LedgerLocked:
        return 0
    try:
        needed: set[str] = set()
        for path in Path(folder).glob("*.zip"):
            try:
                with zipfile.ZipFile(path) as zf:
                    manifest = _read_manifest(zf, path)
            except BadBackup:
                continue            # not a TaskLedger backup, or a newer one: see below
            except (zipfile.BadZipFile, OSError):
                return 0
            if manifest.get("evidence_store") == STORE_NAME:
                needed |= {str(item.get("sha256")) for item in manifest.get("evidence", [])}
        if any(_newer_format(path) for path in Path(folder).glob("*.zip")):
            return 0                # a newer program's backup may name files differently
        # Only what a backup could have put there: hash-named files in their two-letter folders.
        going = [file for folder_ in root.iterdir() if folder_.is_dir() and len(folder_.name) == 2
                 for file in folder_.iterdir()
                 if _SHA_RE.match(file.name) and file.name[:2] == folder_.name
                 and file.name not in needed]
        going += list(root.glob(".incoming-*"))
        _remove_store_files(going)
        return len(going)
    finally:
        handle.release()


def _newer_format(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
        return (isinstance(manifest, dict) and manifest.get("format") == FORMAT
                and int(manifest.get("format_version", 0)) > FORMAT_VERSION)
    except (KeyError, ValueError, TypeError, OSError, *_ZIP_READ_ERRORS):
        return False


def maybe_daily_backup(ledger_path: Path, *, now: datetime | None = None,
                       keep: int = KEEP_DAILY,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> BackupInfo | None:
    """The daily automatic backup: made at most once a calendar day, the last ``keep`` kept.

    Call it when the window closes. Returns the new backup, or None when there is nothing
    to do: today's backup exists, the ledger has not changed since the last automatic
    backup (so the ten kept are ten different states, not ten copies of a quiet week), or
    there is no ledger file. Only ``auto`` backups are rotated; manual and before-restore
    backups stay until the user deletes them. Evidence in the shared store that no remaining
    backup names goes with the rotated ones (``prune_backup_store``). ``progress``/``cancelled``
    as for ``backup_ledger``.
    """
    ledger_path = Path(ledger_path)
    if not ledger_path.is_file():
        return None
    now = now or datetime.now()
    folder = backups_dir(ledger_path)
    autos = _auto_backups(folder, ledger_path.stem)
    if any(stamp.date() == now.date() for stamp, _ in autos):
        return None
    if autos and _db_sha_in(autos[-1][1]) == _current_db_sha(ledger_path):
        return None
    info = backup_ledger(ledger_path, folder, kind=AUTO, now=now, progress=progress,
                         cancelled=cancelled)
    autos = _auto_backups(folder, ledger_path.stem)
    rotated = False
    for _stamp, old in autos[:-keep] if keep > 0 else []:
        try:
            old.unlink()
            rotated = True
        except OSError:
            pass  # a backup we cannot delete is only wasted space
    if rotated:
        prune_backup_store(folder)
    return info


def _db_sha_in(backup_file: Path) -> str | None:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            return str(_read_manifest(zf, backup_file).get("db", {}).get("sha256"))
    except (BadBackup, zipfile.BadZipFile, OSError, AttributeError):
        return None


def _current_db_sha(ledger_path: Path) -> str:
    # The backup API copies pages verbatim: an unchanged ledger gives a byte-identical copy.
    with tempfile.TemporaryDirectory(prefix="taskledger-backup-") as work:
        snapshot = Path(work) / DB_MEMBER
        _snapshot(ledger_path, snapshot)
        return sha256_file(snapshot)


def list_backups(ledger_path: Path | None = None, *, folder: Path | None = None) -> list[BackupInfo]:
    """Backups in ``folder`` (default: this ledger's backups folder), oldest first.

    Reads only each manifest (quick); use ``check_backup`` before trusting one. Files that
    are not readable backups are skipped.
    """
    folders = [Path(folder)] if folder is not None else []
    mine = None
    if folder is None:
        if ledger_path is None:
            raise ValueError("ledger_path or folder is needed")
        folders = [backups_dir(ledger_path)]
        if _legacy_dir(ledger_path) != folders[0]:
            folders.append(_legacy_dir(ledger_path))
        # In the old, name-keyed folder only this very ledger's backups count.
        mine = (ledger_id_of(ledger_path), str(Path(ledger_path).resolve()))
    found = []
    for where in folders:
        for path in sorted(where.glob("*.zip")) if where.is_dir() else []:
            if path.name.startswith("."):
                continue                # .partial-*.zip: a backup being written (or killed)
            try:
                with zipfile.ZipFile(path) as zf:
                    manifest = _read_manifest(zf, path)
                if where != folders[0] and not _belongs(manifest, mine):
                    continue
                found.append(_info(path, manifest))
            except (BadBackup, zipfile.BadZipFile, OSError, ValueError, TypeError):
                continue
    return sorted(found, key=lambda b: (b.created_at, b.path.name))


def _belongs(manifest: dict, mine) -> bool:
    """Whether a backup in the old shared folder was made of this ledger."""
    identity, path = mine
    if manifest.get("ledger_id"):
        return manifest["ledger_id"] == identity
    return manifest.get("ledger_path") == path


# ---- checking and restoring ------------------------------------------------------------------
def check_backup(backup_file: Path, *, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> BackupInfo:
    """Check a backup whole; return its description or raise BadBackup saying what is wrong.

    Checks: a readable zip with every member's CRC intact; a TaskLedger manifest; the
    database's SHA-256, TaskLedger application_id, a schema not newer than this program and
    ``PRAGMA integrity_check``; every evidence file's SHA-256 and size; and that every
    evidence file the database names is in the backup (or was already missing when it was made).

    ``progress(done, total)`` counts bytes read plus a small allowance per file (the
    database's bytes count twice: once unpacked, once checked), monotone, ending at total.
    ``cancelled()`` returning True stops the check with errors.Cancelled. Only the database
    is unpacked (into a temporary folder, not fsynced: it is thrown away); evidence files are
    hashed as they stream out of the zip.
    """
    with tempfile.TemporaryDirectory(prefix="taskledger-check-") as work:
        try:
            return _unpack_checked(Path(backup_file), Path(work), keep=False,
                                   progress=progress, cancelled=cancelled)
        except Cancelled:
            raise Cancelled("已取消检查备份") from None


def restore_backup(backup_file: Path, ledger_path: Path, *, lock=None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> RestoreResult:
    """Replace the ledger with a backup, after checking the backup whole.

    A backup that fails any check is refused with BadBackup and the current ledger and its
    evidence folder are left byte for byte as they were. Otherwise the current ledger is
    first backed up itself (kind ``before-restore``; a ledger too damaged for that is copied
    aside as raw files), the backup's evidence files are added to the evidence folder (files
    already there are kept: they are named by content), and the database file is replaced
    atomically.

    ``progress(done, total)`` runs once from 0 to 1000 over unpacking and checking, the
    safety backup and adding evidence. ``cancelled()`` is honoured until the database file is
    swapped: a cancel raises errors.Cancelled and undoes everything done so far (evidence
    files added, the safety backup), so the ledger, its evidence folder and its backups folder
    are as they were. Once the swap has happened the restore completes.

    The ledger must not be open in this process. ``lock``: pass the LockHandle the caller
    holds on this ledger (the window does); without one, the lock is taken here and
    LedgerLocked is raised if another program has the ledger open.
    """
    from . import lock as lockmod

    backup_file, ledger_path = Path(backup_file), Path(ledger_path)
    phases = _Phases(progress, RESTORE_WEIGHTS)
    ledger_path.parent.mkdir(parents=True, exist_ok=True)
    # Unpack beside the ledger, so the final moves are renames on one file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{ledger_path.name}.restore-", dir=ledger_path.parent))
    try:
        info = _unpack_checked(backup_file, staging, keep=True, progress=phases.part("unpack"),
                               cancelled=cancelled, store=evidence_dir_for(ledger_path))
        own_lock = None
        if lock is None:
            own_lock = lockmod.acquire(ledger_path, program="恢复")
        safety, safety_added = None, []
        merge = _Merge(staging / "evidence", evidence_dir_for(ledger_path), staging / "replaced")
        sides = [Path(f"{ledger_path}-wal"), Path(f"{ledger_path}-shm")]
        sides_before = {side for side in sides if side.exists()}
        try:
            if ledger_path.exists():
                safety, safety_added = _safety_copy(ledger_path, progress=phases.part("safety"),
                                                    cancelled=cancelled)
            merge.run(progress=phases.part("merge"), cancelled=cancelled)
            # The last moment a cancel counts: after this the ledger is the backup's.
            _stop_if(cancelled)
            # An old WAL beside the new database would be replayed into it, so it must go
            # before the swap — but only once its committed pages are in the database file:
            # a crash between removing it and the swap would otherwise lose them.
            if ledger_path.exists():
                _checkpoint(ledger_path)
            for side in sides:
                if side.exists():
                    side.unlink()
            os.replace(staging / DB_MEMBER, ledger_path)
            fsync_dir(ledger_path.parent)
        except Cancelled:
            # Raised only before the swap: put the evidence folder and backups back.
            merge.undo()
            _remove_safety_copy(safety, safety_added)
            for side in sides:
                # The safety backup's read-only connection leaves an empty WAL and its index
                # beside a closed ledger; nothing else has the ledger open (we hold its lock).
                if side not in sides_before and side.exists() and (
                        side.name.endswith("-shm") or side.stat().st_size == 0):
                    side.unlink()
            raise
        finally:
            lockmod.release(own_lock)
    except Cancelled:
        raise Cancelled("已取消恢复，台账未改动") from None
    except OSError as exc:
        raise LedgerError(f"恢复失败：{exc.filename or ''} {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    phases.finish()
    return RestoreResult(restored=info, safety_backup=safety, evidence_added=len(merge.moved))


# ---- helpers ---------------------------------------------------------------------------------
def _check_room(folder: Path, needed: int) -> None:
    """Refuse before unpacking when the disk cannot take what the backup will write."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if needed + 16 * 1024 * 1024 > free:
        raise DiskFull(f"磁盘空间不足：恢复需要约 {needed // (1024 * 1024) + 1} MB，"
                       f"{folder.parent} 所在磁盘只剩 {free // (1024 * 1024)} MB；台账未改动")


def _check_same_unit(db_path: Path, backup_file: Path, manifest: dict) -> None:
    """The database restored is the one the manifest (and so the confirmation) describes."""
    conn = sqlite3.connect(str(db_path))
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'unit'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    unit = row[0] if row else ""
    if manifest.get("unit") and unit != manifest["unit"]:
        raise BadBackup(f"备份 {backup_file} 的清单写的是“{manifest['unit']}”，数据库却是“{unit}”的，"
                        "备份已被改动")


def _checkpoint(ledger_path: Path) -> None:
    """Move every committed page of the ledger's WAL into the database file and empty it."""
    conn = sqlite3.connect(str(ledger_path), timeout=10)
    try:
        busy, _log, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise LedgerError(f"台账 {ledger_path} 仍被另一个连接使用，无法恢复；请关闭其他程序后再试")
    except sqlite3.DatabaseError as exc:
        # A database too damaged to checkpoint: the safety backup kept it as raw files.
        if "malformed" not in str(exc) and "not a database" not in str(exc):
            raise
    finally:
        conn.close()


def _snapshot(ledger_path: Path, dest: Path) -> None:
    # Read-only: a backup never checkpoints, migrates or otherwise writes the ledger.
    uri = ledger_path.resolve().as_uri() + "?mode=ro"
    try:
        src = sqlite3.connect(uri, uri=True, timeout=10)
        try:
            src.execute("PRAGMA busy_timeout = 10000")
            dst = sqlite3.connect(str(dest))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"无法读取台账 {ledger_path} 进行备份：{exc}") from None


def _describe_db(db_path: Path) -> dict:
    conn = sqlite3.connect(str(db_path))
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        plan = conn.execute("SELECT title FROM plans WHERE id = ?",
                            [meta.get("current_plan")]).fetchone()
        shas = sorted(_referenced_shas(conn))
        return {"ledger_id": meta.get("ledger_id", ""),
                "schema_version": conn.execute("PRAGMA user_version").fetchone()[0],
                "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
                "unit": meta.get("unit", ""), "user": meta.get("user", ""),
                "plan_title": plan[0] if plan else "", "evidence_shas": shas}
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"台账 {db_path} 无法读取：{exc}") from None
    finally:
        conn.close()


def _add_evidence(zf: zipfile.ZipFile, store: Path, sha: str) -> dict:
    source = store / sha[:2] / sha
    member = f"evidence/{sha[:2]}/{sha}"
    if not _SHA_RE.match(sha) or not source.is_file():
        return {"sha256": sha, "problem": "missing"}
    # The stored file must still be what its name says; a damaged one is not copied.
    if sha256_file(source) != sha:
        return {"sha256": sha, "problem": "altered"}
    # Evidence is mostly PDF/JPEG/DOCX, already compressed: store it as it is.
    zf.write(source, member, compress_type=zipfile.ZIP_STORED)
    return {"sha256": sha, "size": source.stat().st_size, "member": member}


def _read_manifest(zf: zipfile.ZipFile, path: Path) -> dict:
    names = zf.namelist()
    if len(names) != len(set(names)):
        # Two members of one name: which one a reader takes is up to it — a backup holding
        # two ledger.db once restored one unit while its manifest named another.
        raise BadBackup(f"备份 {path} 中有重名的文件，不是 TaskLedger 制作的完好备份")
    try:
        info = zf.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            raise BadBackup(f"备份 {path} 的清单过大（{info.file_size} 字节）")
        with zf.open(info) as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
        manifest = load_json(raw, what=f"备份 {path} 的清单", max_bytes=MAX_MANIFEST_BYTES)
    except KeyError:
        raise BadBackup(f"{path} 不是 TaskLedger 备份（缺少 {MANIFEST}）") from None
    except LedgerError as exc:
        raise BadBackup(str(exc)) from None
    except (OSError, *_ZIP_READ_ERRORS) as exc:
        raise BadBackup(f"备份 {path} 的清单 {MANIFEST} 已损坏：{exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadBackup(f"{path} 不是 TaskLedger 备份（清单格式不符）")
    _check_manifest_types(manifest, path)
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BadBackup(f"备份 {path} 由更新版本的 TaskLedger 制作（备份格式 "
                        f"{manifest.get('format_version')}），请升级程序后再恢复")
    return manifest


def _check_manifest_types(manifest: dict, path: Path) -> None:
    """Every field the program reads is of the type it expects (a list where a list is read,
    a whole number where a size is), so no later step trips over it."""
    def wrong(field_name: str):
        raise BadBackup(f"备份 {path} 的清单中“{field_name}”格式不对，备份已损坏或被改动")

    def whole(value) -> bool:
        return type(value) is int and 0 <= value < 1 << 62
    if not whole(manifest.get("format_version", 0)):
        wrong("format_version")
    for key in ("created_at", "kind", "program_version", "ledger_name", "ledger_path", "unit",
                "user", "plan_title", "ledger_id", "evidence_store"):
        if key in manifest and not isinstance(manifest[key], str):
            wrong(key)
    if "schema_version" in manifest and not whole(manifest["schema_version"]):
        wrong("schema_version")
    db = manifest.get("db", {})
    if not isinstance(db, dict) or not isinstance(db.get("sha256", ""), str) or (
            "size" in db and not whole(db["size"])):
        wrong("db")
    for key in ("evidence", "evidence_problems"):
        items = manifest.get(key, [])
        if not isinstance(items, list) or len(items) > MAX_MANIFEST_FILES or not all(
                isinstance(item, dict) and isinstance(item.get("sha256", ""), str)
                and ("size" not in item or item["size"] is None or whole(item["size"]))
                for item in items):
            wrong(key)


def _unpack_checked(backup_file: Path, into: Path, *, keep: bool,
                    progress: Callable[[int, int], None] | None,
                    cancelled: Callable[[], bool] | None, store: Path | None = None) -> BackupInfo:
    """Extract the database into ``into`` and check everything on the way.

    ``keep``: the files will become the ledger (restore): evidence is extracted too, and
    everything fsynced — except files ``store`` already holds intact, which are only hashed
    (content-addressed, so the stored copy is the same file). Without ``keep`` (a check
    only) evidence is hashed as it streams by and nothing but the database is written.
    Every member is read once: reading a zip member to its end checks its CRC, so no
    separate test pass is needed.
    """
    if not backup_file.is_file():
        raise BadBackup(f"找不到备份文件：{backup_file}")
    try:
        zf = zipfile.ZipFile(backup_file)
    except (zipfile.BadZipFile, OSError):
        raise BadBackup(f"{backup_file} 不是完整的备份文件（无法作为 zip 读取），"
                        f"可能在复制时被截断或损坏") from None
    with zf:
        manifest = _read_manifest(zf, backup_file)
        shared = _shared_store_of(manifest, backup_file)
        db_entry = manifest.get("db") or {}
        wanted = [(DB_MEMBER, db_entry.get("sha256"), db_entry.get("size"))]
        evidence = []
        for item in manifest.get("evidence", []):
            sha = str(item.get("sha256", ""))
            if not _SHA_RE.match(sha):
                raise BadBackup(f"备份 {backup_file} 的清单中有无效的佐证材料哈希：{sha[:80]}")
            evidence.append((sha, item.get("size")))
            if shared is None:
                wanted.append((f"evidence/{sha[:2]}/{sha}", sha, item.get("size")))
        if shared is not None and evidence and not shared.is_dir():
            raise BadBackup(f"备份 {backup_file} 的佐证材料保存在同一文件夹的“{shared.name}”中，"
                            f"但找不到 {shared}：请把它和备份文件放在同一个文件夹里")
        names = {name for name, _sha, _size in wanted} | {MANIFEST}
        others = [info for info in zf.infolist()
                  if info.filename not in names and not info.is_dir()]
        sizes = {info.filename: info.file_size for info in zf.infolist()}
        if shared is not None:
            for sha, _size in evidence:
                sizes[sha] = _size_or_zero(shared / sha[:2] / sha)
        db_size = sizes.get(DB_MEMBER, 0)
        if keep:
            _check_room(into, db_size + sum(
                int(size or 0) for sha, size in evidence
                if store is None or not (store / sha[:2] / sha).is_file()))

        file_cost = FILE_COST if keep else FILE_COST // 8     # hashing only: no file made

        def cost(member: str) -> int:
            return sizes.get(member, 0) + file_cost
        work_total = (sum(cost(name) for name, _sha, _size in wanted) + db_size
                      + sum(cost(info.filename) for info in others)
                      + (sum(cost(sha) for sha, _size in evidence) if shared is not None else 0))
        done = 0

        def advance(member_done: int, _member_total: int) -> None:
            if progress:
                progress(min(done + member_done, work_total), work_total)

        for info in others:        # not needed, but a backup is checked whole
            _extract(zf, backup_file, info.filename, None, None, None, fsync=False,
                     progress=advance, cancelled=cancelled)
            done += cost(info.filename)
        db_path = into / DB_MEMBER
        _extract(zf, backup_file, DB_MEMBER, db_path, db_entry.get("sha256"), db_entry.get("size"),
                 fsync=keep, progress=advance, cancelled=cancelled)
        done += cost(DB_MEMBER)
        _check_db(db_path, backup_file, cancelled)
        _check_same_unit(db_path, backup_file, manifest)
        done += db_size
        advance(0, 0)
        included = set()
        for sha, size in evidence:
            stage = keep and not (store is not None and _stored_intact(store, sha))
            dest = into / "evidence" / sha[:2] / sha if stage else None
            if shared is None:
                _extract(zf, backup_file, f"evidence/{sha[:2]}/{sha}", dest, sha, size,
                         fsync=keep, progress=advance, cancelled=cancelled)
                done += cost(f"evidence/{sha[:2]}/{sha}")
            else:
                _check_stored(shared, backup_file, sha, size, dest, fsync=keep,
                              progress=advance, cancelled=cancelled)
                done += cost(sha)
            advance(0, 0)
            included.add(sha)
        absent_then = {str(p.get("sha256")) for p in manifest.get("evidence_problems", [])}
        named = _evidence_shas(db_path)
        lost = sorted(named - included - absent_then)
        if lost:
            raise BadBackup(f"备份 {backup_file} 不完整：缺少 {len(lost)} 份佐证材料"
                            f"（如 SHA-256 {lost[0][:16]}…）")
    if progress:
        progress(work_total, work_total)
    return _info(backup_file, manifest)


def _shared_store_of(manifest: dict, backup_file: Path) -> Path | None:
    """The shared store a format-2 backup's evidence is in (None: inside the zip)."""
    if int(manifest.get("format_version", 0)) < FORMAT_VERSION:
        return None
    name = manifest.get("evidence_store")
    if not isinstance(name, str) or not name or name in (".", "..") or "/" in name \
            or "\\" in name or ":" in name:
        raise BadBackup(f"备份 {backup_file} 的清单中佐证材料文件夹的名称无效：{str(name)[:80]}")
    return backup_file.parent / name


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _check_stored(shared: Path, backup_file: Path, sha: str, size, dest: Path | None, *,
                  fsync: bool, progress, cancelled) -> None:
    """Hash the shared store's copy of ``sha`` (copying it to ``dest`` when given) and check
    it against the manifest."""
    source = shared / sha[:2] / sha
    if not source.is_file():
        raise BadBackup(f"备份 {backup_file} 不完整：{shared} 中缺少佐证材料 SHA-256 {sha[:16]}…")
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        digest, written = copy_hashed(source, dest, fsync=fsync, progress=progress,
                                      cancelled=cancelled)
    except OSError as exc:
        raise BadBackup(f"备份 {backup_file} 的佐证材料 {source} 无法读取："
                        f"{exc.strerror or exc}") from None
    if digest != sha or (size is not None and written != int(size)):
        raise BadBackup(f"备份 {backup_file} 的佐证材料 {source.name[:16]}…（{shared.name}）"
                        f"与清单记录的 SHA-256 不符，备份已损坏或被改动")


def _stored_intact(store: Path, sha: str) -> bool:
    target = store / sha[:2] / sha
    return target.is_file() and sha256_file(target) == sha


def _extract(zf: zipfile.ZipFile, backup_file: Path, member: str, dest: Path | None,
             sha: str | None, size, *, fsync: bool, progress, cancelled) -> None:
    """Unpack ``member`` to ``dest`` (None: read it only) and check it against ``sha`` and
    ``size`` from the manifest (no ``sha``: the member is only read, its CRC checked).

    Never more than the manifest's size is unpacked (a 3 MB zip once wrote 3 GiB before
    being refused), nor a member packed tighter than any real file packs."""
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        info = zf.getinfo(member)
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) + RATIO_ALLOWANCE:
            raise BadBackup(f"备份 {backup_file} 中的 {member} 解压后会大 {MAX_RATIO} 倍以上"
                            "（压缩炸弹），不是 TaskLedger 制作的备份")
        limit = int(size) if size is not None else None
        with zf.open(info) as src:
            digest, written = copy_hashed(src, dest, fsync=fsync, limit=limit,
                                          total=info.file_size,
                                          progress=progress, cancelled=cancelled)
    except LimitExceeded:
        raise BadBackup(f"备份 {backup_file} 中的 {member} 比清单记录的大，备份已损坏或被改动") from None
    except KeyError:
        raise BadBackup(f"备份 {backup_file} 不完整：缺少 {member}") from None
    except _ZIP_READ_ERRORS:
        raise BadBackup(f"备份 {backup_file} 中的 {member} 已损坏，无法解压（可能在复制时被截断或损坏）") from None
    if dest is None and sha is None:
        return
    if not sha or digest != sha or (size is not None and written != int(size)):
        raise BadBackup(f"备份 {backup_file} 中的 {member} 与清单记录的 SHA-256 不符，"
                        f"备份已损坏或被改动")


def _check_db(db_path: Path, backup_file: Path,
              cancelled: Callable[[], bool] | None = None) -> None:
    try:
        version = read_schema_version(db_path)
    except LedgerError:
        raise BadBackup(f"备份 {backup_file} 中的数据库不是 TaskLedger 台账") from None
    if version > LATEST_VERSION:
        raise BadBackup(f"备份 {backup_file} 由更新版本的 TaskLedger 制作（数据结构版本 "
                        f"{version}，本程序支持到 {LATEST_VERSION}），请升级程序后再恢复")
    conn = sqlite3.connect(str(db_path))
    if cancelled is not None:
        # integrity_check reads every page (seconds on a big ledger): let a cancel interrupt it.
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20000)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BadBackup(f"备份 {backup_file} 中的数据库不是 TaskLedger 台账")
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise BadBackup(f"备份 {backup_file} 中的数据库未通过完整性检查：{result[0]}")
    except sqlite3.DatabaseError as exc:
        if cancelled is not None and cancelled():
            raise Cancelled("已取消") from None
        raise BadBackup(f"备份 {backup_file} 中的数据库已损坏：{exc}") from None
    finally:
        conn.close()


def _evidence_shas(db_path: Path) -> set[str]:
    conn = sqlite3.connect(str(db_path))
    try:
        return _referenced_shas(conn)
    finally:
        conn.close()


def _referenced_shas(conn: sqlite3.Connection) -> set[str]:
    """Hashes of every file the database expects in the evidence store.

    A unit's evidence, and on a province ledger the files of every imported package (kept
    for the history even when superseded; the package's data.json lives in the database).
    """
    shas = {row[0] for row in conn.execute("SELECT sha256 FROM evidence")}
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "submission_files" in tables:
        shas |= {row[0] for row in conn.execute(
            "SELECT sha256 FROM submission_files WHERE role != 'data'")}
    return shas


class _Merge:
    """Moves checked evidence files into the store, and can put everything back.

    Files already in the store with the right content stay; a damaged one is replaced, the
    damaged copy kept aside until the restore is done, so that undo() restores the store
    exactly (a cancel before the swap changes nothing).
    """

    def __init__(self, staged: Path, store: Path, aside: Path):
        self.staged, self.store, self.aside = staged, store, aside
        self.moved: list[tuple[Path, Path, Path | None]] = []   # (target, staged, old copy)
        self.made_dirs: list[Path] = []

    def run(self, *, progress=None, cancelled=None) -> None:
        """Move every staged file in; fsync each touched folder once, at the end."""
        files = sorted(f for f in self.staged.rglob("*") if f.is_file()) \
            if self.staged.is_dir() else []
        touched = set()
        for done, file in enumerate(files, 1):
            _stop_if(cancelled)
            target = self.store / file.parent.name / file.name
            if target.is_file() and sha256_file(target) == file.name:
                _report(progress, done, len(files))
                continue
            for folder in (self.store, target.parent):
                if not folder.exists():
                    folder.mkdir(parents=True)
                    self.made_dirs.append(folder)
                    touched.add(folder.parent)
            old = None
            if target.exists():
                old = self.aside / file.name
                old.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, old)
            os.replace(file, target)
            self.moved.append((target, file, old))
            touched.add(target.parent)
            _report(progress, done, len(files))
        for folder in sorted(touched):
            fsync_dir(folder)
        _report(progress, len(files), len(files))

    def undo(self) -> None:
        """Put the store back as it was before run() (best effort: never raises)."""
        for target, file, old in reversed(self.moved):
            try:
                os.replace(target, file)
                if old is not None:
                    os.replace(old, target)
            except OSError:
                pass
        for folder in reversed(self.made_dirs):
            try:
                folder.rmdir()
            except OSError:
                pass
        self.moved.clear()


def _safety_copy(ledger_path: Path, *, progress=None,
                 cancelled=None) -> tuple[Path, list[Path]]:
    """Back up the ledger about to be replaced; copy raw files aside if it cannot be read.
    Returns the backup and the files it added to the shared store."""
    try:
        made = backup_ledger(ledger_path, kind=BEFORE_RESTORE, progress=progress,
                             cancelled=cancelled)
        return made.path, made.added_to_store
    except Cancelled:
        raise
    except LedgerError:
        folder = backups_dir(ledger_path)
        aside = folder / f"{ledger_path.stem}_damaged_{datetime.now():%Y%m%d-%H%M%S}"
        aside.mkdir(parents=True, exist_ok=True)
        for side in (ledger_path, Path(f"{ledger_path}-wal"), Path(f"{ledger_path}-shm")):
            if side.exists():
                shutil.copy2(side, aside / side.name)
        return aside, []


def _remove_safety_copy(safety: Path | None, added: list[Path] = ()) -> None:
    """Remove a safety copy made for a restore that did not happen (and the evidence files it
    was the first to put into the shared store)."""
    if safety is None:
        return
    _remove_store_files(list(added))
    if safety.is_dir():
        shutil.rmtree(safety, ignore_errors=True)
    else:
        try:
            safety.unlink()
        except OSError:
            pass


def _auto_backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob(f"{_glob_escape(stem)}_auto_*.zip") if folder.is_dir() else []:
        match = _NAME_RE.match(path.name)
        if match and match["stem"] == stem:
            found.append((datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), path))
    return sorted(found)


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _free_name(folder: Path, base: str) -> Path:
    candidate, n = folder / f"{base}.zip", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.zip"
    return candidate


def _info(path: Path, manifest: dict) -> BackupInfo:
    evidence = manifest.get("evidence", [])
    try:
        shared = _shared_store_of(manifest, Path(path))
    except BadBackup:
        shared = None
    return BackupInfo(
        path=Path(path), created_at=str(manifest.get("created_at", "")),
        kind=str(manifest.get("kind", "")), program_version=str(manifest.get("program_version", "")),
        ledger_name=str(manifest.get("ledger_name", "")),
        ledger_path=str(manifest.get("ledger_path", "")),
        schema_version=int(manifest.get("schema_version", 0)),
        unit=str(manifest.get("unit", "")), user=str(manifest.get("user", "")),
        plan_title=str(manifest.get("plan_title", "")),
        evidence_count=len(evidence),
        size=Path(path).stat().st_size if Path(path).exists() else 0,
        evidence_problems=list(manifest.get("evidence_problems", [])),
        evidence_size=sum(int(item.get("size") or 0) for item in evidence
                          if isinstance(item, dict)),
        evidence_store=shared)


def _report(progress, done: int, total: int) -> None:
    if progress:
        progress(done, total)


def _stop_if(cancelled) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("已取消")


# Shares of a restore's time, measured on bench/big_ledger.py's ledger (10 plans, 20,000
# evidence files): unpacking with fsync dominates, then the safety backup, then the moves.
RESTORE_WEIGHTS = {"unpack": 75, "safety": 15, "merge": 10}


class _Phases:
    """Maps each phase's own (done, total) onto one monotone 0…1000 bar."""
    SCALE = 1000

    def __init__(self, progress, weights: dict[str, int]):
        self.progress, self.last, self.spans = progress, -1, {}
        start, whole = 0, sum(weights.values())
        for name, weight in weights.items():
            span = self.SCALE * weight // whole
            self.spans[name] = (start, span)
            start += span

    def part(self, name: str):
        """The progress callable for one phase (None when nobody listens)."""
        if self.progress is None:
            return None
        start, span = self.spans[name]

        def report(done: int, total: int) -> None:
            self._emit(start + (span * min(done, total) // total if total > 0 else span))
        return report

    def finish(self) -> None:
        """Report the end (phases that had nothing to do never reported)."""
        if self.progress is not None:
            self._emit(self.SCALE)

    def _emit(self, value: int) -> None:
        if value > self.last:
            self.last = value
            self.progress(value, self.SCALE)


def _fsync_file(path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
