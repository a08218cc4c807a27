"""Small file-system helpers: the one stream copy with SHA-256, and durable writes.

Every place that copies or hashes a file (evidence store, package import, backup check and
restore, package export) goes through ``copy_hashed``, so they all count bytes, report
progress, honour cancel and fsync the same way.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import Cancelled, LedgerError

CHUNK = 1 << 20


class LimitExceeded(LedgerError):
    """More bytes came than ``copy_hashed``'s ``limit`` allowed; the caller says what it means."""


def copy_hashed(source: Path | str | BinaryIO, dest: Path | str | BinaryIO | None = None, *,
                limit: int | None = None, fsync: bool = True, total: int | None = None,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[str, int]:
    """Stream ``source`` into ``dest`` while hashing it; return (SHA-256 hex, bytes copied).

    ``source``: a path, or a binary file object open for reading (read to its end, left open).
    ``dest``: a path (created or truncated, and removed again if the copy fails or is
    cancelled), a binary file object (written to, left open, never fsynced here), or None to
    hash only.
    ``limit``: raise LimitExceeded once more than ``limit`` bytes have come. Bytes are counted
    as they are read, because a declared size (a zip member's) can lie.
    ``fsync``: flush and fsync a ``dest`` path before returning. Files that will be kept
    need it; a copy made only to be checked and thrown away does not (it costs seconds on
    thousands of files).
    ``progress(done_bytes, total_bytes)`` after each chunk, monotone, the last call at the
    end; ``total`` defaults to the size of a source path (or of an open file's descriptor).
    ``cancelled()`` is asked before each chunk; True raises errors.Cancelled.
    """
    if total is None:
        total = _size_of(source)
    own_source = isinstance(source, (str, os.PathLike))
    own_dest = isinstance(dest, (str, os.PathLike))
    src = open(source, "rb") if own_source else source
    try:
        out = open(dest, "wb") if own_dest else dest
    except BaseException:
        if own_source:
            src.close()
        raise
    import hashlib                 # OpenSSL loads when a file is first hashed, not at start-up
    digest, done, reported = hashlib.sha256(), 0, -1
    try:
        while True:
            if cancelled is not None and cancelled():
                raise Cancelled("已取消，未留下未完成的文件")
            chunk = src.read(CHUNK)
            if not chunk:
                break
            done += len(chunk)
            if limit is not None and done > limit:
                raise LimitExceeded(f"超过上限 {limit} 字节")
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
            if progress is not None:
                progress(done, max(total, done))
                reported = done
        if own_dest and fsync:
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        if own_dest:
            out.close()
            try:
                os.unlink(dest)
            except OSError:
                pass
        raise
    finally:
        if own_source:
            src.close()
    if own_dest:
        out.close()
    if progress is not None and reported != done:
        progress(done, max(total, done))        # an empty source still reports its end
    return digest.hexdigest(), done


def sha256_file(path: Path | str, *, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> str:
    """Hex SHA-256 of a file's content (``progress``/``cancelled`` as for copy_hashed)."""
    return copy_hashed(path, None, progress=progress, cancelled=cancelled)[0]


def _size_of(source) -> int:
    try:
        if isinstance(source, (str, os.PathLike)):
            return os.stat(source).st_size
        return os.fstat(source.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0        # a zip member or a pipe: the caller passes ``total`` if it knows it


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX; Windows has no directory fsync)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ordinary_file_mode() -> int:
    """The mode a normally created file gets (0666 less the umask).

    Temporary files from mkstemp are private (0600); what we rename into place is user data.
    """
    current = os.umask(0)
    os.umask(current)
    return 0o666 & ~current


def copy_read_only(source: Path, target: Path, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """Copy ``source`` to ``target`` (replacing an older copy) and make it read-only: what a
    viewer opens must not be able to alter the stored original. ``progress``/``cancelled`` as
    for copy_hashed; a cancelled copy leaves no partial file."""
    source, target = Path(source), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.chmod(0o644)
        target.unlink()
    # A viewer's copy is thrown away later: no fsync.
    copy_hashed(source, target, fsync=False, progress=progress, cancelled=cancelled)
    target.chmod(0o444)
    return target
