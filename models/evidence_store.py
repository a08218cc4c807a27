"""Evidence files on disk, addressed by SHA-256 and stored once however often they are used.

The store lives in a folder beside the ledger file. A file is written under a temporary name,
flushed, fsynced and renamed into place before any row names it, so a crash never leaves a
row pointing at half a file. The user's original is only read.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from .errors import Cancelled, InvalidInput
from .fsutil import copy_hashed, fsync_dir, ordinary_file_mode, sha256_file

OK, MISSING, ALTERED = "ok", "missing", "altered"


def evidence_dir_for(ledger_path: Path) -> Path:
    """The evidence folder that belongs to a ledger file."""
    ledger_path = Path(ledger_path)
    return ledger_path.with_name(ledger_path.stem + "_evidence")


class EvidenceStore:
    """A content-addressed folder of evidence files."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        return self.root / sha256[:2] / sha256

    def add(self, source: Path, *, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> tuple[str, int]:
        """Copy ``source`` into the store; return (sha256, size). Idempotent per content.

        ``progress(done_bytes, total_bytes)`` follows the copy. When ``cancelled()`` turns
        True the temporary copy is removed and errors.Cancelled raised: the store is as it was.
        """
        source = Path(source)
        if not source.is_file():
            raise InvalidInput(f"找不到佐证材料文件：{source}")
        self.root.mkdir(parents=True, exist_ok=True)
        import tempfile
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        os.close(fd)
        try:
            sha, size = copy_hashed(source, tmp_name, progress=progress, cancelled=cancelled)
            # mkstemp makes the file private (0600); stored evidence is ordinary user data.
            os.chmod(tmp_name, ordinary_file_mode())
            final = self.path_for(sha)
            if final.is_file() and self.check(sha) == OK:
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, final)
                fsync_dir(final.parent)
        except Cancelled:
            _remove(tmp_name)
            raise Cancelled(f"已取消添加 {source.name}，台账未改动") from None
        except OSError as exc:
            _remove(tmp_name)
            raise InvalidInput(f"无法读取或保存佐证材料 {source}：{exc.strerror or exc}") from None
        return sha, size

    def check(self, sha256: str) -> str:
        """OK, MISSING or ALTERED for the stored copy of ``sha256``."""
        path = self.path_for(sha256)
        if not path.is_file():
            return MISSING
        return OK if sha256_file(path) == sha256 else ALTERED


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass        # already gone (copy_hashed removes what it wrote) or not ours to fix now
