"""One writer per ledger: a lock file beside the ledger, held with an OS lock.

A second copy of the program (window or command line) opened on the same ledger is refused
with a message naming who holds it and since when. The operating system drops the lock when
a process ends, however it ends, so the lock file of a crashed program is stale and the next
one takes it over (``LockHandle.previous`` then tells what was left behind).

The lock is ``<ledger>.lock``: pid, host, user and time as JSON for people and messages; the
OS lock (``fcntl.flock`` on Linux/macOS, ``msvcrt.locking`` on Windows) is what decides.
Readers need no lock: SQLite's WAL gives them a consistent view while one process writes.
"""
from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from .errors import LedgerError

# Windows locks are mandatory: lock one byte far past the JSON so others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 30


class LedgerLocked(LedgerError):
    """The ledger is open in another copy of the program; ``.holder`` says which."""

    def __init__(self, message: str, holder: "LockInfo | None" = None):
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or held) a ledger's lock."""
    pid: int
    host: str
    user: str
    since: str          # ISO time the lock was taken
    program: str = ""   # "窗口" or "命令行", for the message

    def describe(self) -> str:
        """One Chinese phrase: 计算机 X 上的用户 Y（进程 N，窗口，自 2021-10-15 09:30 起）."""
        when = self.since.replace("T", " ")[:16] if self.since else "时间不明"
        who = f"计算机 {self.host or '不明'} 上的用户 {self.user or '不明'}"
        how = "，".join(x for x in (f"进程 {self.pid}", self.program) if x)
        return f"{who}（{how}，自 {when} 起）"


def lock_path_for(ledger_path: Path) -> Path:
    """The lock file that belongs to a ledger file."""
    ledger_path = Path(ledger_path).resolve()     # one lock however the ledger is reached
    return ledger_path.with_name(ledger_path.name + ".lock")


class LockHandle:
    """A held lock. Release it with ``release()`` or use it as a context manager."""

    def __init__(self, ledger_path: Path, fh, info: LockInfo, previous: LockInfo | None):
        self.ledger_path = Path(ledger_path)
        self.path = lock_path_for(ledger_path)
        self.info = info
        #: the holder recorded in a stale lock file that was taken over (a program that
        #: crashed or was killed), else None
        self.previous = previous
        self._fh = fh

    @property
    def held(self) -> bool:
        """True until released."""
        return self._fh is not None

    def release(self) -> None:
        """Give the lock up and remove the lock file. Safe to call twice."""
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            # Remove while still locked, so nobody can take a file that is about to vanish;
            # Windows refuses to delete an open file, so there the file stays (empty).
            if os.name != "nt":
                _unlink_quietly(self.path)
            else:
                fh.seek(0)
                fh.truncate()
                fh.flush()
        finally:
            try:
                _os_unlock(fh)
            finally:
                fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()

    def __del__(self):  # a forgotten handle must not keep the ledger locked forever
        try:
            self.release()
        except Exception:
            pass


