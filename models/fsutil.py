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
