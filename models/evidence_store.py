"""Evidence files on disk, addressed by SHA-256 and stored once however often they are used.

The store lives in a folder beside the ledger file. A file is written under a temporary name,
flushed, fsynced and renamed into place before any row names it, so a crash never leaves a
row pointing at half a file. The user's original is only read.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .errors import InvalidInput
from .fsutil import fsync_dir, ordinary_file_mode

CHUNK = 1 << 20
OK, MISSING, ALTERED = "ok", "missing", "altered"


def evidence_dir_for(ledger_path: Path) -> Path:
    """The evidence folder that belongs to a ledger file."""
    ledger_path = Path(ledger_path)
    return ledger_path.with_name(ledger_path.stem + "_evidence")


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class EvidenceStore:
    """A content-addressed folder of evidence files."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it is there)."""
        return self.root / sha256[:2] / sha256

    def add(self, source: Path, *, progress=None, cancelled=None) -> tuple[str, int]:
        """Copy ``source`` into the store; return (sha256, size). Idempotent per content."""
        source = Path(source)
        if not source.is_file():
            raise InvalidInput(f"找不到佐证材料文件：{source}")
        self.root.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            # mkstemp makes the file private (0600); stored evidence is ordinary user data.
            os.chmod(tmp_name, ordinary_file_mode())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.is_file() and self.check(sha) == OK:
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, final)
                fsync_dir(final.parent)
        except OSError as exc:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise InvalidInput(f"无法读取或保存佐证材料 {source}：{exc.strerror or exc}") from None
        return sha, size

    def check(self, sha256: str) -> str:
        """OK, MISSING or ALTERED for the stored copy of ``sha256``."""
        path = self.path_for(sha256)
        if not path.is_file():
            return MISSING
        return OK if sha256_of(path) == sha256 else ALTERED