def acquire(ledger_path: Path, *, program: str = "") -> LockHandle:
    """Take the ledger's lock, or raise LedgerLocked naming who holds it.

    ``program`` ("窗口" / "命令行") goes into the lock file so the refusal message can say
    which kind of copy is open. A stale lock file (its process is gone) is taken over and
    reported in ``handle.previous``.
    """
    ledger_path = Path(ledger_path)
    path = lock_path_for(ledger_path)
    for _attempt in range(5):
        try:
            fh = open(path, "a+b")
        except PermissionError:
            # Left by another user of this PC (their file, not writable for us): take it over
            # when stale, else say who has the ledger open. Never wait for it forever.
            _take_over_foreign(ledger_path, path)
            continue
        except OSError as exc:
            raise LedgerLocked(f"无法创建台账锁文件 {path}：{exc.strerror or exc}") from None
        _share_with_other_users(path)
        if not _os_lock(fh):
            holder = _read_info(fh)
            fh.close()
            who = holder.describe() if holder else "另一个程序"
            raise LedgerLocked(
                f"台账 {ledger_path} 已被{who}打开；同一台账同时只能由一个程序修改，"
                f"请先关闭那边的程序再试。", holder)
        # The holder before us may have removed the file between our open() and our lock:
        # then we hold a lock on a deleted file and must start again on the new one.
        if not _same_file(fh, path):
            _os_unlock(fh)
            fh.close()
            continue
        previous = _read_info(fh)
        info = LockInfo(pid=os.getpid(), host=_host(), user=_user(),
                        since=datetime.now().isoformat(timespec="seconds"), program=program)
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(asdict(info), ensure_ascii=False).encode("utf-8"))
        fh.flush()
        try:
            os.fsync(fh.fileno())
        except OSError:
            pass
        return LockHandle(ledger_path, fh, info, previous)
    raise LedgerLocked(f"台账 {ledger_path} 的锁文件反复变化，可能正被另一个程序打开，请稍后再试。")


def _take_over_foreign(ledger_path: Path, path: Path) -> None:
    """A lock file we may not write: remove it if no process holds it, else refuse."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        return                                  # gone meanwhile: try again
    except OSError as exc:
        raise LedgerLocked(f"无法读取台账锁文件 {path}：{exc.strerror or exc}") from None
    try:
        if not _os_lock(fh):
            holder = _read_info(fh)
            who = holder.describe() if holder else "另一个用户的程序"
            raise LedgerLocked(f"台账 {ledger_path} 已被{who}打开；同一台账同时只能由一个程序修改，"
                               "请先关闭那边的程序再试。", holder)
        try:
            os.unlink(path)                     # stale: its owner's program has ended
        except OSError as exc:
            raise LedgerLocked(
                f"台账锁文件 {path} 是另一个用户留下的（那个程序已经结束），但没有权限删除它："
                f"{exc.strerror or exc}。请让那个用户或管理员删除这个文件。") from None
        finally:
            _os_unlock(fh)
    finally:
        fh.close()


def _share_with_other_users(path: Path) -> None:
    """Let another user of this PC take over the lock file once our program has ended."""
    try:
        if os.name != "nt" and os.stat(path).st_uid == os.getuid():
            os.chmod(path, 0o666)
    except OSError:
        pass


def release(handle: LockHandle | None) -> None:
    """Release a lock taken with ``acquire`` (None is ignored)."""
    if handle is not None:
        handle.release()


def holder(ledger_path: Path) -> LockInfo | None:
    """Who holds the ledger's lock right now, or None when it is free (or the file is stale)."""
    path = lock_path_for(ledger_path)
    try:
        fh = open(path, "rb")
    except OSError:
        return None
    try:
        if _os_lock(fh):
            _os_unlock(fh)
            return None
        return _read_info(fh)
    finally:
        fh.close()


# ---- OS specifics ---------------------------------------------------------------------------
if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _os_lock(fh) -> bool:
        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
        finally:
            fh.seek(0)

    def _os_unlock(fh) -> None:
        fh.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            fh.seek(0)
else:
    import fcntl

    def _os_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _os_unlock(fh) -> None:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        except OSError:
            pass


def _same_file(fh, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fh.fileno())
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _read_info(fh) -> LockInfo | None:
    try:
        fh.seek(0)
        data = json.loads(fh.read(4096).decode("utf-8") or "null")
        fh.seek(0)
        if not isinstance(data, dict):
            return None
        return LockInfo(pid=int(data.get("pid", 0)), host=str(data.get("host", "")),
                        user=str(data.get("user", "")), since=str(data.get("since", "")),
                        program=str(data.get("program", "")))
    except (OSError, ValueError, TypeError, UnicodeDecodeError):
        return None


def _host() -> str:
    """This computer's name (the socket module only where os.uname is missing: Windows)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket
    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd environment)
        return os.environ.get("USERNAME", "")


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

