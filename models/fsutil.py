"""Small file-system helpers for durable writes."""
from __future__ import annotations

import os
from pathlib import Path


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


def copy_read_only(source: Path, target: Path, *, progress=None, cancelled=None) -> Path:
    """Copy ``source`` to ``target`` (replacing an older copy) and make it read-only: what a
    viewer opens must not be able to alter the stored original. ``progress(bytes, total)``;
    ``cancelled()`` stops it with models.errors.Cancelled and no partial copy left."""
    from .errors import Cancelled
    source, target = Path(source), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.chmod(0o644)
        target.unlink()
    total, done = source.stat().st_size, 0
    partial = target.with_name(target.name + ".partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                if cancelled is not None and cancelled():
                    raise Cancelled("已取消")
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()
    target.chmod(0o444)
    return target
